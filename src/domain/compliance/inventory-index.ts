/**
 * An in-memory index over one inventory (the live manifest or a snapshot): every compliance
 * rule, assessment and plan reads the graph through it. Pure: built from a Manifest, no I/O,
 * so the same answers come from the store, a snapshot or a hand-built test inventory.
 */
import { isCrossBorder, isRecipientKind } from '../flows';
import { byKey, compareKeys } from '../key-order';
import type {
  DataCategory,
  DataFlow,
  LegalBasis,
  Manifest,
  Party,
  PersonalField,
  Permission,
  PolicyDocument,
  Purpose,
} from '../manifest';
import { NOT_SENSITIVE, resolveSensitivity, type Sensitivity } from '../sensitivity';
import type { SensitiveClass } from '../vocabulary';

/** A policy clause as compliance answers cite it: self-contained, so it survives a diff. */
export interface CitedClause {
  /** `documentKey#ref`, the form manifests cite it in. */
  citation: string;
  documentKey: string;
  documentTitle: string;
  ref: string;
  title: string | null;
  text: string;
}

/** Anything with a key and the two names nodes carry. */
export interface Named {
  key: string;
  name?: string | null;
  nameZh?: string | null;
}

export class InventoryIndex {
  readonly documents: Map<string, PolicyDocument>;
  readonly categories: Map<string, DataCategory>;
  readonly fields: Map<string, PersonalField>;
  readonly purposes: Map<string, Purpose>;
  readonly permissions: Map<string, Permission>;
  readonly parties: Map<string, Party>;
  readonly legalBases: Map<string, LegalBasis>;
  readonly flows: Map<string, DataFlow>;

  private readonly categorySensitivity = new Map<string, Sensitivity>();
  private readonly fieldSensitivity = new Map<string, Sensitivity>();
  private readonly fieldsUnderCategory = new Map<string, string[]>();
  private readonly carried = new Map<string, string[]>();
  private readonly flowsOfField = new Map<string, DataFlow[]>();
  private readonly inboundOf = new Map<string, DataFlow[]>();
  private readonly outboundOf = new Map<string, DataFlow[]>();
  private readonly clauseByCitation = new Map<string, CitedClause & { order: number }>();
  private readonly fieldOrder = new Map<string, number>();

  /** The inventory with every section ordered by key, as the store exports it: one inventory, one answer, whatever its source. */
  readonly manifest: Manifest;

  constructor(source: Manifest) {
    const manifest = inKeyOrder(source);
    this.manifest = manifest;
    const mapByKey = <T extends { key: string }>(list: T[]) => new Map(list.map((n) => [n.key, n]));
    this.documents = mapByKey(manifest.documents);
    this.categories = mapByKey(manifest.categories);
    this.fields = mapByKey(manifest.fields);
    this.purposes = mapByKey(manifest.purposes);
    this.permissions = mapByKey(manifest.permissions);
    this.parties = mapByKey(manifest.parties);
    this.legalBases = mapByKey(manifest.legalBases);
    this.flows = mapByKey(manifest.flows);

    let order = 0;
    for (const doc of manifest.documents) {
      for (const c of doc.clauses) {
        const citation = `${doc.key}#${c.ref}`;
        this.clauseByCitation.set(citation, {
          citation, documentKey: doc.key, documentTitle: doc.title, ref: c.ref, title: c.title ?? null, text: c.text, order: order++,
        });
      }
    }
    for (const c of manifest.categories) this.sensitivityOfCategory(c.key);
    // Fields read best in the order the policy first mentions them, grouped by category. Derived
    // from the clauses they cite (not the manifest's order, which an export sorts by key), so a
    // report reads the same from a seed file, the store or a snapshot.
    const mention = (sources: string[]) => Math.min(Infinity, ...sources.map((c) => this.clauseByCitation.get(c)?.order ?? Infinity));
    const fieldMention = new Map(manifest.fields.map((f) => [f.key, mention(f.sources)]));
    const categoryMention = new Map<string, number>();
    for (const f of manifest.fields) categoryMention.set(f.category, Math.min(categoryMention.get(f.category) ?? Infinity, fieldMention.get(f.key)!));
    // A category's own citations (often a definitions clause that names every category) only place a category no field places.
    for (const c of manifest.categories) if (!categoryMention.has(c.key) || categoryMention.get(c.key) === Infinity) categoryMention.set(c.key, mention(c.sources));
    [...manifest.fields]
      .sort((a, b) =>
        categoryMention.get(a.category)! - categoryMention.get(b.category)! ||
        compareKeys(a.category, b.category) ||
        fieldMention.get(a.key)! - fieldMention.get(b.key)! ||
        byKey(a, b))
      .forEach((f, rank) => this.fieldOrder.set(f.key, rank));
    for (const f of manifest.fields) {
      const own = resolveSensitivity(f, this.categorySensitivity.get(f.category) ?? NOT_SENSITIVE);
      this.fieldSensitivity.set(f.key, own);
      for (const cat of [f.category, ...this.ancestorsOf(f.category)]) push(this.fieldsUnderCategory, cat, f.key);
    }
    for (const flow of manifest.flows) {
      const keys = new Set(flow.fields);
      for (const cat of flow.categories) for (const k of this.fieldsUnderCategory.get(cat) ?? []) keys.add(k);
      const sorted = [...keys].filter((k) => this.fields.has(k)).sort();
      this.carried.set(flow.key, sorted);
      for (const k of sorted) push(this.flowsOfField, k, flow);
      push(this.inboundOf, flow.to, flow);
      push(this.outboundOf, flow.from, flow);
    }
  }

  // ---- sensitivity --------------------------------------------------------------------------

  fieldSensitivityOf(fieldKey: string): Sensitivity {
    return this.fieldSensitivity.get(fieldKey) ?? NOT_SENSITIVE;
  }

  isSensitive(fieldKey: string): boolean {
    return this.fieldSensitivityOf(fieldKey).sensitive;
  }

  sensitiveClassOf(fieldKey: string): SensitiveClass | null {
    return this.fieldSensitivityOf(fieldKey).sensitiveClass;
  }

  categorySensitivityOf(categoryKey: string): Sensitivity {
    return this.categorySensitivity.get(categoryKey) ?? NOT_SENSITIVE;
  }

  /** Parent, grandparent… of a category, nearest first; stops on a cycle. */
  ancestorsOf(categoryKey: string): string[] {
    const out: string[] = [];
    const seen = new Set([categoryKey]);
    let cur = this.categories.get(categoryKey)?.parent ?? null;
    while (cur && !seen.has(cur) && this.categories.has(cur)) {
      out.push(cur);
      seen.add(cur);
      cur = this.categories.get(cur)?.parent ?? null;
    }
    return out;
  }

  /** The top of the field's category tree: what a record of processing calls its data category. */
  rootCategoryOf(fieldKey: string): DataCategory | null {
    const field = this.fields.get(fieldKey);
    if (!field) return null;
    const chain = [field.category, ...this.ancestorsOf(field.category)];
    return this.categories.get(chain[chain.length - 1]) ?? null;
  }

  /** Fields classified under the category or any category below it. */
  fieldsUnder(categoryKey: string): string[] {
    return [...(this.fieldsUnderCategory.get(categoryKey) ?? [])].sort();
  }

  // ---- flows --------------------------------------------------------------------------------

  /** Every field the flow carries: named ones and all under its categories, sorted. */
  carriedFields(flowKey: string): string[] {
    return this.carried.get(flowKey) ?? [];
  }

  /** Field keys in reading order: by category as the manifest lists them, then the manifest's field order. */
  inReadingOrder(fieldKeys: Iterable<string>): string[] {
    return [...new Set(fieldKeys)].sort((a, b) => (this.fieldOrder.get(a) ?? Infinity) - (this.fieldOrder.get(b) ?? Infinity) || compareKeys(a, b));
  }

  sensitiveFieldsOf(flowKey: string): string[] {
    return this.carriedFields(flowKey).filter((k) => this.isSensitive(k));
  }

  flowsCarrying(fieldKey: string): DataFlow[] {
    return this.flowsOfField.get(fieldKey) ?? [];
  }

  inbound(partyKey: string): DataFlow[] {
    return this.inboundOf.get(partyKey) ?? [];
  }

  outbound(partyKey: string): DataFlow[] {
    return this.outboundOf.get(partyKey) ?? [];
  }

  flowsWithPurpose(purposeKey: string): DataFlow[] {
    return this.manifest.flows.filter((f) => f.purposes.includes(purposeKey));
  }

  flowsWithPermission(permissionKey: string): DataFlow[] {
    return this.manifest.flows.filter((f) => f.permissions.includes(permissionKey));
  }

  isCrossBorder(flow: DataFlow): boolean {
    return isCrossBorder(this.parties.get(flow.from)?.country, this.parties.get(flow.to)?.country);
  }

  // ---- parties ------------------------------------------------------------------------------

  /** Anyone outside the data subject and the handler's own systems. */
  isRecipient(partyKey: string): boolean {
    const party = this.parties.get(partyKey);
    return !!party && isRecipientKind(party.kind);
  }

  isHandler(partyKey: string): boolean {
    return this.parties.get(partyKey)?.kind === 'FIRST_PARTY';
  }

  isDataSubject(partyKey: string): boolean {
    return this.parties.get(partyKey)?.kind === 'DATA_SUBJECT';
  }

  /** The handler's own parties (app, servers…), by key. */
  handlerParties(): Party[] {
    return this.manifest.parties.filter((p) => p.kind === 'FIRST_PARTY');
  }

  /** The handler's parties that state how to reach the handler: who a notice names (PIPL Art. 17(1)(1)). */
  handlerContacts(): Party[] {
    return this.handlerParties().filter((p) => !!p.contact);
  }

  // ---- clauses ------------------------------------------------------------------------------

  clause(citation: string): CitedClause | null {
    const found = this.clauseByCitation.get(citation);
    if (!found) return null;
    const { order: _, ...clause } = found;
    return clause;
  }

  /** The clauses behind these citations, in policy order, without repeats; unknown ones skipped. */
  clauses(citations: Iterable<string>): CitedClause[] {
    const found = new Map<string, CitedClause & { order: number }>();
    for (const c of citations) {
      const hit = this.clauseByCitation.get(c);
      if (hit) found.set(c, hit);
    }
    return [...found.values()].sort((a, b) => a.order - b.order).map(({ order: _, ...clause }) => clause);
  }

  /** Citations of every clause of every document, in policy order. */
  allCitations(): string[] {
    return [...this.clauseByCitation.keys()];
  }

  /**
   * Clauses whose text says something in the policy's own words, e.g. its breach-notice or
   * change clause: each pattern list must all match (AND), any list may (OR).
   */
  clausesSaying(...alternatives: RegExp[][]): CitedClause[] {
    const hits: string[] = [];
    for (const [citation, c] of this.clauseByCitation) {
      const text = `${c.title ?? ''} ${c.text}`;
      if (alternatives.some((all) => all.every((re) => re.test(text)))) hits.push(citation);
    }
    return this.clauses(hits);
  }

  // ---- names --------------------------------------------------------------------------------

  /** How answers name a node: its Chinese name where it has one (the policy's words), else its name. */
  label(node: Named | undefined | null, fallbackKey?: string): string {
    if (!node) return fallbackKey ?? '';
    return node.nameZh || node.name || node.key;
  }

  fieldLabel(key: string): string {
    return this.label(this.fields.get(key), key);
  }

  partyLabel(key: string): string {
    return this.label(this.parties.get(key), key);
  }

  purposeLabel(key: string): string {
    return this.label(this.purposes.get(key), key);
  }

  flowLabel(key: string): string {
    const flow = this.flows.get(key);
    return flow?.nameZh || flow?.name || key;
  }

  private sensitivityOfCategory(key: string, seen = new Set<string>()): Sensitivity {
    const known = this.categorySensitivity.get(key);
    if (known) return known;
    const cat = this.categories.get(key);
    if (!cat || seen.has(key)) return NOT_SENSITIVE;
    seen.add(key);
    const inherited = cat.parent ? this.sensitivityOfCategory(cat.parent, seen) : NOT_SENSITIVE;
    const own = resolveSensitivity(cat, inherited);
    this.categorySensitivity.set(key, own);
    return own;
  }
}

/**
 * Every section by key, as the store exports it, so answers do not depend on where the inventory
 * came from; flows in lifecycle order (collection, then storage, then disclosure), which is how
 * a reader follows them.
 */
function inKeyOrder(m: Manifest): Manifest {
  const sorted = <T extends { key: string }>(list: T[]) => [...list].sort(byKey);
  const stage = lifecycleStages(m.flows, m.parties);
  return {
    ...m,
    documents: sorted(m.documents),
    categories: sorted(m.categories),
    fields: sorted(m.fields),
    purposes: sorted(m.purposes),
    permissions: sorted(m.permissions),
    parties: sorted(m.parties),
    legalBases: sorted(m.legalBases),
    flows: [...m.flows].sort((a, b) => stage.get(a.from)! - stage.get(b.from)! || byKey(a, b)),
  };
}

/** Hops from where data starts (the data subject, or any party nothing flows into) to each party. */
function lifecycleStages(flows: Manifest['flows'], parties: Manifest['parties']): Map<string, number> {
  const stage = new Map<string, number>();
  const fed = new Set(flows.map((f) => f.to));
  let frontier = parties.filter((p) => p.kind === 'DATA_SUBJECT' || !fed.has(p.key)).map((p) => p.key);
  for (const k of frontier) stage.set(k, 0);
  for (let depth = 1; frontier.length; depth++) {
    const next: string[] = [];
    for (const f of flows) {
      if (frontier.includes(f.from) && !stage.has(f.to)) {
        stage.set(f.to, depth);
        next.push(f.to);
      }
    }
    frontier = next;
  }
  // A cycle nothing enters from outside: after everything else.
  for (const f of flows) for (const k of [f.from, f.to]) if (!stage.has(k)) stage.set(k, Number.MAX_SAFE_INTEGER);
  return stage;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
