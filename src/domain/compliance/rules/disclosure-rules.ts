/** Data leaving the handler: provision, public disclosure, entrustment, transfer and cross-border. */
import { articles, type Citation } from '../articles';
import { finding, type ComplianceRule, type Finding } from '../findings';
import type { InventoryIndex } from '../inventory-index';
import { flowBases, hasSeparateConsent, type PiplBasis } from '../legal-bases';
import { describeFields, flowRef, flowSubject, partyRef, partySubject, plural, sourcesOf } from './helpers';

/** Bases that let a handler disclose publicly without the separate consent of PIPL Art. 25. */
const PUBLIC_DISCLOSURE_BASES: readonly PiplBasis[] = ['LEGAL_DUTY', 'NEWS_REPORTING', 'DISCLOSED_INFORMATION', 'OTHER_LAW'];

export const provisionWithoutSeparateConsent: ComplianceRule = {
  id: 'provision-without-separate-consent',
  title: 'Provision to another handler or public disclosure without separate consent',
  severity: 'HIGH',
  description:
    'The handler provides personal information to another, independent handler (PIPL Art. 23) or discloses it publicly (Art. 25) on consent that is not separate consent, or with no PIPL basis at all. Provision needs separate consent unless another Art. 13 basis holds; public disclosure needs it unless a law requires the disclosure. Sensitive fields add Art. 29.',
  articles: articles('PIPL Art. 23', 'PIPL Art. 25', 'PIPL Art. 29', 'GDPR Art. 7(2)', 'GDPR Art. 6(1)'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      if (!index.isHandler(flow.from) || hasSeparateConsent(flow)) continue;
      if (flow.kind !== 'PROVISION' && flow.kind !== 'PUBLIC_DISCLOSURE') continue;
      const bases = flowBases(index, flow);
      const sensitive = index.sensitiveFieldsOf(flow.key);
      const carried = index.carriedFields(flow.key);
      let why: string;
      if (flow.kind === 'PUBLIC_DISCLOSURE') {
        if (bases.valid.some((b) => PUBLIC_DISCLOSURE_BASES.includes(b))) continue;
        why = flow.consent === 'NONE'
          ? `discloses ${plural(carried.length, 'field')} to ${partyRef(index, flow.to)} with no consent at all (basis: ${flow.legalBases.join(', ') || 'none'}), and no law requires the disclosure`
          : `discloses ${plural(carried.length, 'field')} to ${partyRef(index, flow.to)} on ${flow.consent}, not separate consent`;
      } else {
        if (!bases.reliesOnConsent && bases.valid.length > 0) continue;
        why = bases.valid.length === 0 && flow.consent === 'NONE'
          ? `provides ${plural(carried.length, 'field')} to ${partyRef(index, flow.to)} with no consent and no PIPL basis (${bases.invalid.map((b) => b.key).join(', ') || 'none named'})`
          : `provides ${plural(carried.length, 'field')} to ${partyRef(index, flow.to)}, an independent handler, on ${flow.consent}, not separate consent`;
      }
      const cited: Citation[] = [flow.kind === 'PROVISION' ? 'PIPL Art. 23' : 'PIPL Art. 25'];
      if (sensitive.length) cited.push('PIPL Art. 29');
      cited.push(flow.kind === 'PROVISION' ? 'GDPR Art. 7(2)' : 'GDPR Art. 6(1)');
      out.push(finding(this, {
        severity: 'HIGH',
        subject: flowSubject(index, flow),
        message: `${flowRef(index, flow)} ${why}${sensitive.length ? `; sensitive: ${describeFields(index, sensitive)}` : ''}.`,
        remedy: flow.kind === 'PROVISION'
          ? "Obtain separate consent for this provision after telling the user the recipient's name, contact, purpose, method and the categories provided (PIPL Art. 23); record the flow as SEPARATE_CONSENT."
          : 'Disclose only with separate consent (PIPL Art. 25), or only what a law requires; record the flow accordingly.',
        articles: articles(...cited),
        clauses: index.clauses(sourcesOf(flow)),
        involves: { fields: carried, flows: [flow.key], parties: [flow.from, flow.to], purposes: flow.purposes, legalBases: flow.legalBases },
      }));
    }
    return out;
  },
};

export const recipientNotIdentified: ComplianceRule = {
  id: 'recipient-not-identified',
  title: "Recipient's identity or contact not stated",
  severity: 'MEDIUM',
  description:
    "An independent handler or affiliate receives personal information from the handler (provision, or transfer on a merger), but the inventory records no contact details for it. PIPL Art. 23 (and Art. 22 for transfers) requires telling individuals the recipient's name and contact; a third-party SDK on the device should also be named by package (第三方SDK目录).",
  articles: articles('PIPL Art. 23', 'PIPL Art. 22', 'GDPR Art. 13(1)(e)'),
  check(index) {
    const out: Finding[] = [];
    const onDevice = onDeviceParties(index);
    for (const party of index.manifest.parties) {
      if (party.kind !== 'THIRD_PARTY' && party.kind !== 'AFFILIATE') continue;
      const flows = index.inbound(party.key).filter((f) => index.isHandler(f.from) && (f.kind === 'PROVISION' || f.kind === 'TRANSFER'));
      if (flows.length === 0 || party.contact) continue;
      const fromDevice = flows.some((f) => onDevice.has(f.from));
      const noPackage = fromDevice && party.sdkPackages.length === 0;
      const transfer = flows.some((f) => f.kind === 'TRANSFER');
      const fields = [...new Set(flows.flatMap((f) => index.carriedFields(f.key)))].sort();
      out.push(finding(this, {
        severity: 'MEDIUM',
        subject: partySubject(index, party.key),
        message: `${partyRef(index, party.key)} receives ${plural(fields.length, 'field')} by ${transfer ? 'transfer' : 'provision'} (${flows.map((f) => f.key).join(', ')}) but no contact details are recorded${noPackage ? ', and although it collects on the device no SDK package is named' : ''}.`,
        remedy: `Record the recipient's legal name and contact details${noPackage ? ' and its SDK package names' : ''}, and tell users both before providing the data${transfer ? ' (for a transfer, when it happens: PIPL Art. 22)' : ''}.`,
        articles: articles(transfer ? 'PIPL Art. 22' : 'PIPL Art. 23', 'GDPR Art. 13(1)(e)'),
        clauses: index.clauses(sourcesOf(party, ...flows)),
        involves: { fields, flows: flows.map((f) => f.key), parties: [party.key] },
      }));
    }
    return out;
  },
};

export const entrustmentIncomplete: ComplianceRule = {
  id: 'entrustment-incomplete',
  title: 'Entrusted processing without a stated purpose, or passed on',
  severity: 'MEDIUM',
  description:
    "An entrusted party (受托方) processes on the handler's behalf: PIPL Art. 21 requires an agreed purpose and scope, and forbids passing the data on without the handler's consent. Flagged: entrusted flows with no purpose, entrusted parties whose data flows on to others, and flows whose kind contradicts the recipient's role.",
  articles: articles('PIPL Art. 21', 'PIPL Art. 23', 'GDPR Art. 28'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      const to = index.parties.get(flow.to);
      if (!to) continue;
      if (flow.kind === 'ENTRUSTED_PROCESSING' && flow.purposes.length === 0) {
        out.push(finding(this, {
          severity: 'MEDIUM',
          subject: flowSubject(index, flow),
          message: `${flowRef(index, flow)} entrusts ${plural(index.carriedFields(flow.key).length, 'field')} to ${partyRef(index, flow.to)} without stating what for.`,
          remedy: "State the entrusted purpose on the flow and in the entrustment agreement, with the period, method, categories and protective measures (PIPL Art. 21).",
          articles: articles('PIPL Art. 21', 'GDPR Art. 28'),
          clauses: index.clauses(flow.sources),
          involves: { fields: index.carriedFields(flow.key), flows: [flow.key], parties: [flow.to] },
        }));
      } else if ((flow.kind === 'ENTRUSTED_PROCESSING' && to.kind === 'THIRD_PARTY') || (flow.kind === 'PROVISION' && to.kind === 'ENTRUSTED_PARTY')) {
        out.push(finding(this, {
          severity: 'LOW',
          subject: flowSubject(index, flow),
          message: `${flowRef(index, flow)} is recorded as ${flow.kind} but ${partyRef(index, flow.to)} is a ${to.kind}: entrustment (Art. 21) and provision (Art. 23) carry different duties.`,
          remedy: 'Decide whether the recipient acts on your instructions only (entrusted party, ENTRUSTED_PROCESSING) or decides its own processing (third party, PROVISION), and record both consistently.',
          articles: articles('PIPL Art. 21', 'PIPL Art. 23', 'GDPR Art. 28'),
          clauses: index.clauses(sourcesOf(flow, to)),
          involves: { flows: [flow.key], parties: [flow.to] },
        }));
      }
    }
    for (const party of index.manifest.parties) {
      if (party.kind !== 'ENTRUSTED_PARTY') continue;
      const onward = index.outbound(party.key).filter((f) => !index.isHandler(f.to) && !index.isDataSubject(f.to));
      if (onward.length === 0) continue;
      out.push(finding(this, {
        severity: 'MEDIUM',
        subject: partySubject(index, party.key),
        message: `Entrusted party ${partyRef(index, party.key)} passes data on to ${onward.map((f) => partyRef(index, f.to)).join(', ')} (${onward.map((f) => f.key).join(', ')}).`,
        remedy: "An entrusted party may sub-entrust only with the handler's consent (PIPL Art. 21); record that consent and the sub-processor, or stop the onward flow.",
        articles: articles('PIPL Art. 21', 'GDPR Art. 28'),
        clauses: index.clauses(sourcesOf(party, ...onward)),
        involves: { flows: onward.map((f) => f.key), parties: [party.key, ...onward.map((f) => f.to)], fields: onward.flatMap((f) => index.carriedFields(f.key)) },
      }));
    }
    return out;
  },
};

export const crossBorderWithoutSafeguards: ComplianceRule = {
  id: 'cross-border-without-safeguards',
  title: 'Cross-border provision without a transfer mechanism or separate consent',
  severity: 'HIGH',
  description:
    'A flow crosses a border (its two parties state different countries) without a PIPL Art. 38 mechanism (security assessment, certification, standard contract) among its bases, or without separate consent (Art. 39). A recipient with no country recorded cannot be assessed and is reported LOW.',
  articles: articles('PIPL Art. 38', 'PIPL Art. 39', 'GDPR Art. 44', 'GDPR Art. 46', 'GDPR Art. 49(1)(a)'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      if (!index.isCrossBorder(flow)) continue;
      const bases = flowBases(index, flow);
      const missing: string[] = [];
      if (bases.transferMechanisms.length === 0) missing.push('no transfer mechanism (PIPL Art. 38) is recorded among its legal bases');
      if (!hasSeparateConsent(flow)) missing.push(`its consent is ${flow.consent}, not separate consent (Art. 39)`);
      if (missing.length === 0) continue;
      const from = index.parties.get(flow.from)!;
      const to = index.parties.get(flow.to)!;
      out.push(finding(this, {
        severity: 'HIGH',
        subject: flowSubject(index, flow),
        message: `${flowRef(index, flow)} takes ${plural(index.carriedFields(flow.key).length, 'field')} from ${from.country} to ${partyRef(index, to.key)} in ${to.country}: ${missing.join('; ')}.`,
        remedy: 'Put a PIPL Art. 38 mechanism in place and record it as a legal basis (e.g. "PIPL Art. 38(1)(3) standard contract"), tell users the overseas recipient and obtain separate consent (Art. 39).',
        articles: this.articles,
        clauses: index.clauses(sourcesOf(flow, to)),
        involves: { fields: index.carriedFields(flow.key), flows: [flow.key], parties: [flow.from, flow.to], legalBases: flow.legalBases },
      }));
    }
    for (const party of index.manifest.parties) {
      if (!index.isRecipient(party.key) || party.country || party.kind === 'PUBLIC') continue;
      const inbound = index.inbound(party.key);
      if (inbound.length === 0) continue;
      out.push(finding(this, {
        severity: 'LOW',
        subject: partySubject(index, party.key),
        message: `${partyRef(index, party.key)} receives personal information (${inbound.map((f) => f.key).join(', ')}) but no country is recorded, so whether PIPL Art. 38/39 apply cannot be told.`,
        remedy: "Record the country where the recipient processes and stores the data (ISO 3166-1 alpha-2).",
        articles: articles('PIPL Art. 38', 'PIPL Art. 39', 'GDPR Art. 44'),
        clauses: index.clauses(party.sources),
        involves: { flows: inbound.map((f) => f.key), parties: [party.key] },
      }));
    }
    return out;
  },
};

/** Handler parties that receive straight from the data subject: the app on the device, where SDKs run. */
function onDeviceParties(index: InventoryIndex): Set<string> {
  const out = new Set<string>();
  for (const flow of index.manifest.flows) {
    if (index.isDataSubject(flow.from) && index.isHandler(flow.to)) out.add(flow.to);
  }
  return out;
}
