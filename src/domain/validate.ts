/**
 * Turns untrusted input (a parsed YAML/JSON document) into a checked Manifest, or a
 * ValidationError naming every problem with its path.
 */
import { fastParseManifest } from './fast-manifest';
import { manifestSchema, type Manifest } from './manifest';
import { formatPath, ValidationError, type Problem } from './problems';
import { checkReferences, NO_KNOWN_KEYS, type KnownKeys } from './references';

/** Shape only: types, enums, patterns, required properties. */
export function parseManifest(input: unknown, what = 'invalid manifest'): Manifest {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError([{ path: '', message: 'a manifest must be an object with sections such as fields, parties and flows' }], what);
  }
  // Valid manifests take the fast path; anything else gets zod's parse and zod's messages.
  const fast = fastParseManifest(input);
  if (fast) return fast;
  const parsed = manifestSchema.safeParse(input);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    throw new ValidationError(problems, what);
  }
  return parsed.data;
}

/** Shape and references, where `known` answers for keys outside the manifest. */
export function validateManifest(input: unknown, known: KnownKeys = NO_KNOWN_KEYS, what = 'invalid manifest'): Manifest {
  const manifest = parseManifest(input, what);
  const problems = checkReferences(manifest, known);
  if (problems.length > 0) throw new ValidationError(problems, what);
  return manifest;
}
