/** Minors: guardian consent for under-14s (PIPL Art. 31), and adults-only policies nothing enforces. */
import { articles } from '../articles';
import { finding, type ComplianceRule, type Finding, type FindingSubject } from '../findings';
import { flowBases } from '../legal-bases';
import { describeFields, flowRef, flowSubject, isCollectionByHandler, isDisclosureByHandler, sourcesOf } from './helpers';

/** A policy talking about minors, in its own words. */
const MINORS_ZH = /未成年|儿童|(未满|不满)\s*(十四|十八|14|18)\s*周?岁/;
const MINORS_EN = /\bminors?\b|\bchild(ren)?\b|\bunder (the age of )?1[3-8]\b/i;
/** …saying what applies to them (a table of contents that only names the section does not count). */
const MINORS_RULE = /仅面向|不应|不得|禁止|监护人|同意|删除|should not|must not|may not|not intended|only for adults|guardian|parental|consent/i;
/** Fields that tell a minor from an adult: age, birth date, or an identity document that encodes it. */
const AGE_REVEALING = /birth|\bage\b|生日|出生|年龄|身份证|id[- ]?card|identity (card|document)|passport|护照/i;

export const minorsWithoutGuardianConsent: ComplianceRule = {
  id: 'minors-without-guardian-consent',
  title: "Personal information of under-14s without a guardian's consent",
  severity: 'HIGH',
  description:
    "A flow collects or discloses personal information of minors under 14 (sensitive in itself, PIPL Art. 28) on consent that is not the guardian's. PIPL Art. 31 requires the parent's or guardian's consent and dedicated processing rules.",
  articles: articles('PIPL Art. 31', 'PIPL Art. 28', 'GDPR Art. 8'),
  check(index) {
    const out: Finding[] = [];
    for (const flow of index.manifest.flows) {
      if (!isCollectionByHandler(index, flow) && !isDisclosureByHandler(index, flow)) continue;
      const minors = index.carriedFields(flow.key).filter((k) => index.sensitiveClassOf(k) === 'MINOR_UNDER_14');
      if (minors.length === 0 || flow.consent === 'GUARDIAN_CONSENT') continue;
      const bases = flowBases(index, flow);
      if (!bases.reliesOnConsent && bases.valid.length > 0) continue;
      out.push(finding(this, {
        severity: 'HIGH',
        subject: flowSubject(index, flow),
        message: `${flowRef(index, flow)} carries personal information of minors under 14 — ${describeFields(index, minors)} — on ${flow.consent}, not the guardian's consent.`,
        remedy: "Obtain the parent's or guardian's consent (record GUARDIAN_CONSENT) and adopt dedicated rules for minors' personal information (PIPL Art. 31).",
        articles: this.articles,
        clauses: index.clauses(flow.sources),
        involves: { fields: minors, flows: [flow.key], parties: [flow.from, flow.to] },
      }));
    }
    return out;
  },
};

export const minorsExcludedWithoutAgeCheck: ComplianceRule = {
  id: 'minors-excluded-without-age-check',
  title: 'A policy on minors that nothing in the inventory enforces',
  severity: 'LOW',
  description:
    'The policy speaks of minors (or the inventory has a category for under-14s) but processes no minor data knowingly, and collects nothing from every user that would tell a minor from an adult (age, birth date, an identity document). Without it, minors are found only after the fact; PIPL Art. 31 applies to under-14s whether or not the policy admits them.',
  articles: articles('PIPL Art. 31', 'GDPR Art. 8'),
  check(index) {
    const minorCategories = index.manifest.categories.filter((c) => index.categorySensitivityOf(c.key).sensitiveClass === 'MINOR_UNDER_14');
    const minorClauses = index.clausesSaying([MINORS_ZH, MINORS_RULE], [MINORS_EN, MINORS_RULE]);
    if (minorCategories.length === 0 && minorClauses.length === 0) return [];
    // Knowingly processed minors' data is the other rule's business.
    if (index.manifest.flows.some((f) => index.carriedFields(f.key).some((k) => index.sensitiveClassOf(k) === 'MINOR_UNDER_14'))) return [];
    const ageFields = index.manifest.fields.filter((f) => AGE_REVEALING.test(`${f.key} ${f.name} ${f.nameZh ?? ''}`)).map((f) => f.key);
    const askedOfEveryone = ageFields.filter((k) =>
      index.flowsCarrying(k).some((f) => index.isDataSubject(f.from) && index.isHandler(f.to) && !f.optional),
    );
    if (askedOfEveryone.length > 0) return [];
    const subject: FindingSubject = minorCategories.length
      ? { type: 'CATEGORY', key: minorCategories[0].key, name: index.label(minorCategories[0]) }
      : { type: 'DOCUMENT', key: minorClauses[0].documentKey, name: minorClauses[0].documentTitle };
    const where = minorClauses.length ? ` (${minorClauses.map((c) => `§${c.ref}`).join(', ')})` : '';
    const found: Finding = finding(this, {
      severity: 'LOW',
      subject,
      message: `The policy addresses minors${where} but nothing in the inventory tells a minor from an adult: ${
        ageFields.length
          ? `${describeFields(index, ageFields)} ${ageFields.length === 1 ? 'is' : 'are'} collected only in flows the user may refuse`
          : 'no age, birth date or identity document is collected'
      }, so a minor's personal information can only be found after the fact.`,
      remedy: "Add an age gate at registration (or another age check proportionate to the risk), and rules for handling a minor's data when found, including guardian consent for under-14s (PIPL Art. 31).",
      articles: this.articles,
      clauses: index.clauses([...minorClauses.map((c) => c.citation), ...sourcesOf(...minorCategories)]),
      involves: { fields: ageFields },
    });
    return [found];
  },
};
