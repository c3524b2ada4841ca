/** Lawfulness and necessity: a basis for every purpose, only bases PIPL has, no field or permission without a purpose. */
import { articles } from '../articles';
import { finding, type ComplianceRule, type Finding } from '../findings';
import { flowBases, PIPL_BASIS_LABEL } from '../legal-bases';
import { flowRef, flowSubject, plural, sourcesOf } from './helpers';

export const purposeWithoutLegalBasis: ComplianceRule = {
  id: 'purpose-without-legal-basis',
  title: 'Processing with no legal basis',
  severity: 'HIGH',
  description:
    'A purpose is served by flows that name no legal basis at all, or a flow states neither purpose nor basis. Every processing needs one of the bases of PIPL Art. 13(1) (GDPR Art. 6(1)).',
  articles: articles('PIPL Art. 13', 'GDPR Art. 6(1)'),
  check(index) {
    const out: Finding[] = [];
    for (const purpose of index.manifest.purposes) {
      const bare = index.flowsWithPurpose(purpose.key).filter((f) => f.legalBases.length === 0);
      if (bare.length === 0) continue;
      out.push(finding(this, {
        severity: 'HIGH',
        subject: { type: 'PURPOSE', key: purpose.key, name: index.purposeLabel(purpose.key) },
        message: `Purpose ${index.purposeLabel(purpose.key)} is served by ${plural(bare.length, 'flow')} with no legal basis: ${bare.map((f) => f.key).join(', ')}.`,
        remedy: 'Name the PIPL Art. 13(1) basis each of these flows rests on (and obtain consent where the basis is consent), or stop the processing.',
        articles: this.articles,
        clauses: index.clauses(sourcesOf(purpose, ...bare)),
        involves: { purposes: [purpose.key], flows: bare.map((f) => f.key), fields: bare.flatMap((f) => index.carriedFields(f.key)) },
      }));
    }
    for (const flow of index.manifest.flows) {
      if (flow.purposes.length > 0 || flow.legalBases.length > 0) continue;
      out.push(finding(this, {
        severity: 'HIGH',
        subject: flowSubject(index, flow),
        message: `${flowRef(index, flow)} states neither a purpose nor a legal basis.`,
        remedy: 'State what the flow is for and the PIPL Art. 13(1) basis it rests on, or remove it.',
        articles: this.articles,
        clauses: index.clauses(flow.sources),
        involves: { flows: [flow.key], fields: index.carriedFields(flow.key), parties: [flow.from, flow.to] },
      }));
    }
    return out;
  },
};

export const legalBasisNotInPipl: ComplianceRule = {
  id: 'legal-basis-not-in-pipl',
  title: 'A legal basis PIPL does not have',
  severity: 'HIGH',
  description:
    'A flow names a basis PIPL Art. 13 does not recognise — an exemption of the recommended standard GB/T 35273 (e.g. "安全稳定运行", "统计或学术研究"), "legitimate interests", or a foreign-law basis. HIGH when no valid PIPL basis remains and no consent is sought; MEDIUM when another basis holds but the flow leans on one that does not.',
  articles: articles('PIPL Art. 13', 'PIPL Art. 73'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      const bases = flowBases(index, flow);
      if (bases.invalid.length === 0) continue;
      const unlawful = bases.valid.length === 0 && flow.consent === 'NONE';
      const rest = bases.valid.length ? `; it also names ${bases.valid.map((b) => PIPL_BASIS_LABEL[b]).join(', ')}, which must then carry the flow on its own` : flow.consent !== 'NONE' ? `; consent (${flow.consent}) is sought but the consent basis, PIPL Art. 13(1)(1), is not named` : '; no consent is sought and no PIPL basis remains';
      out.push(finding(this, {
        severity: unlawful ? 'HIGH' : 'MEDIUM',
        subject: flowSubject(index, flow),
        message: `${flowRef(index, flow)} relies on ${bases.invalid.map((b) => `${b.key} (${b.explanation})`).join('; ')}${rest}.${flow.deidentified ? ' De-identified data is still personal information (PIPL Art. 73); only anonymised data falls outside the law.' : ''}`,
        remedy: unlawful
          ? 'Find a PIPL Art. 13(1) basis for this flow — in practice consent, or anonymise the data so it is no longer personal information — or stop it.'
          : 'Drop the basis PIPL does not recognise and check that the remaining basis covers every purpose of the flow.',
        articles: flow.deidentified ? this.articles : articles('PIPL Art. 13'),
        clauses: index.clauses(sourcesOf(flow, ...bases.invalid.map((b) => index.legalBases.get(b.key)))),
        involves: { flows: [flow.key], legalBases: bases.invalid.map((b) => b.key), fields: index.carriedFields(flow.key), purposes: flow.purposes },
      }));
    }
    return out;
  },
};

export const fieldWithoutPurpose: ComplianceRule = {
  id: 'field-without-purpose',
  title: 'A field collected for no purpose',
  severity: 'MEDIUM',
  description:
    'A (non-sensitive) field is carried by no flow that states a purpose, or by no flow at all: either it is not processed and should leave the inventory, or its processing is undocumented. Minimum necessity, PIPL Art. 6. Sensitive fields are reported by sensitive-pi-without-purpose.',
  articles: articles('PIPL Art. 6', 'GDPR Art. 5(1)(b)', 'GDPR Art. 5(1)(c)'),
  check(index) {
    const out: Finding[] = [];
    for (const field of index.manifest.fields) {
      if (index.isSensitive(field.key)) continue;
      const flows = index.flowsCarrying(field.key);
      if (flows.some((f) => f.purposes.length > 0)) continue;
      out.push(finding(this, {
        severity: 'MEDIUM',
        subject: { type: 'FIELD', key: field.key, name: index.fieldLabel(field.key) },
        message: flows.length === 0
          ? `Field ${index.fieldLabel(field.key)} is in the inventory but no flow carries it.`
          : `Field ${index.fieldLabel(field.key)} is carried by ${plural(flows.length, 'flow')} (${flows.map((f) => f.key).join(', ')}), none of which states a purpose.`,
        remedy: flows.length === 0 ? 'Record the flows that process this field, or remove it from the inventory.' : 'State the purpose of the flows that carry this field, or stop collecting it.',
        articles: this.articles,
        clauses: index.clauses(sourcesOf(field, ...flows)),
        involves: { fields: [field.key], flows: flows.map((f) => f.key) },
      }));
    }
    return out;
  },
};

export const permissionGatesNoPurpose: ComplianceRule = {
  id: 'permission-gates-no-purpose',
  title: 'A permission that gates no declared purpose',
  severity: 'LOW',
  description:
    'An OS permission is requested (it is in the inventory) but gates no flow that states a purpose. A permission must serve a stated function (PIPL Art. 6, Art. 17(1)(2)).',
  articles: articles('PIPL Art. 6', 'PIPL Art. 17(1)(2)', 'GDPR Art. 5(1)(c)'),
  check(index) {
    const out: Finding[] = [];
    for (const permission of index.manifest.permissions) {
      const flows = index.flowsWithPermission(permission.key);
      if (flows.some((f) => f.purposes.length > 0)) continue;
      out.push(finding(this, {
        severity: 'LOW',
        subject: { type: 'PERMISSION', key: permission.key, name: index.label(permission) },
        message: flows.length === 0
          ? `Permission ${permission.key} gates no flow: nothing in the inventory says what it is for.`
          : `Permission ${permission.key} gates only flows with no purpose (${flows.map((f) => f.key).join(', ')}).`,
        remedy: 'Record the flows (and purposes) the permission is needed for, or stop requesting it.',
        articles: this.articles,
        clauses: index.clauses(sourcesOf(permission, ...flows)),
        involves: { permissions: [permission.key], flows: flows.map((f) => f.key) },
      }));
    }
    return out;
  },
};
