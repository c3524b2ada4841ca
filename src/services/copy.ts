/**
 * Copies a whole inventory between two open stores (SQLite ⇄ Neo4j) and proves it by comparing
 * the exports as text: every store hands out records in one key order, so a faithful copy exports
 * byte for byte the same.
 */
import { ValidationError } from '../domain/problems';
import type { InventoryStore } from '../store/inventory-store';

export interface CopySummary {
  from: string;
  to: string;
  nodes: number;
}

export async function copyInventory(source: InventoryStore, target: InventoryStore): Promise<CopySummary> {
  const exported = await source.exportManifest();
  await target.write(exported, 'REPLACE');
  const copied = await target.exportManifest();
  if (JSON.stringify(copied) !== JSON.stringify(exported)) {
    throw new ValidationError([{ path: '', message: `the copy in ${target.location} differs from ${source.location} after writing` }], 'copy failed verification');
  }
  const nodes = [exported.documents, exported.categories, exported.fields, exported.purposes, exported.permissions, exported.parties, exported.legalBases, exported.flows]
    .reduce((n, list) => n + list.length, 0);
  return { from: source.location, to: target.location, nodes };
}
