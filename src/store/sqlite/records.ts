/**
 * Node rows made whole records: their citations and flow lists read in one query per batch of
 * rows (not per row), categories and fields given their effective sensitivity; also the stored
 * records the audit log keeps, and the export.
 */
import type { Manifest } from '../../domain/manifest';
import { NOT_SENSITIVE, resolveSensitivity, type Sensitivity } from '../../domain/sensitivity';
import type { NodeType, SensitiveClass } from '../../domain/vocabulary';
import type { NodeOf } from '../inventory-store';
import type { DerivedCaches } from './derived';
import {
  categoryFromRow,
  documentFromRow,
  fieldFromRow,
  flowFromRow,
  legalBasisFromRow,
  partyFromRow,
  permissionFromRow,
  purposeFromRow,
  type Row,
} from './rows';
import { FLOW_LISTS, SQL } from './sql';
import type { StatementCache } from './statement-cache';

export class NodeRecords {
  constructor(
    private readonly q: StatementCache,
    private readonly derived: DerivedCaches,
  ) {}

  /**
   * Turns rows into records, reading sources (unless `withSources` is false: then records have
   * no `sources`) and flow lists for all rows in one query each.
   */
  of<T extends NodeType>(type: T, rows: Row[], withSources = true): Array<NodeOf[T]> {
    return this.recordsOf(type, rows, withSources) as Array<NodeOf[T]>;
  }

  /** Stored records as the manifest has them (documents with clauses), for the audit log. */
  stored(type: NodeType, keys: readonly string[]): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (keys.length === 0) return out;
    const rows = this.q.all(SQL.nodesByKey[type], JSON.stringify(keys));
    for (const record of this.of(type, rows) as Array<{ key: string; effective?: unknown }>) {
      const { effective: _, ...rest } = record;
      out.set(record.key, type === 'document' ? { ...rest, clauses: this.clausesOf(record.key) } : rest);
    }
    return out;
  }

  /** The whole inventory as a manifest; the caller runs it in one read transaction. */
  exportManifest(): Manifest {
    const documents = this.q.all(SQL.exportDocuments).map((row) => ({
      ...documentFromRow(row),
      clauses: this.clausesOf(row.key as string) as Manifest['documents'][number]['clauses'],
    }));
    const strip = <T extends { effective: unknown }>(r: T): Omit<T, 'effective'> => {
      const { effective: _, ...rest } = r;
      return rest;
    };
    const all = (type: NodeType) => this.q.all(SQL.allNodes[type]);
    return {
      version: 1 as const,
      documents,
      categories: this.of('category', all('category')).map(strip),
      fields: this.of('field', all('field')).map(strip),
      purposes: this.of('purpose', all('purpose')),
      permissions: this.of('permission', all('permission')),
      parties: this.of('party', all('party')),
      legalBases: this.of('legalBasis', all('legalBasis')),
      flows: this.of('flow', all('flow')),
    };
  }

  private clausesOf(documentKey: string): unknown[] {
    return this.q.all(SQL.clausesOf, documentKey).map((c) =>
      c.title == null ? { ref: c.ref, text: c.text } : { ref: c.ref, title: c.title, text: c.text },
    );
  }

  private recordsOf(type: NodeType, rows: Row[], withSources: boolean): Array<NodeOf[NodeType]> {
    if (type === 'document') return rows.map(documentFromRow);
    const keys = JSON.stringify(rows.map((r) => r.key));
    const sources = withSources ? this.q.pairs(SQL.sourcesOf, type, keys) : null;
    const src = (r: Row) => (sources ? sources.get(r.key as string) ?? [] : undefined);
    switch (type) {
      case 'category': {
        const effective = this.derived.categoryEffective();
        return rows.map((r) => categoryFromRow(r, src(r), effective.get(r.key as string) ?? NOT_SENSITIVE));
      }
      case 'field': {
        const effective = this.derived.categoryEffective();
        return rows.map((r) => fieldFromRow(r, src(r), fieldEffective(r, effective.get(r.category_key as string))));
      }
      case 'purpose': return rows.map((r) => purposeFromRow(r, src(r)));
      case 'permission': return rows.map((r) => permissionFromRow(r, src(r)));
      case 'party': return rows.map((r) => partyFromRow(r, src(r)));
      case 'legalBasis': return rows.map((r) => legalBasisFromRow(r, src(r)));
      case 'flow': {
        const lists = FLOW_LISTS.map((l) => this.q.orderedPairs(SQL.flowList[l.prop], keys));
        return rows.map((r) => {
          const k = r.key as string;
          const get = (i: number) => lists[i].get(k) ?? [];
          return flowFromRow(r, src(r), { fields: get(0), categories: get(1), purposes: get(2), legalBases: get(3), permissions: get(4) });
        });
      }
    }
  }
}

/** A field's own statement, else its category's effective sensitivity. */
function fieldEffective(row: Row, category: Sensitivity | undefined): Sensitivity {
  const own = { sensitive: row.sensitive == null ? null : row.sensitive === 1, sensitiveClass: (row.sensitive_class as SensitiveClass | null) ?? null };
  return resolveSensitivity(own, category ?? NOT_SENSITIVE);
}
