/** Retention: how long data is kept where it comes to rest (PIPL Art. 17(1)(2), 19). */
import { compareKeys } from '../../key-order';
import type { DataFlow } from '../../manifest';
import { articles } from '../articles';
import { finding, type ComplianceRule, type Finding } from '../findings';
import type { InventoryIndex } from '../inventory-index';
import { flowRef, flowSubject, partyRef, partySubject, plural, sourcesOf } from './helpers';

export const noRetentionStatement: ComplianceRule = {
  id: 'no-retention-statement',
  title: 'No retention statement',
  severity: 'MEDIUM',
  description:
    "A flow brings personal information to a party that keeps it, and states no retention. The handler must say how long it keeps data and keep it no longer than necessary (PIPL Art. 17(1)(2), 19); an entrustment must agree a period (Art. 21). MEDIUM for the handler's own systems and entrusted parties; LOW for independent handlers and affiliates, which set their own retention but whose keeping the inventory then cannot answer for. A collection leg into an on-device component that passes every field on needs no statement of its own, nor do disclosures to the public or authorities, or a merger transfer.",
  articles: articles('PIPL Art. 17(1)(2)', 'PIPL Art. 19', 'PIPL Art. 21', 'GDPR Art. 5(1)(e)', 'GDPR Art. 13(2)(a)'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      const to = index.parties.get(flow.to);
      if (!to || flow.retention || flow.kind === 'TRANSFER') continue;
      if (to.kind === 'DATA_SUBJECT' || to.kind === 'PUBLIC' || to.kind === 'AUTHORITY') continue;
      if (!index.isHandler(flow.from) && !index.isHandler(flow.to)) continue;
      if (passesEverythingOn(index, flow)) continue;
      const fields = index.carriedFields(flow.key);
      const entrusted = flow.kind === 'ENTRUSTED_PROCESSING' || to.kind === 'ENTRUSTED_PARTY';
      const own = to.kind === 'FIRST_PARTY';
      const severity = own || entrusted ? 'MEDIUM' : 'LOW';
      const message = own
        ? `${flowRef(index, flow)} brings ${plural(fields.length, 'field')} to ${partyRef(index, flow.to)}, which keeps them, but states no retention period.`
        : entrusted
          ? `${flowRef(index, flow)} entrusts ${plural(fields.length, 'field')} to ${partyRef(index, flow.to)} with no agreed retention period.`
          : `${flowRef(index, flow)} gives ${plural(fields.length, 'field')} to ${partyRef(index, flow.to)}, which keeps them on its own terms; the inventory does not say for how long.`;
      out.push(finding(this, {
        severity,
        subject: flowSubject(index, flow),
        message,
        remedy: own
          ? 'State the retention period (a maximum, as an ISO-8601 duration) or the event that ends it, and delete or anonymise afterwards.'
          : entrusted
            ? 'Agree the period in the entrustment contract (PIPL Art. 21) and record it on the flow; require return or deletion at its end.'
            : "Record the recipient's stated retention (from its own privacy policy or the data-sharing agreement).",
        articles: entrusted
          ? articles('PIPL Art. 21', 'PIPL Art. 19', 'GDPR Art. 28')
          : own
            ? articles('PIPL Art. 17(1)(2)', 'PIPL Art. 19', 'GDPR Art. 5(1)(e)', 'GDPR Art. 13(2)(a)')
            : articles('PIPL Art. 17(1)(2)', 'GDPR Art. 13(2)(a)'),
        clauses: index.clauses(flow.sources),
        involves: { fields, flows: [flow.key], parties: [flow.from, flow.to] },
      }));
    }
    return out;
  },
};

export const retentionWithoutPeriod: ComplianceRule = {
  id: 'retention-without-period',
  title: 'Retention stated without a period',
  severity: 'LOW',
  description:
    'Flows into a party state retention, but with no maximum period ("the shortest time necessary"; a legal minimum alone). PIPL Art. 17(1)(2) asks for the retention period; GDPR Art. 13(2)(a) accepts criteria only if they determine the period. Reported once per keeping party.',
  articles: articles('PIPL Art. 17(1)(2)', 'PIPL Art. 19', 'GDPR Art. 13(2)(a)'),
  check(index) {
    const byParty = new Map<string, DataFlow[]>();
    for (const flow of index.manifest.flows) {
      if (!flow.retention || flow.retention.maximum) continue;
      byParty.set(flow.to, [...(byParty.get(flow.to) ?? []), flow]);
    }
    const out: Finding[] = [];
    for (const [party, flows] of [...byParty].sort(([a], [b]) => compareKeys(a, b))) {
      const minimums = flows.filter((f) => f.retention!.minimum);
      const example = flows[0].retention!.description.replace(/\s+/g, ' ').trim();
      const fields = [...new Set(flows.flatMap((f) => index.carriedFields(f.key)))].sort();
      out.push(finding(this, {
        severity: 'LOW',
        subject: partySubject(index, party),
        message: `${plural(flows.length, 'flow')} into ${partyRef(index, party)} (${plural(fields.length, 'field')}) state retention without a maximum period, e.g. "${example.length > 140 ? `${example.slice(0, 140)}…` : example}"${minimums.length ? `; ${minimums.map((f) => `${f.key} gives only a minimum of ${f.retention!.minimum}`).join(', ')}` : ''}.`,
        remedy: 'Give each kind of data a maximum retention period (or the event that ends it) and record it as retention.maximum.',
        articles: this.articles,
        clauses: index.clauses(sourcesOf(...flows)),
        involves: { parties: [party], flows: flows.map((f) => f.key), fields },
      }));
    }
    return out;
  },
};

/** A collection leg into an on-device component (the app) whose every field travels on: retention belongs where data comes to rest. */
function passesEverythingOn(index: InventoryIndex, flow: DataFlow): boolean {
  if (!index.isDataSubject(flow.from) || !index.isHandler(flow.to)) return false;
  const onward = new Set(index.outbound(flow.to).flatMap((o) => index.carriedFields(o.key)));
  return index.carriedFields(flow.key).every((f) => onward.has(f));
}
