/**
 * What an inventory diff compares, per node type: each node flattened to text properties (lists
 * sorted and joined), so a change is a list of properties with their before and after values.
 */
import type { InventoryIndex } from './inventory-index';

export type View = Record<string, string | null>;

const text = (v: string | null | undefined) => (v == null || v === '' ? null : v);
const set = (list: readonly string[] | undefined) => (list && list.length ? [...new Set(list)].sort().join(', ') : null);

export function documentView(index: InventoryIndex, key: string): View {
  const d = index.documents.get(key)!;
  const v: View = { title: d.title, titleEn: text(d.titleEn), url: text(d.url), updatedAt: d.updatedAt, effectiveAt: d.effectiveAt };
  for (const c of d.clauses) v[`clause ${c.ref}`] = c.title ? `${c.title}: ${c.text}` : c.text;
  return v;
}

export function categoryView(index: InventoryIndex, key: string): View {
  const c = index.categories.get(key)!;
  const s = index.categorySensitivityOf(key);
  return { name: c.name, nameZh: text(c.nameZh), description: text(c.description), parent: text(c.parent), sensitivity: s.sensitive ? s.sensitiveClass : 'not sensitive', sources: set(c.sources) };
}

export function fieldView(index: InventoryIndex, key: string): View {
  const f = index.fields.get(key)!;
  const s = index.fieldSensitivityOf(key);
  return { name: f.name, nameZh: text(f.nameZh), description: text(f.description), category: f.category, sensitivity: s.sensitive ? s.sensitiveClass : 'not sensitive', sources: set(f.sources) };
}

export function purposeView(index: InventoryIndex, key: string): View {
  const p = index.purposes.get(key)!;
  return { name: p.name, nameZh: text(p.nameZh), description: text(p.description), functionType: p.functionType, sources: set(p.sources) };
}

export function permissionView(index: InventoryIndex, key: string): View {
  const p = index.permissions.get(key)!;
  return { name: p.name, nameZh: text(p.nameZh), description: text(p.description), platform: p.platform, sources: set(p.sources) };
}

export function partyView(index: InventoryIndex, key: string): View {
  const p = index.parties.get(key)!;
  return { name: p.name, nameZh: text(p.nameZh), description: text(p.description), kind: p.kind, country: text(p.country), contact: text(p.contact), sdkPackages: set(p.sdkPackages), sources: set(p.sources) };
}

export function legalBasisView(index: InventoryIndex, key: string): View {
  const l = index.legalBases.get(key)!;
  return { name: l.name, nameZh: text(l.nameZh), description: text(l.description), jurisdiction: l.jurisdiction, article: l.article, sources: set(l.sources) };
}

export function flowView(index: InventoryIndex, key: string): View {
  const f = index.flows.get(key)!;
  const r = f.retention;
  return {
    from: f.from,
    to: f.to,
    kind: f.kind,
    carriedFields: set(index.carriedFields(key)),
    purposes: set(f.purposes),
    legalBases: set(f.legalBases),
    permissions: set(f.permissions),
    consent: f.consent,
    optional: String(f.optional),
    deidentified: String(f.deidentified),
    crossBorder: String(index.isCrossBorder(f)),
    retention: r ? [r.description.replace(/\s+/g, ' ').trim(), r.minimum && `minimum ${r.minimum}`, r.maximum && `maximum ${r.maximum}`].filter(Boolean).join('; ') : null,
    scenario: text(f.scenario),
    name: text(f.name),
    nameZh: text(f.nameZh),
    description: text(f.description),
    sources: set(f.sources),
  };
}
