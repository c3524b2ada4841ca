/**
 * A field's lineage as Mermaid or DOT text: the use case behind `PersonalField.lineageGraph`
 * and `fieldtrail graph`. Reads the lineage and the nodes it touches through the per-request
 * reader (batched, a fixed number of store calls), then hands them to the pure renderer.
 */
import { buildLineageGraph, type GraphFlow, type GraphParty, type LineageGraph, type LineageGraphInput } from '../domain/lineage-graph/build';
import { renderLineageGraph, type LineageGraphFormat } from '../domain/lineage-graph/render';
import { ValidationError } from '../domain/problems';
import type { LabelLanguage } from '../domain/vocabulary-labels';
import type { StoredField } from '../domain/stored';
import type { InventoryReader, LineageOptions } from './inventory-reader';

export interface LineageGraphRequest extends LineageOptions {
  /** See LineageGraphOptions.collapseAbove; exports draw every party by default. */
  collapseAbove?: number;
}

export async function lineageGraphInput(reader: InventoryReader, field: StoredField, request: LineageOptions): Promise<LineageGraphInput> {
  const traced = await reader.lineage(field.key, request);
  const flowKeys = [...new Set(traced.paths.flatMap((p) => p.hops))];
  const flows = await reader.nodes('flow', flowKeys);
  const partyKeys = [...new Set([...flows.flatMap((f) => [f.from, f.to]), ...traced.paths.map((p) => p.destination)])];
  const [parties, purposes, legalBases, crossBorder] = await Promise.all([
    reader.nodes('party', partyKeys),
    reader.nodes('purpose', [...new Set(flows.flatMap((f) => f.purposes))]),
    reader.nodes('legalBasis', [...new Set(flows.flatMap((f) => f.legalBases))]),
    Promise.all(flows.map((f) => reader.crossBorder(f))),
  ]);
  const partyByKey = new Map<string, GraphParty>(parties.map((p) => [p.key, p]));
  const purposeByKey = new Map(purposes.map((p) => [p.key, p]));
  const basisByKey = new Map(legalBases.map((b) => [b.key, b]));
  const party = (key: string): GraphParty => {
    const p = partyByKey.get(key);
    if (!p) throw new Error(`inventory is inconsistent: party "${key}" is referenced but missing`);
    return p;
  };
  const flowByKey = new Map<string, GraphFlow>(
    flows.map((f, i) => [
      f.key,
      {
        key: f.key,
        kind: f.kind,
        consent: f.consent,
        optional: f.optional,
        deidentified: f.deidentified,
        crossBorder: crossBorder[i],
        from: party(f.from),
        to: party(f.to),
        purposes: f.purposes.flatMap((k) => purposeByKey.get(k) ?? []),
        legalBases: f.legalBases.flatMap((k) => basisByKey.get(k) ?? []),
      },
    ]),
  );
  return {
    field: { key: field.key, name: field.name, nameZh: field.nameZh, sensitive: field.effective.sensitive, sensitiveClass: field.effective.sensitiveClass },
    direction: request.direction,
    maxDepth: request.maxDepth,
    truncated: traced.truncated,
    paths: traced.paths.map((p) => ({ hops: p.hops.map((k) => flowByKey.get(k)!), destination: party(p.destination) })),
  };
}

export async function fieldLineageGraph(reader: InventoryReader, field: StoredField, request: LineageGraphRequest): Promise<LineageGraph> {
  const collapse = request.collapseAbove ?? 0;
  if (!Number.isInteger(collapse) || collapse < 0) {
    throw new ValidationError([{ path: 'collapseAbove', message: `must be a whole number, 0 to draw every party, got ${collapse}` }], 'invalid lineage graph request');
  }
  return buildLineageGraph(await lineageGraphInput(reader, field, request), { collapseAbove: request.collapseAbove });
}

export async function renderFieldLineage(
  reader: InventoryReader,
  field: StoredField,
  request: LineageGraphRequest & { format: LineageGraphFormat; language: LabelLanguage },
): Promise<string> {
  return renderLineageGraph(await fieldLineageGraph(reader, field, request), request.format, request.language);
}
