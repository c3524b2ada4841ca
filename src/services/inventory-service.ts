/**
 * Use cases that change or export the inventory, shared by GraphQL resolvers and the CLI.
 * Every write is validated whole first (shape, then references against the manifest and the
 * store), then handed to the store as one transaction: an invalid write stores nothing.
 */
import type { Manifest } from '../domain/manifest';
import { NotFoundError, ValidationError, type Problem } from '../domain/problems';
import { checkReferences, referencedKeys, SECTION_OF, type KnownKeys } from '../domain/references';
import { parseManifest } from '../domain/validate';
import type { ImportMode, NodeType } from '../domain/vocabulary';
import type { WriteContext } from '../domain/audit';
import type { InventoryStore, WriteSummary } from '../store/inventory-store';

export class InventoryService {
  constructor(private readonly store: InventoryStore) {}

  /** Imports a manifest. MERGE may reference nodes already stored; REPLACE must stand alone. */
  async importManifest(input: unknown, mode: ImportMode = 'MERGE', context?: WriteContext): Promise<WriteSummary> {
    const manifest = parseManifest(input);
    const known = mode === 'MERGE' ? await this.knownKeys(manifest) : undefined;
    const problems = checkReferences(manifest, known);
    if (problems.length > 0) throw new ValidationError(problems, 'invalid manifest');
    return this.store.write(manifest, mode, context);
  }

  /** Creates or replaces one node (whole), checked exactly like a one-node MERGE import. */
  /** `expectedVersion` (if given) must match the stored node's version, else ConflictError. */
  async upsert(type: NodeType, node: Record<string, unknown>, context?: WriteContext & { expectedVersion?: number | null }): Promise<void> {
    const section = SECTION_OF[type];
    // Problems are reported relative to the node (`category`, not `fields[0].category`).
    const prefix = new RegExp(`^${section}\\[0\\]\\.?`);
    const fail = (problems: Problem[]) =>
      new ValidationError(problems.map((p) => ({ ...p, path: p.path.replace(prefix, '') })), `invalid ${type}`);
    let manifest: Manifest;
    try {
      manifest = parseManifest({ [section]: [stripNulls(node)] });
    } catch (err) {
      throw err instanceof ValidationError ? fail(err.problems) : err;
    }
    const problems = checkReferences(manifest, await this.knownKeys(manifest));
    if (problems.length > 0) throw fail(problems);
    const key = (manifest[section] as Array<{ key: string }>)[0].key;
    await this.store.write(manifest, 'MERGE', withExpected(context, type, key));
  }

  /** Deletes one node; fails naming the referrers while anything still points at it. */
  async delete(type: NodeType, key: string, context?: WriteContext & { expectedVersion?: number | null }): Promise<void> {
    const existing = await this.store.existingKeys(type, [key]);
    if (!existing.has(key)) throw new NotFoundError(type, key);
    await this.store.deleteNodes(type, [key], withExpected(context, type, key));
  }

  exportManifest(): Promise<Manifest> {
    return this.store.exportManifest();
  }

  private async knownKeys(manifest: Manifest): Promise<KnownKeys> {
    const { keys, citations } = referencedKeys(manifest);
    const found = new Map<NodeType, Set<string>>();
    for (const [type, set] of keys) found.set(type, await this.store.existingKeys(type, [...set]));
    const foundClauses = await this.store.existingClauses([...citations]);
    return {
      has: (type, key) => found.get(type)?.has(key) ?? false,
      hasClause: (doc, ref) => foundClauses.has(`${doc}#${ref}`),
    };
  }
}

function withExpected(context: (WriteContext & { expectedVersion?: number | null }) | undefined, type: NodeType, key: string): WriteContext | undefined {
  if (!context) return undefined;
  const { expectedVersion, ...rest } = context;
  return expectedVersion == null ? rest : { ...rest, expectedVersions: [...(rest.expectedVersions ?? []), { type, key, version: expectedVersion }] };
}

/** GraphQL inputs arrive with explicit nulls for omitted optionals; the manifest schema wants them absent. */
function stripNulls(node: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (v === null || v === undefined) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? stripNulls(v as Record<string, unknown>) : v;
  }
  return out;
}

