/**
 * What happens to one field when a user cancels their account (进圈 §八.5: "该账号下的全部信息将会被删除
 * 或匿名化处理", logs kept ≥ 6 months): which of the handler's stores delete it, which copies a law
 * makes it keep (PIPL Art. 47 para 2: storage and security only), which recipients must be told to
 * delete (§八.3; GDPR Art. 19) or instructed to (entrusted parties, Art. 21), and what cannot be
 * recalled once public.
 */
import { NotFoundError } from '../problems';
import type { PartyKind, SensitiveClass } from '../vocabulary';
import { articles, type ArticleRef, type Citation } from './articles';
import type { CitedClause, InventoryIndex } from './inventory-index';
import { isLegalDuty } from './legal-bases';
import { onwardRecipients } from './reach';

export const STORE_ACTIONS = ['DELETE_OR_ANONYMISE', 'KEEP_FOR_LEGAL_PERIOD'] as const;
export type StoreAction = (typeof STORE_ACTIONS)[number];
export const RECIPIENT_ACTIONS = ['INSTRUCT_TO_DELETE', 'REQUEST_DELETION', 'NO_REQUEST_LAWFUL_DISCLOSURE', 'TAKE_DOWN_CANNOT_RECALL'] as const;
export type RecipientAction = (typeof RECIPIENT_ACTIONS)[number];

export interface StoreStep {
  partyKey: string;
  name: string;
  action: StoreAction;
  /** Flows that bring the field here and are deleted with the account. */
  deletedFlowKeys: string[];
  /** Flows whose copy a law makes the handler keep. */
  keptFlowKeys: string[];
  /** The longest statutory minimum among the kept copies (ISO-8601), if one is stated. */
  keepAtLeast: string | null;
  /** The laws behind the kept copies. */
  keptUnder: string[];
  retention: string[];
}

export interface RecipientStep {
  partyKey: string;
  name: string;
  kind: PartyKind;
  action: RecipientAction;
  reason: string;
  contact: string | null;
  flowKeys: string[];
  /** Parties it passed the field on to: reached through it. */
  onwardPartyKeys: string[];
}

export interface DeletionPlan {
  field: { key: string; name: string; sensitiveClass: SensitiveClass | null };
  trigger: 'ACCOUNT_CANCELLATION';
  stores: StoreStep[];
  recipients: RecipientStep[];
  summary: string;
  clauses: CitedClause[];
  articles: ArticleRef[];
}

const DELETION_WORDS = [[/注销/], [/删除/, /(通知|备份|保留)/], [/(account (deletion|cancellation)|erasure)/i]];

export function deletionPlan(index: InventoryIndex, fieldKey: string): DeletionPlan {
  const field = index.fields.get(fieldKey);
  if (!field) throw new NotFoundError('field', fieldKey);
  const flows = index.flowsCarrying(fieldKey);

  const stores: StoreStep[] = [];
  for (const party of index.handlerParties()) {
    const inbound = flows.filter((f) => f.to === party.key);
    if (inbound.length === 0) continue;
    // A copy stays only where a legal duty says how long it must be kept (a retention minimum).
    const kept = inbound.filter((f) => !!f.retention?.minimum && f.legalBases.some((b) => isLegalDuty(index, b)));
    const minimums = kept.map((f) => f.retention?.minimum).filter((m): m is string => !!m).sort(compareDurations);
    stores.push({
      partyKey: party.key,
      name: index.label(party),
      action: kept.length ? 'KEEP_FOR_LEGAL_PERIOD' : 'DELETE_OR_ANONYMISE',
      deletedFlowKeys: inbound.filter((f) => !kept.includes(f)).map((f) => f.key),
      keptFlowKeys: kept.map((f) => f.key),
      keepAtLeast: minimums.length ? minimums[minimums.length - 1] : null,
      keptUnder: [...new Set(kept.flatMap((f) => f.legalBases.filter((b) => isLegalDuty(index, b)).map((b) => index.legalBases.get(b)!.article)))],
      retention: [...new Set(inbound.filter((f) => f.retention).map((f) => f.retention!.description.replace(/\s+/g, ' ').trim()))],
    });
  }

  const recipients: RecipientStep[] = [];
  const disclosures = flows.filter((f) => index.isHandler(f.from) && index.isRecipient(f.to));
  for (const to of [...new Set(disclosures.map((f) => f.to))].sort()) {
    const party = index.parties.get(to)!;
    const via = disclosures.filter((f) => f.to === to);
    const entrusted = party.kind === 'ENTRUSTED_PARTY' || via.every((f) => f.kind === 'ENTRUSTED_PROCESSING');
    let action: RecipientAction;
    let reason: string;
    if (party.kind === 'PUBLIC') {
      action = 'TAKE_DOWN_CANNOT_RECALL';
      reason = 'take down what the handler publishes; copies others have made are beyond its control';
    } else if (party.kind === 'AUTHORITY') {
      action = 'NO_REQUEST_LAWFUL_DISCLOSURE';
      reason = 'disclosed under a legal duty; the authority keeps it under its own law';
    } else if (entrusted) {
      action = 'INSTRUCT_TO_DELETE';
      reason = 'processes on the handler\'s instructions: must delete or return the data (PIPL Art. 21)';
    } else {
      action = 'REQUEST_DELETION';
      reason = 'an independent handler: ask it to delete promptly (policy §八.3; GDPR Art. 19), unless it holds the user\'s own authorisation';
    }
    recipients.push({
      partyKey: to,
      name: index.label(party),
      kind: party.kind,
      action,
      reason,
      contact: party.contact ?? null,
      flowKeys: via.map((f) => f.key),
      onwardPartyKeys: onwardRecipients(index, to, [fieldKey]).map((o) => o.partyKey),
    });
  }

  const kept = stores.filter((s) => s.action === 'KEEP_FOR_LEGAL_PERIOD');
  const asked = recipients.filter((r) => r.action === 'REQUEST_DELETION' || r.action === 'INSTRUCT_TO_DELETE');
  const name = index.fieldLabel(fieldKey);
  const summary = [
    stores.length
      ? `On account cancellation ${name} is deleted or anonymised at ${stores.map((s) => s.name).join(', ')}${kept.length ? `, except ${kept.map((s) => `the copy kept by ${s.keptFlowKeys.join(', ')} (${s.keepAtLeast ? `at least ${s.keepAtLeast}` : 'as long as the law requires'}, under ${s.keptUnder.join(', ')}), which is then only stored and secured`).join('; ')}` : ''}.`
      : `${name} is not kept by the handler.`,
    asked.length ? `${asked.length} ${asked.length === 1 ? 'recipient' : 'recipients'} must be told to delete it: ${asked.map((r) => r.name).join(', ')}.` : 'No recipient needs to be told.',
    recipients.some((r) => r.action === 'TAKE_DOWN_CANNOT_RECALL') ? 'What was published cannot be recalled from others.' : '',
  ].filter(Boolean).join(' ');

  const cite: Citation[] = ['PIPL Art. 47', 'PIPL Art. 19'];
  if (recipients.some((r) => r.action === 'INSTRUCT_TO_DELETE')) cite.push('PIPL Art. 21');
  if (kept.some((s) => s.keptFlowKeys.some((k) => index.flows.get(k)!.legalBases.some((b) => /cybersecurity|网络安全法/i.test(`${index.legalBases.get(b)?.article} ${index.legalBases.get(b)?.name}`))))) cite.push('CSL Art. 21(3)');
  cite.push('GDPR Art. 17', 'GDPR Art. 19');
  return {
    field: { key: fieldKey, name, sensitiveClass: index.sensitiveClassOf(fieldKey) },
    trigger: 'ACCOUNT_CANCELLATION',
    stores,
    recipients,
    summary,
    // Where the field is kept or sent, and what the policy says about deleting it.
    clauses: index.clauses([
      ...flows.filter((f) => index.isHandler(f.to) || index.isHandler(f.from)).flatMap((f) => f.sources),
      ...index.clausesSaying(...DELETION_WORDS).map((c) => c.citation),
    ]),
    articles: articles(...cite),
  };
}

/** Orders ISO-8601 durations roughly by length (years, months, weeks, days). */
function compareDurations(a: string, b: string): number {
  return approxDays(a) - approxDays(b);
}

function approxDays(d: string): number {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?/.exec(d);
  if (!m) return 0;
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
}
