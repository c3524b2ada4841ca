/**
 * Records of processing activities: GDPR Art. 30(1)(a)–(g) with the PIPL Art. 17 notice items,
 * one row per purpose × recipient. Each purpose has a row for what the handler itself processes
 * for it, then one per recipient outside the handler, so a DPO sees who gets what, why, on what
 * basis, for how long.
 */
import { byKey } from '../key-order';
import type { DataFlow } from '../manifest';
import type { ConsentRequirement, FunctionType, PartyKind } from '../vocabulary';
import { articles, type ArticleRef } from './articles';
import { securityCommitments } from './impact-assessment';
import type { InventoryIndex } from './inventory-index';
import { both, CONSENT_LABEL, FLOW_KIND_LABEL } from './labels';
import { flowBases } from './legal-bases';

export interface ProcessingRecord {
  /** `<purpose>/<recipient>`, or `<purpose>/handler` for the handler's own processing. */
  id: string;
  // (a) controller
  controller: string;
  controllerContact: string | null;
  // (b) purpose, with PIPL Art. 17(1)(2) method and the basis
  purposeKey: string;
  purpose: string;
  purposeEn: string;
  functionType: FunctionType;
  legalBases: string[];
  consent: ConsentRequirement[];
  processingMethods: string[];
  // (c) data subjects and personal data
  dataSubjects: string[];
  dataCategories: string[];
  fieldKeys: string[];
  fields: string[];
  sensitiveFields: string[];
  // (d) recipients
  recipientKey: string | null;
  recipient: string | null;
  recipientKind: PartyKind | null;
  recipientContact: string | null;
  // (e) third-country transfers and safeguards
  thirdCountryTransfer: string | null;
  // (f) time limits for erasure
  retention: string[];
  // (g) security measures
  securityMeasures: string;
  // PIPL Art. 17(1)(3)
  rightsExercise: string;
  flowKeys: string[];
  /** Citations (`doc#ref`) of the clauses behind the row. */
  clauses: string[];
}

export interface RecordsOfProcessing {
  generatedAt: string;
  controller: string;
  controllerContact: string | null;
  records: ProcessingRecord[];
  articles: ArticleRef[];
}

export function recordsOfProcessing(index: InventoryIndex, generatedAt: Date): RecordsOfProcessing {
  const handlers = index.handlerContacts().length ? index.handlerContacts() : index.handlerParties();
  const controller = handlers.map((p) => index.label(p)).join('; ') || '(no handler recorded)';
  const controllerContact = handlers.map((p) => p.contact).filter(Boolean).join('; ') || null;
  const security = securityCommitments(index);
  const rightsClauses = index.clauses(index.manifest.parties.filter((p) => p.kind === 'DATA_SUBJECT').flatMap((p) => p.sources));
  const rights = [
    rightsClauses.length ? `as the policy describes in ${rightsClauses.map((c) => `§${c.ref}`).join(', ')}` : 'not described in the inventory',
    controllerContact ? `contact: ${controllerContact}` : null,
  ].filter(Boolean).join('; ');

  const records: ProcessingRecord[] = [];
  // Purposes by key: the same order from a seed file, the store or a snapshot.
  for (const purpose of [...index.manifest.purposes].sort(byKey)) {
    const flows = index.flowsWithPurpose(purpose.key);
    if (flows.length === 0) continue;
    const own = flows.filter((f) => index.isHandler(f.from) || index.isHandler(f.to));
    const groups: Array<{ recipient: string | null; flows: DataFlow[] }> = [];
    if (own.length) groups.push({ recipient: null, flows: own });
    const recipients = [...new Set(flows.filter((f) => index.isRecipient(f.to)).map((f) => f.to))].sort();
    for (const r of recipients) groups.push({ recipient: r, flows: flows.filter((f) => f.to === r) });

    for (const group of groups) {
      const fieldKeys = index.inReadingOrder(group.flows.flatMap((f) => index.carriedFields(f.key)));
      const party = group.recipient ? index.parties.get(group.recipient)! : null;
      const subjects = index.manifest.parties
        .filter((p) => p.kind === 'DATA_SUBJECT' && index.outbound(p.key).some((f) => index.carriedFields(f.key).some((k) => fieldKeys.includes(k))))
        .map((p) => index.label(p));
      const abroad = group.flows.filter((f) => index.isCrossBorder(f));
      const mechanisms = [...new Set(abroad.flatMap((f) => flowBases(index, f).transferMechanisms))];
      records.push({
        id: `${purpose.key}/${group.recipient ?? 'handler'}`,
        controller,
        controllerContact,
        purposeKey: purpose.key,
        purpose: index.purposeLabel(purpose.key),
        purposeEn: purpose.name,
        functionType: purpose.functionType,
        legalBases: [...new Set(group.flows.flatMap((f) => f.legalBases))].sort().map((k) => {
          const lb = index.legalBases.get(k)!;
          return `${lb.article} ${index.label(lb)}`;
        }),
        consent: [...new Set(group.flows.map((f) => f.consent))],
        processingMethods: [...new Set(group.flows.map((f) => both(FLOW_KIND_LABEL[f.kind])))],
        dataSubjects: subjects,
        dataCategories: [...new Set(fieldKeys.map((k) => index.label(index.rootCategoryOf(k))))].filter(Boolean).sort(),
        fieldKeys,
        fields: fieldKeys.map((k) => index.fieldLabel(k)),
        sensitiveFields: fieldKeys.filter((k) => index.isSensitive(k)).map((k) => `${index.fieldLabel(k)} (${index.sensitiveClassOf(k)})`),
        recipientKey: group.recipient,
        recipient: party ? index.label(party) : null,
        recipientKind: party?.kind ?? null,
        recipientContact: party?.contact ?? null,
        thirdCountryTransfer: abroad.length
          ? `${[...new Set(abroad.map((f) => index.parties.get(f.to)?.country))].join(', ')}; safeguards: ${mechanisms.length ? mechanisms.map((k) => index.legalBases.get(k)!.article).join(', ') : 'none recorded'}`
          : null,
        retention: [...new Set(group.flows.filter((f) => f.retention).map((f) => {
          const r = f.retention!;
          const limits = [r.minimum && `minimum ${r.minimum}`, r.maximum && `maximum ${r.maximum}`].filter(Boolean).join(', ');
          return `${r.description.replace(/\s+/g, ' ').trim()}${limits ? ` (${limits})` : ''}`;
        }))],
        securityMeasures: [
          group.flows.some((f) => f.deidentified) ? `de-identified: ${group.flows.filter((f) => f.deidentified).map((f) => f.key).join(', ')}` : null,
          security.length ? `handler's commitments: ${security.map((c) => `§${c.ref}`).join(', ')}` : null,
        ].filter(Boolean).join('; ') || 'none recorded',
        rightsExercise: rights,
        flowKeys: group.flows.map((f) => f.key),
        clauses: index.clauses(group.flows.flatMap((f) => f.sources)).map((c) => c.citation),
      });
    }
  }
  return {
    generatedAt: generatedAt.toISOString(),
    controller,
    controllerContact,
    records,
    articles: articles('GDPR Art. 30(1)', 'PIPL Art. 17(1)(1)', 'PIPL Art. 17(1)(2)', 'PIPL Art. 17(1)(3)'),
  };
}

/** Consent values in words, for exports. */
export function consentWords(values: ConsentRequirement[]): string {
  return values.map((c) => both(CONSENT_LABEL[c])).join('; ');
}
