/**
 * Which part of the inventory an assessment covers: fields, purposes, recipients or flows. Lists of
 * different kinds narrow each other (AND); keys within one list widen (OR). No list: everything.
 */
import type { DataFlow } from '../manifest';
import { ValidationError, type Problem } from '../problems';
import type { InventoryIndex } from './inventory-index';

export interface AssessmentScope {
  fieldKeys?: string[] | null;
  purposeKeys?: string[] | null;
  recipientKeys?: string[] | null;
  flowKeys?: string[] | null;
}

export interface ResolvedScope {
  whole: boolean;
  /** In words, for report titles. */
  description: string;
  flows: DataFlow[];
  /** Per flow, the fields that are in scope (all it carries, or those the scope names). */
  fieldsOf: Map<string, string[]>;
  fields: string[];
  purposes: string[];
  parties: string[];
  request: Required<{ [K in keyof AssessmentScope]: string[] }>;
}

export function resolveScope(index: InventoryIndex, scope: AssessmentScope | null | undefined): ResolvedScope {
  const request = {
    fieldKeys: [...new Set(scope?.fieldKeys ?? [])],
    purposeKeys: [...new Set(scope?.purposeKeys ?? [])],
    recipientKeys: [...new Set(scope?.recipientKeys ?? [])],
    flowKeys: [...new Set(scope?.flowKeys ?? [])],
  };
  const problems: Problem[] = [];
  const check = (list: string[], path: string, what: string, has: (k: string) => boolean) =>
    list.forEach((k, i) => {
      if (!has(k)) problems.push({ path: `scope.${path}[${i}]`, message: `unknown ${what} "${k}"` });
    });
  check(request.fieldKeys, 'fieldKeys', 'field', (k) => index.fields.has(k));
  check(request.purposeKeys, 'purposeKeys', 'purpose', (k) => index.purposes.has(k));
  check(request.recipientKeys, 'recipientKeys', 'party', (k) => index.parties.has(k));
  check(request.flowKeys, 'flowKeys', 'flow', (k) => index.flows.has(k));
  if (problems.length) throw new ValidationError(problems, 'invalid assessment scope');

  const whole = Object.values(request).every((l) => l.length === 0);
  const flows = index.manifest.flows.filter((f) => {
    if (request.flowKeys.length && !request.flowKeys.includes(f.key)) return false;
    if (request.purposeKeys.length && !f.purposes.some((p) => request.purposeKeys.includes(p))) return false;
    if (request.recipientKeys.length && !request.recipientKeys.includes(f.to)) return false;
    if (request.fieldKeys.length && !index.carriedFields(f.key).some((k) => request.fieldKeys.includes(k))) return false;
    return true;
  });
  if (flows.length === 0) {
    throw new ValidationError([{ path: 'scope', message: 'no data flow matches this scope: nothing to assess' }], 'invalid assessment scope');
  }
  const fieldsOf = new Map(flows.map((f) => {
    const carried = index.carriedFields(f.key);
    return [f.key, request.fieldKeys.length ? carried.filter((k) => request.fieldKeys.includes(k)) : carried] as const;
  }));
  const fields = [...new Set([...fieldsOf.values()].flat())].sort();
  const purposes = [...new Set(flows.flatMap((f) => (request.purposeKeys.length ? f.purposes.filter((p) => request.purposeKeys.includes(p)) : f.purposes)))].sort();
  const parties = [...new Set(flows.flatMap((f) => [f.from, f.to]))].sort();

  const parts: string[] = [];
  if (request.fieldKeys.length) parts.push(`fields ${request.fieldKeys.map((k) => index.fieldLabel(k)).join(', ')}`);
  if (request.purposeKeys.length) parts.push(`purposes ${request.purposeKeys.map((k) => index.purposeLabel(k)).join(', ')}`);
  if (request.recipientKeys.length) parts.push(`recipients ${request.recipientKeys.map((k) => index.partyLabel(k)).join(', ')}`);
  if (request.flowKeys.length) parts.push(`flows ${request.flowKeys.join(', ')}`);
  return {
    whole,
    description: whole ? 'the whole inventory' : parts.join('; '),
    flows,
    fieldsOf,
    fields,
    purposes,
    parties,
    request,
  };
}
