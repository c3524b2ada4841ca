/**
 * Findings: what is wrong with an inventory, each naming the rule that found it, what it is about,
 * the statute it rests on and the policy clauses that show it. Rules (./rules) are pure
 * functions over an InventoryIndex; this module runs them and filters their findings.
 */
import { byKey } from '../key-order';
import { ValidationError, type Problem } from '../problems';
import type { ArticleRef, Law } from './articles';
import type { CitedClause, InventoryIndex } from './inventory-index';

/** Ordered: a CI gate fails "at or above" one of these. */
export const SEVERITIES = ['INFO', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

export const SUBJECT_TYPES = ['FIELD', 'FLOW', 'PARTY', 'PURPOSE', 'PERMISSION', 'LEGAL_BASIS', 'CATEGORY', 'DOCUMENT'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export interface FindingSubject {
  type: SubjectType;
  key: string;
  /** The node's name as the policy words it (nameZh), else its name. */
  name: string;
}

/** The nodes a finding concerns besides its subject: what `involving` filters on. */
export interface Involvement {
  fields: string[];
  flows: string[];
  parties: string[];
  purposes: string[];
  permissions: string[];
  legalBases: string[];
}

export interface Finding {
  /** Stable across runs: `<rule>:<subject type>:<subject key>`. */
  id: string;
  rule: string;
  title: string;
  severity: Severity;
  subject: FindingSubject;
  /** What is wrong, naming the nodes. */
  message: string;
  /** What would clear it. */
  remedy: string;
  articles: ArticleRef[];
  /** The policy clauses that show it, in policy order. */
  clauses: CitedClause[];
  involves: Involvement;
}

export interface ComplianceRule {
  id: string;
  title: string;
  /** The highest severity the rule reports (some findings are reported lower, with the reason). */
  severity: Severity;
  /** What the rule checks and why, for the rule catalogue. */
  description: string;
  articles: ArticleRef[];
  check(index: InventoryIndex): Finding[];
}

export interface FindingFilter {
  /** Only findings at or above this severity. */
  minSeverity?: Severity | null;
  /** Only these rules (ids). */
  rules?: string[] | null;
  subjectType?: SubjectType | null;
  /** Findings whose subject is this key or that involve it (a field, flow, party, purpose…). */
  involving?: string | null;
  /** Findings citing an article of this law. */
  law?: Law | null;
}

/** Runs every rule; findings sorted most severe first, then by rule and subject. */
export function evaluateRules(index: InventoryIndex, rules: readonly ComplianceRule[]): Finding[] {
  const all = rules.flatMap((rule) => rule.check(index));
  return all.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      rules.findIndex((r) => r.id === a.rule) - rules.findIndex((r) => r.id === b.rule) ||
      byKey(a.subject, b.subject),
  );
}

/** Checks a filter against the rule catalogue; unknown rule ids are named. */
export function checkFindingFilter(filter: FindingFilter, rules: readonly ComplianceRule[]): void {
  const problems: Problem[] = [];
  const known = new Set(rules.map((r) => r.id));
  (filter.rules ?? []).forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `filter.rules[${i}]`, message: `unknown rule "${id}"; rules are: ${[...known].join(', ')}` });
  });
  if (filter.involving != null && !filter.involving.trim()) problems.push({ path: 'filter.involving', message: 'must not be empty' });
  if (problems.length) throw new ValidationError(problems, 'invalid findings filter');
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => {
    if (filter.minSeverity && !atOrAbove(f.severity, filter.minSeverity)) return false;
    if (filter.rules?.length && !filter.rules.includes(f.rule)) return false;
    if (filter.subjectType && f.subject.type !== filter.subjectType) return false;
    if (filter.law && !f.articles.some((a) => a.law === filter.law)) return false;
    if (filter.involving) {
      const k = filter.involving;
      const i = f.involves;
      const hit = f.subject.key === k || [i.fields, i.flows, i.parties, i.purposes, i.permissions, i.legalBases].some((l) => l.includes(k));
      if (!hit) return false;
    }
    return true;
  });
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Builds a finding with its id and empty involvement lists filled in. */
export function finding(
  rule: Pick<ComplianceRule, 'id' | 'title'>,
  parts: Omit<Finding, 'id' | 'rule' | 'title' | 'involves'> & { involves?: Partial<Involvement> },
): Finding {
  const inv = parts.involves ?? {};
  const sorted = (l?: string[]) => [...new Set(l ?? [])].sort();
  return {
    id: `${rule.id}:${parts.subject.type}:${parts.subject.key}`,
    rule: rule.id,
    title: rule.title,
    severity: parts.severity,
    subject: parts.subject,
    message: parts.message,
    remedy: parts.remedy,
    articles: parts.articles,
    clauses: parts.clauses,
    involves: {
      fields: sorted(inv.fields),
      flows: sorted(inv.flows),
      parties: sorted(inv.parties),
      purposes: sorted(inv.purposes),
      permissions: sorted(inv.permissions),
      legalBases: sorted(inv.legalBases),
    },
  };
}
