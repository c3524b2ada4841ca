/**
 * The closed vocabularies of the privacy domain. Each list is the single source of truth:
 * the manifest schema, the SQLite CHECK constraints and the GraphQL enums are built from it.
 */

/** How personal data moves along a DataFlow (PIPL Art. 21, 23, 25; GDPR Art. 4(2), 28). */
export const FLOW_KINDS = [
  'COLLECTION', // from the data subject (or a source party) into a handler
  'INTERNAL', // between systems of the same handler
  'ENTRUSTED_PROCESSING', // to a 受托方 acting on the handler's instructions (PIPL Art. 21)
  'PROVISION', // to another, independent handler (PIPL Art. 23)
  'TRANSFER', // merger, division, dissolution or bankruptcy (PIPL Art. 22)
  'PUBLIC_DISCLOSURE', // to the public (PIPL Art. 25)
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** What kind of consent a flow needs (PIPL Art. 14, 29, 31, 39; none where Art. 13(2)–(7) applies). */
export const CONSENT_REQUIREMENTS = [
  'NONE',
  'CONSENT',
  'SEPARATE_CONSENT',
  'WRITTEN_CONSENT',
  'GUARDIAN_CONSENT',
] as const;
export type ConsentRequirement = (typeof CONSENT_REQUIREMENTS)[number];

/** 核心业务功能 (BASIC) vs 附加业务功能 (EXTENDED), policy §四.2.1–2.2 and GB/T 35273 §5.3. */
export const FUNCTION_TYPES = ['BASIC', 'EXTENDED'] as const;
export type FunctionType = (typeof FUNCTION_TYPES)[number];

/** Everyone personal data moves between. */
export const PARTY_KINDS = [
  'DATA_SUBJECT', // the person and their device
  'FIRST_PARTY', // the app and the handler's own systems
  'AFFILIATE', // 关联公司
  'ENTRUSTED_PARTY', // 受托方: processes on the handler's behalf
  'THIRD_PARTY', // an independent handler: SDK vendors, payment institutions, partners
  'AUTHORITY', // regulators, courts, law enforcement
  'PUBLIC', // the public / unspecified persons
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Party kinds that are inside the handler: data reaching them is not a disclosure. */
export const INTERNAL_PARTY_KINDS: readonly PartyKind[] = ['DATA_SUBJECT', 'FIRST_PARTY'];

/**
 * Sensitive personal information classes: PIPL Art. 28 and GB/T 35273-2020 Appendix B.
 */
export const SENSITIVE_CLASSES = [
  'BIOMETRIC', // 生物识别
  'IDENTITY_DOCUMENT', // 身份证件
  'FINANCIAL', // 金融账户 / 个人财产
  'PRECISE_LOCATION', // 行踪轨迹 / 精准定位
  'CONTACTS', // 通讯录
  'COMMUNICATIONS', // 通信记录和内容
  'BROWSING_HISTORY', // 网页浏览记录
  'NETWORK_IDENTITY', // 网络身份标识 (account credentials)
  'MINOR_UNDER_14', // 不满十四周岁未成年人的个人信息
  'HEALTH', // 医疗健康
  'RELIGION', // 宗教信仰
  'SPECIFIC_IDENTITY', // 特定身份
] as const;
export type SensitiveClass = (typeof SENSITIVE_CLASSES)[number];

export const LINEAGE_DIRECTIONS = ['DOWNSTREAM', 'UPSTREAM'] as const;
export type LineageDirection = (typeof LINEAGE_DIRECTIONS)[number];

export const IMPORT_MODES = ['MERGE', 'REPLACE'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The node types of the inventory graph, in the order an import must write them. */
export const NODE_TYPES = [
  'document',
  'category',
  'field',
  'purpose',
  'permission',
  'party',
  'legalBasis',
  'flow',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];
