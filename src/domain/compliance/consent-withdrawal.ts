/**
 * What stops when a user revokes an OS permission (进圈 §八.4.1–4.2: "撤回授权后我们将不再收集与这些
 * 权限相关信息"): the flows it gates, the processing downstream that loses its input, the functions
 * (purposes) that stop or are limited, and whether the basic functions survive (PIPL Art. 16).
 *
 * Data is followed per purpose: what was collected for one purpose does not feed another
 * (PIPL Art. 6), so a server-side flow for 同城 stops when the 同城 collection stops even if the
 * same field still arrives for security. A flow that needs other permissions too is "limited":
 * the inventory does not say which of its fields need which permission, so it is never
 * claimed to stop.
 */
import { compareKeys } from '../key-order';
import { NotFoundError } from '../problems';
import type { DataFlow } from '../manifest';
import type { FunctionType } from '../vocabulary';
import { articles, type ArticleRef } from './articles';
import type { CitedClause, InventoryIndex } from './inventory-index';
import { isRuntimePermission, permissionGroupOf, revokedTogether } from './permission-groups';

export const FUNCTION_EFFECTS = ['STOPS', 'LIMITED'] as const;
export type FunctionEffect = (typeof FUNCTION_EFFECTS)[number];

export interface AffectedFlow {
  flowKey: string;
  name: string;
  optional: boolean;
  reason: string;
}

export interface AffectedFunction {
  purposeKey: string;
  name: string;
  functionType: FunctionType;
  effect: FunctionEffect;
  stoppedFlowKeys: string[];
  limitedFlowKeys: string[];
}

export interface ConsentWithdrawal {
  permission: { key: string; name: string; runtime: boolean; group: string | null };
  /** Everything the user switches off with it (the OS revokes a permission group at once). */
  revokedPermissions: string[];
  stoppedFlows: AffectedFlow[];
  limitedFlows: AffectedFlow[];
  functions: AffectedFunction[];
  /** Fields no longer collected at all. */
  fieldsNoLongerCollected: string[];
  basicFunctionSurvives: boolean;
  /** Flows the user cannot refuse that this permission gates: the policy's choice is then hollow. */
  requiredFlowsAffected: string[];
  verdict: string;
  clauses: CitedClause[];
  articles: ArticleRef[];
}

const WITHDRAWAL_WORDS = [[/撤回/], [/withdraw/i]];

export function consentWithdrawal(index: InventoryIndex, permissionKey: string): ConsentWithdrawal {
  const permission = index.permissions.get(permissionKey);
  if (!permission) throw new NotFoundError('permission', permissionKey);
  const revoked = revokedTogether(permissionKey, index.permissions.keys());
  const gated = index.manifest.flows.filter((f) => f.permissions.some((p) => revoked.includes(p)));
  const stopped = new Map<string, string>();
  const limited = new Map<string, string>();
  for (const f of gated) {
    if (f.permissions.every((p) => revoked.includes(p))) stopped.set(f.key, `needs only ${f.permissions.filter((p) => revoked.includes(p)).join(', ')}`);
    else limited.set(f.key, `also needs ${f.permissions.filter((p) => !revoked.includes(p)).join(', ')}; the inventory does not say which of its fields need ${revoked.join(', ')}`);
  }

  // Follow the loss downstream until nothing more stops.
  for (let changed = true; changed; ) {
    changed = false;
    for (const flow of index.manifest.flows) {
      if (stopped.has(flow.key)) continue;
      const lost = lostInputs(index, flow, stopped);
      if (lost.total > 0 && lost.lost === lost.total) {
        stopped.set(flow.key, `its input for ${describe(index, flow)} no longer arrives (${lost.from.join(', ')} stopped)`);
        limited.delete(flow.key);
        changed = true;
      } else if (lost.lost > 0 && !limited.has(flow.key)) {
        limited.set(flow.key, `loses ${lost.fields.map((k) => index.fieldLabel(k)).join(', ')} (${lost.from.join(', ')} stopped)`);
        changed = true;
      }
    }
  }

  // Functions are what the user notices: purposes of flows that stop, or that the permission gates.
  // A flow downstream that merely loses one field (a legal disclosure, a merger transfer) is listed
  // among the limited flows but does not make its purpose a function the user loses.
  const gatedKeys = new Set(gated.map((f) => f.key));
  const purposeKeys = [...new Set([...stopped.keys(), ...[...limited.keys()].filter((k) => gatedKeys.has(k))].flatMap((k) => index.flows.get(k)!.purposes))];
  const functions: AffectedFunction[] = purposeKeys
    .map((key) => {
      const flows = index.flowsWithPurpose(key);
      const p = index.purposes.get(key)!;
      return {
        purposeKey: key,
        name: index.purposeLabel(key),
        functionType: p.functionType,
        effect: (flows.every((f) => stopped.has(f.key)) ? 'STOPS' : 'LIMITED') as FunctionEffect,
        stoppedFlowKeys: flows.filter((f) => stopped.has(f.key)).map((f) => f.key),
        limitedFlowKeys: flows.filter((f) => limited.has(f.key) && gatedKeys.has(f.key)).map((f) => f.key),
      };
    })
    .sort((a, b) => (a.effect === b.effect ? compareKeys(a.purposeKey, b.purposeKey) : a.effect === 'STOPS' ? -1 : 1));

  const collected = new Map<string, DataFlow[]>();
  for (const f of index.manifest.flows) {
    if (!index.isHandler(f.to) || index.isHandler(f.from)) continue;
    for (const k of index.carriedFields(f.key)) collected.set(k, [...(collected.get(k) ?? []), f]);
  }
  const gone = [...collected].filter(([, flows]) => flows.every((f) => stopped.has(f.key))).map(([k]) => k).sort();
  const requiredAffected = gated.filter((f) => !f.optional).map((f) => f.key);
  const basicStops = functions.filter((f) => f.functionType === 'BASIC' && f.effect === 'STOPS');
  const survives = basicStops.length === 0;
  const toFlow = (map: Map<string, string>): AffectedFlow[] =>
    [...map].sort(([a], [b]) => compareKeys(a, b)).map(([key, reason]) => ({ flowKey: key, name: index.flowLabel(key), optional: index.flows.get(key)!.optional, reason }));

  const stops = functions.filter((f) => f.effect === 'STOPS').map((f) => f.name);
  const limits = functions.filter((f) => f.effect === 'LIMITED').map((f) => f.name);
  const verdict = [
    stops.length ? `Stops: ${stops.join(', ')}.` : 'No function stops entirely.',
    limits.length ? `Limited: ${limits.join(', ')}.` : '',
    survives
      ? 'The basic functions survive.'
      : `The basic functions do not survive: ${basicStops.map((f) => f.name).join(', ')} stop${basicStops.length === 1 ? 's' : ''}.`,
    requiredAffected.length ? `But ${requiredAffected.join(', ')} — processing the user cannot refuse — also depends on this permission.` : '',
    'Processing already done on the permission stays lawful (PIPL Art. 15).',
  ].filter(Boolean).join(' ');

  const withdrawal = index.clausesSaying(...WITHDRAWAL_WORDS);
  return {
    permission: { key: permissionKey, name: index.label(permission), runtime: isRuntimePermission(permissionKey), group: permissionGroupOf(permissionKey) },
    revokedPermissions: revoked,
    stoppedFlows: toFlow(stopped),
    limitedFlows: toFlow(limited),
    functions,
    fieldsNoLongerCollected: gone,
    basicFunctionSurvives: survives,
    requiredFlowsAffected: requiredAffected,
    verdict,
    clauses: index.clauses([...revoked.flatMap((k) => index.permissions.get(k)?.sources ?? []), ...gated.flatMap((f) => f.sources), ...withdrawal.map((c) => c.citation)]),
    articles: articles('PIPL Art. 15', 'PIPL Art. 16', 'GDPR Art. 7(3)'),
  };
}

/** The (field, purpose) inputs of a flow, and how many of them come only from stopped flows. */
function lostInputs(index: InventoryIndex, flow: DataFlow, stopped: Map<string, string>): { total: number; lost: number; fields: string[]; from: string[] } {
  const inbound = index.inbound(flow.from);
  if (inbound.length === 0) return { total: 0, lost: 0, fields: [], from: [] };
  const purposes: Array<string | null> = flow.purposes.length ? flow.purposes : [null];
  let total = 0;
  let lost = 0;
  const fields = new Set<string>();
  const from = new Set<string>();
  for (const k of index.carriedFields(flow.key)) {
    const carrying = inbound.filter((i) => index.carriedFields(i.key).includes(k));
    if (carrying.length === 0) continue; // the field originates here: nothing upstream to lose
    for (const p of purposes) {
      const forPurpose = p ? carrying.filter((i) => i.purposes.includes(p)) : [];
      const supply = forPurpose.length ? forPurpose : carrying;
      total++;
      if (supply.every((i) => stopped.has(i.key))) {
        lost++;
        fields.add(k);
        for (const i of supply) from.add(i.key);
      }
    }
  }
  return { total, lost, fields: [...fields].sort(), from: [...from].sort() };
}

function describe(index: InventoryIndex, flow: DataFlow): string {
  return flow.purposes.length ? flow.purposes.map((p) => index.purposeLabel(p)).join(', ') : 'it';
}
