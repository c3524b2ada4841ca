/**
 * Deterministic synthetic inventories for benchmarks: the same scale and seed always give the
 * same manifest, byte for byte. The shape follows a large company's data map:
 *
 * - a category tree (a few roots, three levels below them); sensitivity is stated on some
 *   categories and inherited, a few fields override it, so about 15% of fields are sensitive;
 * - parties in tiers: data subjects → apps → backends → stores → vendors → sub-processors
 *   (plus affiliates, authorities and the public);
 * - flows laid along routes of 3–8 hops (subject → app → backend → … → vendor → sub-processor),
 *   each route carrying a small group of the app's fields, or now and then a whole category;
 * - fan-out skew: vendors are picked from a Zipf distribution, so a few SDK vendors receive
 *   most fields;
 * - cycles: some backends and stores sync both ways (a route also gets the reverse flow).
 *
 * Usage: `ts-node --transpile-only bench/generate.ts --scale M [--seed N] [--out FILE.json]`
 * prints a summary (and writes the manifest as JSON with --out).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ManifestInput } from '../src/domain/manifest';
import type { ConsentRequirement, FlowKind, PartyKind, SensitiveClass } from '../src/domain/vocabulary';
import { SENSITIVE_CLASSES } from '../src/domain/vocabulary';

export type SyntheticScale = 'M' | 'L';

export interface ScaleSpec {
  fields: number;
  parties: number;
  flows: number;
}

export const SCALES: Record<SyntheticScale, ScaleSpec> = {
  M: { fields: 10_000, parties: 1_000, flows: 50_000 },
  L: { fields: 100_000, parties: 5_000, flows: 500_000 },
};

export const DEFAULT_SEED = 20210831;

/** mulberry32: small, fast, good enough for shaping test data, and the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Distinct picks (k small relative to items). */
  sample<T>(items: readonly T[], k: number): T[] {
    const out = new Set<T>();
    const n = Math.min(k, items.length);
    while (out.size < n) out.add(this.pick(items));
    return [...out];
  }
}

/** Zipf(s) over ranks 0..n-1 by inverse CDF: rank 0 is the most popular. */
class Zipf {
  private readonly cdf: Float64Array;
  constructor(n: number, s: number) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) this.cdf[i] = sum += 1 / Math.pow(i + 1, s);
    for (let i = 0; i < n; i++) this.cdf[i] /= sum;
  }
  draw(r: Random): number {
    const u = r.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const ROOTS: Array<{ key: string; name: string; nameZh: string; sensitiveClass?: SensitiveClass }> = [
  { key: 'identity', name: 'Identity', nameZh: '身份信息' },
  { key: 'device', name: 'Device', nameZh: '设备信息' },
  { key: 'location', name: 'Location', nameZh: '位置信息' },
  { key: 'contacts', name: 'Contacts', nameZh: '通讯录' },
  { key: 'financial', name: 'Financial', nameZh: '财产信息' },
  { key: 'health', name: 'Health', nameZh: '健康生理信息' },
  { key: 'behaviour', name: 'Behaviour', nameZh: '行为信息' },
  { key: 'content', name: 'Content', nameZh: '用户内容' },
];

const PARTY_TIERS = ['subject', 'app', 'backend', 'store', 'affiliate', 'vendor', 'subprocessor', 'authority', 'public'] as const;
type Tier = (typeof PARTY_TIERS)[number];

const COUNTRIES_ABROAD = ['US', 'SG', 'DE', 'IE', 'JP'];

const LEGAL_BASES = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
  key: `pipl-13-1-${n}`,
  name: `PIPL Article 13(1)(${n})`,
  jurisdiction: 'CN',
  article: `PIPL Art. 13(1)(${n})`,
}));

export interface GeneratedInventory {
  manifest: ManifestInput;
  stats: {
    seed: number;
    documents: number;
    clauses: number;
    categories: number;
    fields: number;
    sensitiveFields: number;
    parties: Record<Tier, number>;
    flows: number;
    flowsCarryingCategories: number;
    reverseSyncFlows: number;
    routes: number;
    routeHops: Record<number, number>;
  };
}

/** Builds the manifest for a scale. Every list is in key order, so exports compare equal. */
export function generateInventory(scale: SyntheticScale, seed = DEFAULT_SEED): GeneratedInventory {
  const spec = SCALES[scale];
  const r = new Random(seed ^ (scale === 'L' ? 0x4c : 0x4d));
  const docKey = 'synthetic-policy';
  const clauseRefs = Array.from({ length: 60 }, (_, i) => `${Math.floor(i / 6) + 1}.${(i % 6) + 1}`);
  const cite = () => `${docKey}#${r.pick(clauseRefs)}`;

  // ---- categories: 8 roots, then three levels; leaves hold the fields ---------------------
  const categoryCount = Math.max(40, Math.round(spec.fields / 50));
  type Cat = { key: string; name: string; nameZh?: string; parent?: string; sensitive?: boolean; sensitiveClass?: SensitiveClass; sources: string[] };
  const categories: Cat[] = ROOTS.map((root) => ({ key: `cat-${root.key}`, name: root.name, nameZh: root.nameZh, sources: [cite()] }));
  const levels: Cat[][] = [categories.slice()];
  const perLevel = [Math.round(categoryCount * 0.08), Math.round(categoryCount * 0.27)];
  perLevel.push(categoryCount - categories.length - perLevel[0] - perLevel[1]);
  for (let level = 0; level < 3; level++) {
    const parents = levels[level];
    const made: Cat[] = [];
    for (let i = 0; i < perLevel[level]; i++) {
      const parent = parents[i % parents.length];
      made.push({ key: `${parent.key}.${pad(i, 4)}`, name: `${parent.name} ${level + 1}.${i}`, parent: parent.key, sources: [cite()] });
    }
    levels.push(made);
    categories.push(...made);
  }
  // Sensitivity: stated on ~12% of level-1 categories (inherited by their subtrees), switched
  // off again on a few of their children.
  const sensitiveAt = new Set<string>();
  for (const c of levels[1]) {
    if (r.chance(0.12)) {
      c.sensitive = true;
      c.sensitiveClass = r.pick(SENSITIVE_CLASSES);
      sensitiveAt.add(c.key);
    }
  }
  for (const c of levels[2]) if (c.parent && sensitiveAt.has(c.parent) && r.chance(0.1)) c.sensitive = false;
  const leaves = levels[3];

  // ---- fields: spread over the leaves with a mild skew ------------------------------------
  const fieldWidth = String(spec.fields).length;
  const leafZipf = new Zipf(leaves.length, 0.6);
  const leafOrder = r.sample(leaves, leaves.length); // which leaves are the popular ones
  const catByKey = new Map(categories.map((c) => [c.key, c]));
  const effectiveSensitive = (key: string): boolean => {
    for (let c = catByKey.get(key); c; c = c.parent ? catByKey.get(c.parent) : undefined) {
      if (c.sensitive === false) return false;
      if (c.sensitive === true) return true;
    }
    return false;
  };
  type Field = { key: string; name: string; nameZh?: string; category: string; sensitive?: boolean; sensitiveClass?: SensitiveClass; sources: string[] };
  const fields: Field[] = [];
  const fieldsOfCategory = new Map<string, string[]>();
  for (let i = 0; i < spec.fields; i++) {
    const category = leafOrder[leafZipf.draw(r)].key;
    const f: Field = { key: `fld-${pad(i, fieldWidth)}`, name: `Field ${i}`, category, sources: [cite()] };
    if (i % 3 === 0) f.nameZh = `字段${i}`;
    fields.push(f);
    const list = fieldsOfCategory.get(category) ?? [];
    list.push(f.key);
    fieldsOfCategory.set(category, list);
  }
  // Field-level statements bring the share of sensitive fields to about 15%, whatever the
  // categories gave: a few fields opt out of their category's sensitivity, others opt in.
  const inherited = fields.map((f) => effectiveSensitive(f.category));
  const inheritedCount = inherited.filter(Boolean).length;
  const target = 0.15 * fields.length;
  const pOff = inheritedCount > target ? (inheritedCount - target) / inheritedCount : 0.03;
  const pOn = Math.max(0.005, (target - inheritedCount * (1 - pOff)) / Math.max(1, fields.length - inheritedCount));
  let sensitiveFields = 0;
  fields.forEach((f, i) => {
    if (inherited[i] && r.chance(pOff)) f.sensitive = false;
    else if (!inherited[i] && r.chance(pOn)) {
      f.sensitive = true;
      f.sensitiveClass = r.pick(SENSITIVE_CLASSES);
    }
    if (f.sensitive ?? inherited[i]) sensitiveFields++;
  });

  const fieldByKey = new Map(fields.map((f) => [f.key, f]));
  const fieldSensitive = (key: string): boolean => {
    const f = fieldByKey.get(key)!;
    return f.sensitive ?? effectiveSensitive(f.category);
  };

  // ---- parties in tiers ---------------------------------------------------------------------
  const share: Record<Tier, number> = { subject: 0, app: 0.03, backend: 0.12, store: 0.1, affiliate: 0.02, vendor: 0.33, subprocessor: 0, authority: 0.005, public: 0 };
  const counts = {} as Record<Tier, number>;
  for (const t of PARTY_TIERS) counts[t] = Math.max(2, Math.round(spec.parties * share[t]));
  counts.subject = 4;
  counts.public = 1;
  counts.subprocessor = spec.parties - PARTY_TIERS.filter((t) => t !== 'subprocessor').reduce((n, t) => n + counts[t], 0);
  type PartyRec = { key: string; name: string; nameZh?: string; kind: PartyKind; country?: string; sdkPackages: string[]; sources: string[] };
  const parties: PartyRec[] = [];
  const tier = {} as Record<Tier, string[]>;
  const partyKind = new Map<string, PartyKind>();
  const subjectNames = ['user', 'employee', 'customer', 'minor'];
  for (const t of PARTY_TIERS) {
    tier[t] = [];
    for (let i = 0; i < counts[t]; i++) {
      const key = t === 'subject' ? `subject-${subjectNames[i]}` : t === 'public' ? 'public' : `${t}-${pad(i, 4)}`;
      let kind: PartyKind;
      switch (t) {
        case 'subject': kind = 'DATA_SUBJECT'; break;
        case 'app': case 'backend': case 'store': kind = 'FIRST_PARTY'; break;
        case 'affiliate': kind = 'AFFILIATE'; break;
        case 'vendor': kind = r.chance(0.6) ? 'THIRD_PARTY' : 'ENTRUSTED_PARTY'; break;
        case 'subprocessor': kind = r.chance(0.7) ? 'ENTRUSTED_PARTY' : 'THIRD_PARTY'; break;
        case 'authority': kind = 'AUTHORITY'; break;
        default: kind = 'PUBLIC';
      }
      const p: PartyRec = { key, name: `${t} ${i}`, kind, sdkPackages: [], sources: [cite()] };
      if (t !== 'subject' && t !== 'public') p.country = (t === 'vendor' || t === 'subprocessor') && r.chance(0.15) ? r.pick(COUNTRIES_ABROAD) : 'CN';
      if (t === 'vendor' && kind === 'THIRD_PARTY' && r.chance(0.7)) p.sdkPackages = [`com.vendor${i}.sdk`];
      if (i % 4 === 0) p.nameZh = `${t}${i}号`;
      parties.push(p);
      tier[t].push(key);
      partyKind.set(key, kind);
    }
  }

  // ---- vocabularies ---------------------------------------------------------------------------
  const purposes = Array.from({ length: 60 }, (_, i) => ({
    key: `purpose-${pad(i, 2)}`,
    name: `Purpose ${i}`,
    nameZh: `目的${i}`,
    functionType: i % 3 === 0 ? ('EXTENDED' as const) : ('BASIC' as const),
    sources: [cite()],
  }));
  const permissions = Array.from({ length: 40 }, (_, i) => ({
    key: `android.permission.SYNTHETIC_${pad(i, 2)}`,
    name: `Synthetic permission ${i}`,
    platform: 'android',
    sources: [cite()],
  }));
  const purposeZipf = new Zipf(purposes.length, 1.0);

  // ---- which fields each app collects, and its backends -----------------------------------
  const apps = tier.app;
  const appFields = apps.map(() => [] as string[]);
  // Every field is collected by one app, some by a second.
  const appZipf = new Zipf(apps.length, 0.8);
  for (const f of fields) {
    appFields[appZipf.draw(r)].push(f.key);
    if (r.chance(0.3)) appFields[r.int(0, apps.length - 1)].push(f.key);
  }
  const appSubject = apps.map(() => (r.chance(0.8) ? tier.subject[0] : r.pick(tier.subject)));
  const backendsPerApp = Math.max(2, Math.round(tier.backend.length / apps.length) + 2);
  const appBackends = apps.map(() => r.sample(tier.backend, backendsPerApp));
  const storeZipf = new Zipf(tier.store.length, 0.7);
  const vendorZipf = new Zipf(tier.vendor.length, 1.1);
  const subZipf = new Zipf(tier.subprocessor.length, 0.9);
  const vendorOrder = r.sample(tier.vendor, tier.vendor.length);
  const subOrder = r.sample(tier.subprocessor, tier.subprocessor.length);

  // ---- flows along routes ---------------------------------------------------------------------
  type FlowRec = {
    key: string; from: string; to: string; kind: FlowKind; fields?: string[]; categories?: string[];
    purposes: string[]; legalBases: string[]; permissions?: string[]; consent: ConsentRequirement;
    optional: boolean; deidentified?: boolean; retention?: { description: string; maximum?: string }; sources: string[];
  };
  const flows: FlowRec[] = [];
  const flowWidth = String(spec.flows).length;
  const routeHops: Record<number, number> = {};
  let routes = 0;
  let reverseSyncFlows = 0;
  let flowsCarryingCategories = 0;

  const kindFor = (to: string, from: string): FlowKind => {
    if (partyKind.get(from) === 'DATA_SUBJECT') return 'COLLECTION';
    switch (partyKind.get(to)) {
      case 'FIRST_PARTY': return 'INTERNAL';
      case 'ENTRUSTED_PARTY': return 'ENTRUSTED_PROCESSING';
      case 'PUBLIC': return 'PUBLIC_DISCLOSURE';
      default: return 'PROVISION';
    }
  };
  const addFlow = (from: string, to: string, carried: { fields?: string[]; categories?: string[] }, sensitive: boolean) => {
    if (flows.length >= spec.flows) return;
    const kind = kindFor(to, from);
    const flow: FlowRec = {
      key: `flow-${pad(flows.length, flowWidth)}`,
      from,
      to,
      kind,
      ...carried,
      purposes: [...new Set(Array.from({ length: r.int(1, 3) }, () => purposes[purposeZipf.draw(r)].key))],
      legalBases: [LEGAL_BASES[r.chance(0.7) ? 0 : r.int(1, 6)].key],
      consent: kind === 'INTERNAL' ? 'NONE' : sensitive && kind !== 'COLLECTION' ? 'SEPARATE_CONSENT' : r.chance(0.9) ? 'CONSENT' : 'NONE',
      optional: r.chance(0.3),
      sources: r.chance(0.2) ? [cite(), cite()].filter((c, i, a) => a.indexOf(c) === i) : [cite()],
    };
    if (kind === 'COLLECTION' && r.chance(0.5)) flow.permissions = r.sample(permissions, r.int(1, 3)).map((p) => p.key);
    if (r.chance(0.1)) flow.deidentified = true;
    if (r.chance(0.3)) flow.retention = { description: 'Kept while the account exists, then deleted', maximum: r.pick(['P6M', 'P1Y', 'P3Y']) };
    if (carried.categories) flowsCarryingCategories++;
    flows.push(flow);
  };

  while (flows.length < spec.flows) {
    routes++;
    const a = r.int(0, apps.length - 1);
    const pool = appFields[a].length > 0 ? appFields[a] : [fields[r.int(0, fields.length - 1)].key];
    const carried = r.chance(0.02)
      ? { categories: [r.pick(leaves).key] }
      : { fields: r.sample(pool, r.int(1, 6)).sort() };
    const sensitive = carried.fields ? carried.fields.some((k) => fieldSensitive(k)) : effectiveSensitive(carried.categories![0]);
    // 3–8 hops, most routes 4–5 deep.
    const hops = [3, 4, 4, 5, 5, 5, 6, 6, 7, 8][r.int(0, 9)];
    routeHops[hops] = (routeHops[hops] ?? 0) + 1;
    const path = [appSubject[a], apps[a]];
    let current: Tier = 'app';
    while (path.length <= hops) {
      const here = path[path.length - 1];
      let next: string;
      let nextTier: Tier;
      const u = r.next();
      switch (current) {
        case 'app':
          // Apps mostly send to their backends; some SDKs collect in the app (PROVISION).
          if (u < 0.7) { next = r.pick(appBackends[a]); nextTier = 'backend'; }
          else { next = vendorOrder[vendorZipf.draw(r)]; nextTier = 'vendor'; }
          break;
        case 'backend':
          if (u < 0.2) { next = r.pick(appBackends[a]); nextTier = 'backend'; }
          else if (u < 0.55) { next = tier.store[storeZipf.draw(r)]; nextTier = 'store'; }
          else if (u < 0.6) { next = r.pick(tier.affiliate); nextTier = 'affiliate'; }
          else if (u < 0.61) { next = r.pick(tier.authority); nextTier = 'authority'; }
          else { next = vendorOrder[vendorZipf.draw(r)]; nextTier = 'vendor'; }
          break;
        case 'store':
          if (u < 0.15) { next = r.pick(appBackends[a]); nextTier = 'backend'; }
          else { next = vendorOrder[vendorZipf.draw(r)]; nextTier = 'vendor'; }
          break;
        case 'affiliate':
          next = vendorOrder[vendorZipf.draw(r)]; nextTier = 'vendor';
          break;
        case 'authority':
          next = 'public'; nextTier = 'public';
          break;
        case 'public':
          next = ''; nextTier = 'public';
          break;
        default:
          // vendors and sub-processors hand on to sub-processors
          next = subOrder[subZipf.draw(r)]; nextTier = 'subprocessor';
      }
      if (!next || next === here) break;
      path.push(next);
      current = nextTier;
    }
    for (let i = 0; i + 1 < path.length; i++) {
      addFlow(path[i], path[i + 1], carried, sensitive);
      // Systems that sync both ways: the reverse flow carries the same fields.
      const both = partyKind.get(path[i]) === 'FIRST_PARTY' && partyKind.get(path[i + 1]) === 'FIRST_PARTY';
      if (both && r.chance(0.08) && flows.length < spec.flows) {
        addFlow(path[i + 1], path[i], carried, sensitive);
        reverseSyncFlows++;
      }
    }
  }

  const byKey = <T extends { key: string }>(a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const manifest: ManifestInput = {
    version: 1,
    documents: [{
      key: docKey,
      title: '合成隐私政策',
      titleEn: 'Synthetic privacy policy',
      updatedAt: '2024-01-01',
      effectiveAt: '2024-01-02',
      clauses: clauseRefs.map((ref) => ({ ref, text: `Clause ${ref} of the synthetic policy: what is collected, why, and who receives it.` })),
    }],
    categories: categories.sort(byKey),
    fields,
    purposes,
    permissions,
    parties: parties.sort(byKey),
    legalBases: LEGAL_BASES.map((l) => ({ ...l, sources: [cite()] })),
    flows,
  };
  return {
    manifest,
    stats: {
      seed,
      documents: 1,
      clauses: clauseRefs.length,
      categories: categories.length,
      fields: fields.length,
      sensitiveFields,
      parties: counts,
      flows: flows.length,
      flowsCarryingCategories,
      reverseSyncFlows,
      routes,
      routeHops,
    },
  };
}

if (require.main === module) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'M' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const scale = values.scale as SyntheticScale;
  if (!(scale in SCALES)) throw new Error(`--scale must be M or L, got "${values.scale}"`);
  const t0 = performance.now();
  const { manifest, stats } = generateInventory(scale, values.seed ? Number(values.seed) : DEFAULT_SEED);
  console.log(JSON.stringify({ ...stats, ms: Math.round(performance.now() - t0) }, null, 2));
  if (values.out) writeFileSync(values.out, JSON.stringify(manifest));
}
