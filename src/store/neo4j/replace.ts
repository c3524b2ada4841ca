/**
 * REPLACE on Neo4j: the manifest streams in bounded batches into a new inventory version while
 * readers keep seeing the active one; it is checked, then switched active together with its audit
 * entry under the write lock; the retired version is deleted in batches afterwards. Versions left
 * behind by a writer that died are deleted by the next REPLACE or `migrate`.
 */
import { inventoryKeyChanges, type WriteContext } from '../../domain/audit';
import type { Manifest } from '../../domain/manifest';
import { ValidationError, type Problem } from '../../domain/problems';
import { NODE_TYPES, type ImportMode } from '../../domain/vocabulary';
import { CYPHER } from './cypher';
import { auditProps } from './records';
import { rowsOf, run, type Neo4jTransactions } from './transactions';
import { chunks, edgeBatches, missingTarget, nodeRows, type InventoryWrites } from './writes';

/** A staged REPLACE older than this is taken for abandoned (its writer died) and deleted. */
const STAGING_ABANDONED_MS = 6 * 60 * 60 * 1000;

export class StagedReplace {
  constructor(
    private readonly tx: Neo4jTransactions,
    private readonly writes: InventoryWrites,
  ) {}

  /** Streams a REPLACE into a new version, checks it, switches it active with its audit entry; returns the nodes removed. */
  async replace(manifest: Manifest, context: WriteContext | undefined, actor: string): Promise<number> {
    await this.dropLeftoverVersions();
    const now = new Date().toISOString();
    const staging = await this.tx.writeLocked(async (tx) => rowsOf(await run(tx, CYPHER.createStagingVersion, { now }))[0].v as number);
    let previous: number;
    let removed: number;
    try {
      await this.tx.writeTx((tx) => this.writes.writeDocuments(tx, manifest, staging));
      const problems: Problem[] = [];
      // Each node type after the types it points at, so every target is there when it is linked;
      // nodes and their edges in one statement per batch, each batch its own bounded transaction.
      for (const type of NODE_TYPES) {
        if (type === 'document') continue;
        for (const rows of chunks(nodeRows(type, manifest), this.writes.stagingBatchSize)) {
          const missing = await this.tx.writeTx(async (tx) => rowsOf(await run(tx, CYPHER.stageNodes[type], { rows, v: staging })));
          problems.push(...missing.flatMap((r) => (r.missing as Array<{ rel: string; target: string }>).map((m) => missingTarget(type, String(r.owner), m.rel, m.target))));
        }
      }
      // Edges between nodes of one type (a category's parent) once all of them exist.
      const categories = manifest.categories as Array<Record<string, unknown> & { key: string }>;
      for (const batch of edgeBatches('category', categories, this.writes.stagingBatchSize)) {
        if (batch.edge.target !== 'category') continue;
        problems.push(...(await this.tx.writeTx((tx) => this.writes.link(tx, 'category', batch, staging))));
      }
      problems.push(...(await this.tx.writeTx((tx) => this.writes.checkAfterWrite(tx, manifest, staging, []))));
      if (problems.length > 0) throw new ValidationError(problems, 'the write would leave the inventory inconsistent');
      // The switch: under the lock, with the expected versions checked and the audit entry written in it.
      [previous, removed] = await this.tx.writeLocked(async (tx, active) => {
        await this.writes.checkExpected(tx, active, context);
        const before = await this.writes.countNodes(tx, active);
        // Versions outlive inventory versions: settled here, comparing what is replaced with what replaces it.
        for (const type of NODE_TYPES) {
          await run(tx, CYPHER.advanceReplacedVersions[type], { old: active, new: staging });
          await run(tx, CYPHER.continueRecreatedVersions[type], { old: active, new: staging });
        }
        // Which keys the REPLACE removes and adds, for its audit entry: the two versions' keys.
        const keyChanges = inventoryKeyChanges(await this.writes.keysByType(tx, active), await this.writes.keysByType(tx, staging));
        await run(tx, CYPHER.switchVersion, { v: staging });
        const after = await this.writes.countNodes(tx, staging);
        const mode: ImportMode = 'REPLACE';
        await this.writes.appendAudit(tx, [auditProps(new Date().toISOString(), actor, 'REPLACE_INVENTORY', 'inventory', '*', { mode, nodes: before }, { mode, nodes: after, ...keyChanges })]);
        return [active, NODE_TYPES.reduce((n, t) => n + before[t], 0)] as const;
      });
    } catch (err) {
      await this.dropVersion(staging).catch(() => undefined);
      throw err;
    }
    // The REPLACE has committed; a failure to delete the retired version now is mended by the next one.
    await this.dropVersion(previous).catch(() => undefined);
    return removed;
  }

  /** Deletes retired versions, and staged ones whose writer died (older than STAGING_ABANDONED_MS). */
  async dropLeftoverVersions(): Promise<void> {
    const staleBefore = new Date(Date.now() - STAGING_ABANDONED_MS).toISOString();
    for (const row of await this.tx.readRows(CYPHER.leftoverVersions, { staleBefore })) await this.dropVersion(row.v as number);
  }

  async dropVersion(v: number): Promise<void> {
    for (const statement of Object.values(CYPHER.deleteVersionBatch)) {
      for (;;) {
        const deleted = await this.tx.writeTx(async (tx) => rowsOf(await run(tx, statement, { v, batch: this.writes.batchSize }))[0]?.deleted as number);
        if (!deleted) break;
      }
    }
    await this.tx.writeTx((tx) => run(tx, CYPHER.deleteVersion, { v }));
  }

}
