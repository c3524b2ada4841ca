/** Consent and choice: separate consent for sensitive PI, free consent, refusable extras, profiling opt-out. */
import { articles } from '../articles';
import { finding, type ComplianceRule, type Finding } from '../findings';
import { flowBases, hasSeparateConsent } from '../legal-bases';
import { isRuntimePermission } from '../permission-groups';
import { profilingWords } from '../purpose-traits';
import { describeFields, flowRef, flowSubject, isCollectionByHandler, isDisclosureByHandler, isInternalMove, plural, sourcesOf } from './helpers';

export const sensitiveWithoutSeparateConsent: ComplianceRule = {
  id: 'sensitive-pi-without-separate-consent',
  title: 'Sensitive personal information collected without separate consent',
  severity: 'HIGH',
  description:
    'A flow into the handler carries sensitive personal information (PIPL Art. 28) and rests on consent, but the consent it records is not separate consent (单独同意), which PIPL Art. 29 requires, together with the Art. 30 notice of necessity and impact. Moves inside the handler are not checked again: consent attaches to collection.',
  articles: articles('PIPL Art. 29', 'PIPL Art. 28', 'PIPL Art. 30', 'GDPR Art. 9(2)(a)'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      if (!isCollectionByHandler(index, flow) || hasSeparateConsent(flow)) continue;
      const sensitive = index.sensitiveFieldsOf(flow.key);
      if (sensitive.length === 0 || !flowBases(index, flow).reliesOnConsent) continue;
      out.push(finding(this, {
        severity: 'HIGH',
        subject: flowSubject(index, flow),
        message: `${flowRef(index, flow)} collects ${plural(sensitive.length, 'sensitive field')} — ${describeFields(index, sensitive)} — on consent, but records ${flow.consent}, not separate consent.`,
        remedy: 'Ask for separate consent (单独同意) for these fields when they are collected, after telling the user why each is necessary and how processing affects them (PIPL Art. 30); then record the flow as SEPARATE_CONSENT.',
        articles: this.articles,
        clauses: index.clauses(flow.sources),
        involves: { fields: sensitive, flows: [flow.key], parties: [flow.from, flow.to], purposes: flow.purposes },
      }));
    }
    return out;
  },
};

export const sensitiveWithoutPurpose: ComplianceRule = {
  id: 'sensitive-pi-without-purpose',
  title: 'Sensitive personal information without a specific purpose',
  severity: 'HIGH',
  description:
    'A sensitive field is carried by no flow that states a purpose (or by no flow at all). PIPL Art. 28 allows sensitive personal information only for a specific purpose with sufficient necessity.',
  articles: articles('PIPL Art. 28', 'PIPL Art. 6', 'GDPR Art. 5(1)(b)'),
  check(index) {
    const out: Finding[] = [];
    for (const field of index.manifest.fields) {
      if (!index.isSensitive(field.key)) continue;
      const flows = index.flowsCarrying(field.key);
      if (flows.some((f) => f.purposes.length > 0)) continue;
      out.push(finding(this, {
        severity: 'HIGH',
        subject: { type: 'FIELD', key: field.key, name: index.fieldLabel(field.key) },
        message: flows.length === 0
          ? `Sensitive field ${index.fieldLabel(field.key)} (${index.sensitiveClassOf(field.key)}) is in the inventory but no flow carries it, so no purpose is stated for it.`
          : `Sensitive field ${index.fieldLabel(field.key)} (${index.sensitiveClassOf(field.key)}) is carried by ${plural(flows.length, 'flow')} (${flows.map((f) => f.key).join(', ')}), none of which states a purpose.`,
        remedy: 'State the specific purpose each flow carrying this field serves, or stop collecting the field.',
        articles: this.articles,
        clauses: index.clauses(sourcesOf(field, ...flows)),
        involves: { fields: [field.key], flows: flows.map((f) => f.key) },
      }));
    }
    return out;
  },
};

export const consentNotFreelyGiven: ComplianceRule = {
  id: 'consent-not-freely-given',
  title: 'Required processing that rests on consent alone',
  severity: 'MEDIUM',
  description:
    'A flow the user cannot refuse (optional: false) rests on consent and on no other valid basis. Consent that cannot be refused without losing the service is not voluntary (PIPL Art. 14; GDPR Art. 7(4)): if the processing is necessary for the service, its basis is the contract (Art. 13(1)(2)); if it is not, the user must be able to refuse it (Art. 16).',
  articles: articles('PIPL Art. 14', 'PIPL Art. 16', 'GDPR Art. 7(4)'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      if (flow.optional || isInternalMove(index, flow)) continue;
      if (!isCollectionByHandler(index, flow) && !isDisclosureByHandler(index, flow)) continue;
      const bases = flowBases(index, flow);
      if (!bases.reliesOnConsent || bases.hasNonConsentBasis || !bases.namesConsent) continue;
      const invalid = bases.invalid.length ? ` (it also names ${bases.invalid.map((b) => b.key).join(', ')}, which PIPL does not recognise)` : '';
      out.push(finding(this, {
        severity: 'MEDIUM',
        subject: flowSubject(index, flow),
        message: `${flowRef(index, flow)} cannot be refused (optional: false) yet its only PIPL basis is consent${invalid}: consent the user cannot refuse without losing the service is not voluntary.`,
        remedy: 'Either show the processing is necessary to provide the service and base it on the contract (PIPL Art. 13(1)(2)), or make the flow refusable (optional: true) without affecting the basic functions.',
        articles: this.articles,
        clauses: index.clauses(flow.sources),
        involves: { fields: index.carriedFields(flow.key), flows: [flow.key], parties: [flow.from, flow.to], purposes: flow.purposes, legalBases: flow.legalBases },
      }));
    }
    return out;
  },
};

export const requiredForExtendedFunction: ComplianceRule = {
  id: 'required-for-extended-function',
  title: 'Processing for an extended function that cannot be refused',
  severity: 'HIGH',
  description:
    'A flow the user cannot refuse serves an EXTENDED (附加业务功能) purpose. The user must be able to refuse what the basic function does not need and keep using it (PIPL Art. 16, minimum necessity Art. 6). Reported HIGH when every purpose of the flow is extended, MEDIUM when an extended purpose rides on a basic one.',
  articles: articles('PIPL Art. 16', 'PIPL Art. 6', 'GDPR Art. 7(4)', 'GDPR Art. 5(1)(c)'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      if (flow.optional || isInternalMove(index, flow)) continue;
      const extended = flow.purposes.filter((p) => index.purposes.get(p)?.functionType === 'EXTENDED');
      if (extended.length === 0) continue;
      const basic = flow.purposes.filter((p) => index.purposes.get(p)?.functionType === 'BASIC');
      const names = extended.map((p) => index.purposeLabel(p)).join(', ');
      out.push(finding(this, {
        severity: basic.length ? 'MEDIUM' : 'HIGH',
        subject: flowSubject(index, flow),
        message: basic.length
          ? `${flowRef(index, flow)} is required for ${basic.map((p) => index.purposeLabel(p)).join(', ')} but also serves the extended ${extended.length === 1 ? 'purpose' : 'purposes'} ${names}, which the user cannot refuse separately.`
          : `${flowRef(index, flow)} serves only the extended ${extended.length === 1 ? 'purpose' : 'purposes'} ${names}, yet cannot be refused (optional: false).`,
        remedy: basic.length
          ? 'Let the user refuse the extended use while keeping the basic function: split the flow, and make the extended part optional.'
          : 'Make the flow refusable (optional: true) without affecting the basic functions, or reclassify the purpose as BASIC if the service truly cannot work without it.',
        articles: this.articles,
        clauses: index.clauses(flow.sources),
        involves: { fields: index.carriedFields(flow.key), flows: [flow.key], parties: [flow.from, flow.to], purposes: flow.purposes },
      }));
    }
    return out;
  },
};

export const requiredFlowBehindRuntimePermission: ComplianceRule = {
  id: 'required-flow-behind-runtime-permission',
  title: 'A runtime permission gates processing the user cannot refuse',
  severity: 'HIGH',
  description:
    'A flow the user cannot refuse needs an Android runtime permission (location, phone, contacts, camera, microphone, storage…). A permission the user may deny cannot be a condition of processing they cannot refuse: either the permission is in effect forced (PIPL Art. 16) or the flow is not really required. HIGH when the flow carries sensitive personal information.',
  articles: articles('PIPL Art. 16', 'PIPL Art. 6', 'GDPR Art. 7(4)'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      if (flow.optional || isInternalMove(index, flow)) continue;
      const runtime = flow.permissions.filter(isRuntimePermission);
      if (runtime.length === 0) continue;
      const sensitive = index.sensitiveFieldsOf(flow.key);
      out.push(finding(this, {
        severity: sensitive.length ? 'HIGH' : 'MEDIUM',
        subject: flowSubject(index, flow),
        message: `${flowRef(index, flow)} cannot be refused (optional: false) but needs the runtime ${runtime.length === 1 ? 'permission' : 'permissions'} ${runtime.join(', ')}${sensitive.length ? `, and carries sensitive ${describeFields(index, sensitive)}` : ''}.`,
        remedy: 'Collect what needs the permission only in a function the user can refuse, asking when that function is used; keep required processing to what needs no runtime permission.',
        articles: this.articles,
        clauses: index.clauses(sourcesOf(flow, ...runtime.map((p) => index.permissions.get(p)))),
        involves: { fields: index.carriedFields(flow.key), flows: [flow.key], permissions: runtime, purposes: flow.purposes },
      }));
    }
    return out;
  },
};

export const profilingWithoutOptOut: ComplianceRule = {
  id: 'profiling-without-opt-out',
  title: 'Profiling or personalisation the user cannot turn off',
  severity: 'MEDIUM',
  description:
    "A purpose whose wording describes profiling or personalisation (画像, 个性化, profiling, recommendation…) is served by flows the user cannot refuse. PIPL Art. 24 requires an option not based on personal characteristics, or an easy way to refuse, and the right to an explanation of decisions that significantly affect the person.",
  articles: articles('PIPL Art. 24', 'GDPR Art. 21(2)', 'GDPR Art. 22'),
  check(index) {
    const out: Finding[] = [];
    for (const purpose of index.manifest.purposes) {
      const words = profilingWords(purpose);
      if (words.length === 0) continue;
      const forced = index.flowsWithPurpose(purpose.key).filter((f) => !f.optional);
      if (forced.length === 0) continue;
      out.push(finding(this, {
        severity: 'MEDIUM',
        subject: { type: 'PURPOSE', key: purpose.key, name: index.purposeLabel(purpose.key) },
        message: `Purpose ${index.purposeLabel(purpose.key)} describes profiling ("${words.join('", "')}") and is served by ${plural(forced.length, 'flow')} the user cannot refuse: ${forced.map((f) => f.key).join(', ')}.`,
        remedy: 'Offer a non-personalised option or an easy way to refuse the profiling (PIPL Art. 24), record those flows as optional, and describe how a user can ask for an explanation.',
        articles: this.articles,
        clauses: index.clauses(sourcesOf(purpose, ...forced)),
        involves: { flows: forced.map((f) => f.key), purposes: [purpose.key], fields: forced.flatMap((f) => index.carriedFields(f.key)) },
      }));
    }
    return out;
  },
};
