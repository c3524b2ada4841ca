/**
 * Imported first by the executable: unless told otherwise, the CLI and the server it starts run
 * graphql-js in its production mode, without the development checks (its `instanceOf` alone was
 * 6.5% of a field page's CPU profile at L), as the benchmark's server processes always ran. Jest
 * sets NODE_ENV=test, so the CLI processes tests spawn keep the checks.
 */
if (process.env.NODE_ENV === undefined) process.env.NODE_ENV = 'production';

export {};
