/**
 * Human labels for the closed vocabularies, in Chinese and English: one table shared by the
 * graph exports (Mermaid, DOT) and the dashboard, so a flow kind reads the same everywhere.
 * Chinese labels use the wording of the PIPL and GB/T 35273 where they have one.
 * Pure data: no I/O, and safe to bundle into the browser.
 */
import type {
  ConsentRequirement,
  FlowKind,
  FunctionType,
  LineageDirection,
  PartyKind,
  SensitiveClass,
} from './vocabulary';

export const LABEL_LANGUAGES = ['ZH', 'EN'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

export const FLOW_KIND_LABELS: Record<FlowKind, Bilingual> = {
  COLLECTION: { zh: '收集', en: 'Collection' },
  INTERNAL: { zh: '内部传输', en: 'Internal transfer' },
  ENTRUSTED_PROCESSING: { zh: '委托处理', en: 'Entrusted processing' },
  PROVISION: { zh: '向第三方提供', en: 'Provision to a third party' },
  TRANSFER: { zh: '转移', en: 'Transfer (merger, etc.)' },
  PUBLIC_DISCLOSURE: { zh: '公开披露', en: 'Public disclosure' },
};

export const CONSENT_LABELS: Record<ConsentRequirement, Bilingual> = {
  NONE: { zh: '无需同意', en: 'No consent needed' },
  CONSENT: { zh: '同意', en: 'Consent' },
  SEPARATE_CONSENT: { zh: '单独同意', en: 'Separate consent' },
  WRITTEN_CONSENT: { zh: '书面同意', en: 'Written consent' },
  GUARDIAN_CONSENT: { zh: '监护人同意', en: 'Guardian consent' },
};

export const PARTY_KIND_LABELS: Record<PartyKind, Bilingual> = {
  DATA_SUBJECT: { zh: '个人信息主体', en: 'Data subject' },
  FIRST_PARTY: { zh: '个人信息处理者', en: 'First party' },
  AFFILIATE: { zh: '关联公司', en: 'Affiliate' },
  ENTRUSTED_PARTY: { zh: '受托方', en: 'Entrusted party' },
  THIRD_PARTY: { zh: '第三方', en: 'Third party' },
  AUTHORITY: { zh: '国家机关', en: 'Authority' },
  PUBLIC: { zh: '公众', en: 'The public' },
};

export const SENSITIVE_CLASS_LABELS: Record<SensitiveClass, Bilingual> = {
  BIOMETRIC: { zh: '生物识别信息', en: 'Biometric' },
  IDENTITY_DOCUMENT: { zh: '身份证件信息', en: 'Identity document' },
  FINANCIAL: { zh: '金融账户与财产信息', en: 'Financial' },
  PRECISE_LOCATION: { zh: '行踪轨迹', en: 'Precise location' },
  CONTACTS: { zh: '通讯录', en: 'Contacts' },
  COMMUNICATIONS: { zh: '通信记录和内容', en: 'Communications' },
  BROWSING_HISTORY: { zh: '网页浏览记录', en: 'Browsing history' },
  NETWORK_IDENTITY: { zh: '网络身份标识信息', en: 'Network identity' },
  MINOR_UNDER_14: { zh: '不满十四周岁未成年人信息', en: 'Minor under 14' },
  HEALTH: { zh: '医疗健康信息', en: 'Health' },
  RELIGION: { zh: '宗教信仰', en: 'Religion' },
  SPECIFIC_IDENTITY: { zh: '特定身份', en: 'Specific identity' },
};

export const FUNCTION_TYPE_LABELS: Record<FunctionType, Bilingual> = {
  BASIC: { zh: '核心业务功能', en: 'Basic function' },
  EXTENDED: { zh: '附加业务功能', en: 'Extended function' },
};

export const DIRECTION_LABELS: Record<LineageDirection, Bilingual> = {
  DOWNSTREAM: { zh: '下游', en: 'Downstream' },
  UPSTREAM: { zh: '上游', en: 'Upstream' },
};

/** The label of a vocabulary value; unknown values (a newer server) read as themselves. */
export function vocabularyLabel<K extends string>(table: Record<K, Bilingual>, value: string, lang: LabelLanguage): string {
  const entry = (table as Record<string, Bilingual | undefined>)[value];
  return entry ? entry[lang === 'ZH' ? 'zh' : 'en'] : value;
}

/** A node's display name: its Chinese name in Chinese (else its name), its name in English. */
export function displayName(node: { name: string; nameZh?: string | null }, lang: LabelLanguage): string {
  return lang === 'ZH' ? node.nameZh || node.name : node.name;
}
