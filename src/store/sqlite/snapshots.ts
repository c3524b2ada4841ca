/** Named snapshots of the embedded inventory: a whole manifest as JSON, never overwritten. */
import type { Manifest } from '../../domain/manifest';
import { ValidationError } from '../../domain/problems';
import type { SnapshotInfo } from '../inventory-store';
import { SQL } from './sql';
import type { StatementCache } from './statement-cache';

export class SqliteSnapshots {
  constructor(private readonly q: StatementCache) {}

  /** Saves the inventory `exportManifest` reads, in the same transaction as the label check and `audit` (its entry). */
  save(label: string, exportManifest: () => Manifest, audit: (info: SnapshotInfo, manifest: Manifest) => void): SnapshotInfo {
    const { db } = this.q;
    const save = db.transaction((): SnapshotInfo => {
      if (db.prepare(SQL.snapshotExists).get(label)) {
        throw new ValidationError([{ path: 'label', message: `snapshot "${label}" already exists; snapshots are never overwritten` }], 'invalid snapshot');
      }
      const createdAt = new Date().toISOString();
      const manifest = exportManifest();
      db.prepare(SQL.saveSnapshot).run(label, createdAt, JSON.stringify(manifest));
      audit({ label, createdAt }, manifest);
      return { label, createdAt };
    });
    return save.immediate();
  }

  list(): SnapshotInfo[] {
    return this.q.all(SQL.listSnapshots).map((r) => ({ label: r.label as string, createdAt: r.created_at as string }));
  }

  get(label: string): Manifest | null {
    const row = this.q.db.prepare(SQL.getSnapshot).get(label) as { manifest: string } | undefined;
    return row ? (JSON.parse(row.manifest) as Manifest) : null;
  }
}
