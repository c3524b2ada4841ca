/**
 * What a legal-basis node counts for under PIPL. Inventories name bases by article text
 * ("PIPL Art. 13(1)(1)", "Cybersecurity Law Art. 21(3)", "GB/T 35273-2020 §5.6 h)",
 * "GDPR Art. 6(1)(f)"); PIPL only knows the seven bases of Art. 13(1), so everything else must
 * be recognised for what it is: a statutory duty under another PRC law, a transfer rule, or
 * something PIPL does not have (a recommended standard's exemption, legitimate interests).
 */
import type { DataFlow, LegalBasis } from '../manifest';
import type { ConsentRequirement } from '../vocabulary';
import type { InventoryIndex } from './inventory-index';

/** The bases of PIPL Art. 13(1), in order. */
export const PIPL_BASES = [
  'CONSENT', // (1)
  'CONTRACT_OR_HR', // (2) contract with the individual, or HR management
  'LEGAL_DUTY', // (3) statutory duties or obligations
  'EMERGENCY', // (4) public-health emergency, or life/health/property in an emergency
  'NEWS_REPORTING', // (5) news reporting and public-opinion supervision
  'DISCLOSED_INFORMATION', // (6) information the person or others lawfully made public
  'OTHER_LAW', // (7) other circumstances in laws and administrative regulations
] as const;
export type PiplBasis = (typeof PIPL_BASES)[number];

/** How messages name each basis. */
export const PIPL_BASIS_LABEL: Record<PiplBasis, string> = {
  CONSENT: 'consent (Art. 13(1)(1))',
  CONTRACT_OR_HR: 'contract necessity (Art. 13(1)(2))',
  LEGAL_DUTY: 'a legal duty (Art. 13(1)(3))',
  EMERGENCY: 'an emergency (Art. 13(1)(4))',
  NEWS_REPORTING: 'news reporting (Art. 13(1)(5))',
  DISCLOSED_INFORMATION: 'already disclosed information (Art. 13(1)(6))',
  OTHER_LAW: 'another law (Art. 13(1)(7))',
};

export type BasisStanding =
  /** One of the seven Art. 13(1) bases. */
  | 'PIPL_BASIS'
  /** A duty another PRC law imposes: counts as Art. 13(1)(3). */
  | 'STATUTORY_DUTY'
  /** PIPL Art. 22: lawful only for a TRANSFER on merger, division, dissolution or bankruptcy. */
  | 'MERGER_TRANSFER'
  /** PIPL Art. 38 / GDPR Chapter V: a cross-border mechanism, not a basis for processing. */
  | 'TRANSFER_MECHANISM'
  /** Not a PIPL basis: a recommended standard's exemption or "legitimate interests". */
  | 'NOT_IN_PIPL'
  /** A basis of a foreign law (GDPR Art. 6): valid there, not under PIPL. */
  | 'FOREIGN_LAW'
  | 'UNRECOGNISED';

export interface BasisClassification {
  standing: BasisStanding;
  /** Set for PIPL_BASIS and STATUTORY_DUTY (which is LEGAL_DUTY). */
  piplBasis: PiplBasis | null;
  /** Why, in a line, for messages. */
  explanation: string;
}

const PIPL_13 = /\bPIPL\b.*?Art(?:icle)?\.?\s*13\s*\(\s*1\s*\)\s*\(\s*([1-7])\s*\)/i;
const PIPL_22 = /\bPIPL\b.*?Art(?:icle)?\.?\s*22\b/i;
const PIPL_38 = /\bPIPL\b.*?Art(?:icle)?\.?\s*38\b/i;
const GDPR_TRANSFER = /\bGDPR\b.*?Art(?:icle)?\.?\s*(45|46|47|49)\b/i;
const STANDARD = /\bGB\s*\/?\s*T\b|\bGB\s*\d{4,}|国家标准|推荐性标准/i;
const LEGITIMATE_INTERESTS = /legitimate interests?|6\s*\(\s*1\s*\)\s*\(\s*f\s*\)|正当利益|合法利益/i;
const GDPR = /\bGDPR\b|\bGeneral Data Protection Regulation\b/i;
const PRC_LAW = /\b(Cybersecurity|Data Security|E-?commerce|Anti-?Terrorism|Counter-?espionage|Minors)\b.*\bLaw\b|网络安全法|数据安全法|电子商务法|反恐怖主义法|未成年人保护法|法\s*第/i;

export function classifyLegalBasis(basis: LegalBasis): BasisClassification {
  const text = `${basis.article} ${basis.name}`;
  const m = PIPL_13.exec(basis.article);
  if (m) {
    const piplBasis = PIPL_BASES[Number(m[1]) - 1];
    return { standing: 'PIPL_BASIS', piplBasis, explanation: `PIPL Art. 13(1)(${m[1]})` };
  }
  if (STANDARD.test(text)) {
    return { standing: 'NOT_IN_PIPL', piplBasis: null, explanation: `${basis.article} is an exemption of a recommended national standard, not a basis PIPL Art. 13 recognises` };
  }
  if (LEGITIMATE_INTERESTS.test(text)) {
    return { standing: 'NOT_IN_PIPL', piplBasis: null, explanation: `${basis.article} is "legitimate interests", which PIPL Art. 13 does not have` };
  }
  if (PIPL_22.test(basis.article)) {
    return { standing: 'MERGER_TRANSFER', piplBasis: null, explanation: 'PIPL Art. 22 transfer on merger, division, dissolution or bankruptcy' };
  }
  if (PIPL_38.test(basis.article) || GDPR_TRANSFER.test(basis.article)) {
    return { standing: 'TRANSFER_MECHANISM', piplBasis: null, explanation: `${basis.article} is a cross-border transfer mechanism` };
  }
  if (GDPR.test(text) || (basis.jurisdiction.toUpperCase() !== 'CN' && !/\bPIPL\b/i.test(text))) {
    return { standing: 'FOREIGN_LAW', piplBasis: null, explanation: `${basis.article} is a basis of ${basis.jurisdiction} law, not of PIPL` };
  }
  if (basis.jurisdiction.toUpperCase() === 'CN' && PRC_LAW.test(text)) {
    return { standing: 'STATUTORY_DUTY', piplBasis: 'LEGAL_DUTY', explanation: `${basis.article}: a statutory duty, PIPL Art. 13(1)(3)` };
  }
  return { standing: 'UNRECOGNISED', piplBasis: null, explanation: `${basis.article} is not a basis PIPL Art. 13 recognises` };
}

/** Consents that satisfy a "separate consent" requirement (written consent is at least as specific). */
export const SEPARATE_CONSENTS: readonly ConsentRequirement[] = ['SEPARATE_CONSENT', 'WRITTEN_CONSENT', 'GUARDIAN_CONSENT'];

export function hasSeparateConsent(flow: DataFlow): boolean {
  return SEPARATE_CONSENTS.includes(flow.consent);
}

/** How a flow's legal bases stand under PIPL. */
export interface FlowBases {
  /** The PIPL bases that hold for this flow (statutory duties count as LEGAL_DUTY). */
  valid: PiplBasis[];
  /** Bases named that PIPL does not accept for this flow, with why. */
  invalid: Array<{ key: string; explanation: string }>;
  /** Cross-border mechanisms named (PIPL Art. 38 / GDPR Chapter V). */
  transferMechanisms: string[];
  namesConsent: boolean;
  /** A valid basis other than consent exists. */
  hasNonConsentBasis: boolean;
  /** Consent is what makes this flow lawful: it names consent, or nothing else holds and consent is sought. */
  reliesOnConsent: boolean;
}

export function flowBases(index: InventoryIndex, flow: DataFlow): FlowBases {
  const valid: PiplBasis[] = [];
  const invalid: FlowBases['invalid'] = [];
  const transferMechanisms: string[] = [];
  for (const key of flow.legalBases) {
    const basis = index.legalBases.get(key);
    if (!basis) continue;
    const c = classifyLegalBasis(basis);
    if (c.standing === 'PIPL_BASIS' || c.standing === 'STATUTORY_DUTY') valid.push(c.piplBasis!);
    else if (c.standing === 'MERGER_TRANSFER' && flow.kind === 'TRANSFER') valid.push('OTHER_LAW');
    else if (c.standing === 'TRANSFER_MECHANISM') transferMechanisms.push(key);
    else if (c.standing === 'MERGER_TRANSFER') invalid.push({ key, explanation: 'PIPL Art. 22 covers only a TRANSFER on merger, division, dissolution or bankruptcy' });
    else invalid.push({ key, explanation: c.explanation });
  }
  const namesConsent = valid.includes('CONSENT');
  const hasNonConsentBasis = valid.some((b) => b !== 'CONSENT');
  const reliesOnConsent = flow.consent !== 'NONE' && (namesConsent || !hasNonConsentBasis);
  return { valid: [...new Set(valid)], invalid, transferMechanisms, namesConsent, hasNonConsentBasis, reliesOnConsent };
}

/** Whether a flow's legal basis is a duty imposed by law (what survives deletion and withdrawal). */
export function isLegalDuty(index: InventoryIndex, legalBasisKey: string): boolean {
  const basis = index.legalBases.get(legalBasisKey);
  if (!basis) return false;
  const c = classifyLegalBasis(basis);
  return c.piplBasis === 'LEGAL_DUTY' || c.piplBasis === 'OTHER_LAW';
}
