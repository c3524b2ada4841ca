/**
 * A problem found in user input, with the path to the offending value
 * (e.g. `flows[3].purposes[1]`), so one error can name every problem at once.
 */
export interface Problem {
  path: string;
  message: string;
}

/** Thrown when input is invalid; carries every problem found, not just the first. */
export class ValidationError extends Error {
  constructor(
    readonly problems: Problem[],
    summary = 'invalid input',
  ) {
    super(`${summary}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` +
      problems.slice(0, 50).map((p) => `  - ${p.path || '(root)'}: ${p.message}`).join('\n') +
      (problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''));
    this.name = 'ValidationError';
  }
}

/** Thrown when something asked for does not exist. */
export class NotFoundError extends Error {
  constructor(readonly nodeType: string, readonly key: string) {
    super(`${nodeType} "${key}" does not exist`);
    this.name = 'NotFoundError';
  }
}

/** Thrown when deleting a node that other nodes still reference. */
export class ReferencedError extends Error {
  constructor(
    readonly nodeType: string,
    readonly key: string,
    readonly referrers: string[],
  ) {
    super(`cannot delete ${nodeType} "${key}": still referenced by ${referrers.join(', ')}`);
    this.name = 'ReferencedError';
  }
}

/** Formats a zod-style path array as `flows[3].purposes[1]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Thrown when a write names the version it expects and the stored node has moved on. */
export class ConflictError extends Error {
  constructor(
    readonly nodeType: string,
    readonly key: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
    /** Overrides the version wording, for conflicts found by the database (a unique key taken meanwhile). */
    message?: string,
  ) {
    super(
      message ?? (actualVersion === null
        ? `${nodeType} "${key}" was expected at version ${expectedVersion} but does not exist (deleted by someone else?)`
        : `${nodeType} "${key}" is at version ${actualVersion}, not ${expectedVersion}: someone else changed it; reload and retry`),
    );
    this.name = 'ConflictError';
  }
}
