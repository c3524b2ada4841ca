/**
 * What changed between two inventories (snapshots, or a snapshot and the live one), each change
 * classified against the policy's own definition of a major change — 进圈 §一.3 lists: the service
 * model (purposes, types of personal information, how it is used); control (mergers, owners);
 * the recipients of sharing, transfer or disclosure; the user's rights and how to exercise them;
 * the responsible department, contacts and complaint channels — and flagged where PIPL requires
 * consent again (Art. 14: purposes, methods or categories change; Art. 23/29/39 for new
 * recipients, sensitive data and cross-border provision).
 */
import type { NodeType } from '../vocabulary';
import { articles, mergeArticles, type ArticleRef, type Citation } from './articles';
import {
  classifyCategory,
  classifyDocument,
  classifyField,
  classifyFlow,
  classifyLegalBasis,
  classifyParty,
  classifyPermission,
  classifyPurpose,
  type Classifier,
  type InventoryPair,
} from './inventory-diff-classifiers';
import {
  categoryView,
  documentView,
  fieldView,
  flowView,
  legalBasisView,
  partyView,
  permissionView,
  purposeView,
  type View,
} from './inventory-diff-views';
import type { CitedClause, InventoryIndex } from './inventory-index';

/** The five areas of §一.3, then other notice items (Art. 17) and wording-only changes. */
export const CHANGE_AREAS = ['SERVICE_MODEL', 'CONTROL', 'RECIPIENTS', 'RIGHTS', 'CONTACT', 'NOTICE', 'EDITORIAL'] as const;
export type ChangeArea = (typeof CHANGE_AREAS)[number];
const MAJOR_AREAS: readonly ChangeArea[] = ['SERVICE_MODEL', 'CONTROL', 'RECIPIENTS', 'RIGHTS', 'CONTACT'];

export const CHANGE_KINDS = ['ADDED', 'REMOVED', 'CHANGED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface PropertyChange {
  property: string;
  before: string | null;
  after: string | null;
}

export interface InventoryChange {
  nodeType: NodeType;
  key: string;
  name: string;
  change: ChangeKind;
  properties: PropertyChange[];
  areas: ChangeArea[];
  /** Falls under §一.3's definition of a major change: users must be told prominently. */
  major: boolean;
  /** PIPL requires the user's consent again before the changed processing. */
  requiresRenewedConsent: boolean;
  reasons: string[];
  articles: ArticleRef[];
  clauses: CitedClause[];
}

export interface InventoryVersion {
  label: string;
  createdAt: string | null;
}

export interface InventoryDiff {
  from: InventoryVersion;
  to: InventoryVersion;
  changes: InventoryChange[];
  summary: { added: number; removed: number; changed: number; major: number; requiringRenewedConsent: number };
  /** The policy's own clauses on major changes and renewed consent. */
  changePolicy: CitedClause[];
}

/** The policy's definition of a major change (§一.3) and its promises to ask again (§一.4, §四.1…). */
const MAJOR_CHANGE_WORDS = [[/重大变更/], [/material change|significant change/i]];
const RECONSENT_WORDS = [[/(再次|重新)(征得|征求|取得)/], [/变更后的隐私政策/], [/明示同意后收集/], [/consent again|renew(ed)? (your )?consent/i]];

export function diffInventories(before: InventoryIndex, after: InventoryIndex, from: InventoryVersion, to: InventoryVersion): InventoryDiff {
  const majorClauses = after.clausesSaying(...MAJOR_CHANGE_WORDS).length ? after.clausesSaying(...MAJOR_CHANGE_WORDS) : before.clausesSaying(...MAJOR_CHANGE_WORDS);
  const reconsentClauses = after.clausesSaying(...RECONSENT_WORDS).length ? after.clausesSaying(...RECONSENT_WORDS) : before.clausesSaying(...RECONSENT_WORDS);
  const changes: InventoryChange[] = [];
  const ctx: DiffContext = { before, after, majorClauses, reconsentClauses };

  diffSection(ctx, 'document', before.documents, after.documents, documentView, classifyDocument, changes);
  diffSection(ctx, 'category', before.categories, after.categories, categoryView, classifyCategory, changes);
  diffSection(ctx, 'field', before.fields, after.fields, fieldView, classifyField, changes);
  diffSection(ctx, 'purpose', before.purposes, after.purposes, purposeView, classifyPurpose, changes);
  diffSection(ctx, 'permission', before.permissions, after.permissions, permissionView, classifyPermission, changes);
  diffSection(ctx, 'party', before.parties, after.parties, partyView, classifyParty, changes);
  diffSection(ctx, 'legalBasis', before.legalBases, after.legalBases, legalBasisView, classifyLegalBasis, changes);
  diffSection(ctx, 'flow', before.flows, after.flows, flowView, classifyFlow, changes);

  return {
    from,
    to,
    changes,
    summary: {
      added: changes.filter((c) => c.change === 'ADDED').length,
      removed: changes.filter((c) => c.change === 'REMOVED').length,
      changed: changes.filter((c) => c.change === 'CHANGED').length,
      major: changes.filter((c) => c.major).length,
      requiringRenewedConsent: changes.filter((c) => c.requiresRenewedConsent).length,
    },
    changePolicy: [...majorClauses, ...reconsentClauses.filter((c) => !majorClauses.some((m) => m.citation === c.citation))],
  };
}

// ---- the machinery ------------------------------------------------------------------------

/** The compared inventories, and the policy's clauses cited on every major or renewed-consent change. */
interface DiffContext extends InventoryPair {
  majorClauses: CitedClause[];
  reconsentClauses: CitedClause[];
}

function diffSection<T extends { key: string; sources?: string[] }>(
  ctx: DiffContext,
  type: NodeType,
  before: Map<string, T>,
  after: Map<string, T>,
  view: (index: InventoryIndex, key: string) => View,
  classify: Classifier,
  out: InventoryChange[],
): void {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const key of keys) {
    const was = before.has(key);
    const is = after.has(key);
    let change: ChangeKind;
    let props: PropertyChange[];
    if (was && !is) {
      change = 'REMOVED';
      props = [];
    } else if (!was && is) {
      change = 'ADDED';
      props = [];
    } else {
      const a = view(ctx.before, key);
      const b = view(ctx.after, key);
      props = [...new Set([...Object.keys(a), ...Object.keys(b)])]
        .filter((p) => (a[p] ?? null) !== (b[p] ?? null))
        .map((p) => ({ property: p, before: a[p] ?? null, after: b[p] ?? null }));
      if (props.length === 0) continue;
      change = 'CHANGED';
    }
    const verdict = classify(ctx, key, change, props);
    const areas = CHANGE_AREAS.filter((a) => verdict.areas.includes(a));
    const major = areas.some((a) => MAJOR_AREAS.includes(a));
    const index = is ? ctx.after : ctx.before;
    const node = (is ? after : before).get(key)!;
    const cite: Citation[] = [...verdict.cite];
    if (major || areas.includes('NOTICE')) cite.push('PIPL Art. 17(2)');
    if (verdict.renew) cite.unshift('PIPL Art. 14');
    out.push({
      nodeType: type,
      key,
      name: nameOf(index, type, key),
      change,
      properties: props,
      areas: areas.length ? areas : ['EDITORIAL'],
      major,
      requiresRenewedConsent: verdict.renew,
      reasons: [...new Set(verdict.reasons)],
      articles: mergeArticles(articles(...cite)),
      clauses: index.clauses([
        ...(node.sources ?? []),
        ...(major ? ctx.majorClauses.map((c) => c.citation) : []),
        ...(verdict.renew ? ctx.reconsentClauses.map((c) => c.citation) : []),
      ]),
    });
  }
}

function nameOf(index: InventoryIndex, type: NodeType, key: string): string {
  switch (type) {
    case 'document': return index.documents.get(key)?.title ?? key;
    case 'category': return index.label(index.categories.get(key), key);
    case 'field': return index.fieldLabel(key);
    case 'purpose': return index.purposeLabel(key);
    case 'permission': return index.label(index.permissions.get(key), key);
    case 'party': return index.partyLabel(key);
    case 'legalBasis': return index.label(index.legalBases.get(key), key);
    case 'flow': return index.flowLabel(key);
  }
}
