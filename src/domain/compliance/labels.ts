/**
 * How reports name the closed vocabularies, in Chinese (what a regulator reads) and English.
 * Kept in one place so the lists, records and reports use the same words.
 */
import type { ConsentRequirement, FlowKind, FunctionType, PartyKind } from '../vocabulary';

export const FLOW_KIND_LABEL: Record<FlowKind, { zh: string; en: string }> = {
  COLLECTION: { zh: '收集', en: 'collection' },
  INTERNAL: { zh: '存储与内部传输', en: 'storage and internal transfer' },
  ENTRUSTED_PROCESSING: { zh: '委托处理', en: 'entrusted processing' },
  PROVISION: { zh: '提供', en: 'provision to another handler' },
  TRANSFER: { zh: '转移', en: 'transfer (merger, division…)' },
  PUBLIC_DISCLOSURE: { zh: '公开', en: 'public disclosure' },
};

export const CONSENT_LABEL: Record<ConsentRequirement, { zh: string; en: string }> = {
  NONE: { zh: '无需同意(依法豁免)', en: 'no consent (exemption claimed)' },
  CONSENT: { zh: '同意', en: 'consent' },
  SEPARATE_CONSENT: { zh: '单独同意', en: 'separate consent' },
  WRITTEN_CONSENT: { zh: '书面同意', en: 'written consent' },
  GUARDIAN_CONSENT: { zh: '监护人同意', en: "guardian's consent" },
};

export const PARTY_KIND_LABEL: Record<PartyKind, { zh: string; en: string }> = {
  DATA_SUBJECT: { zh: '个人信息主体', en: 'data subject' },
  FIRST_PARTY: { zh: '个人信息处理者', en: 'handler' },
  AFFILIATE: { zh: '关联方', en: 'affiliate' },
  ENTRUSTED_PARTY: { zh: '受托方', en: 'entrusted party' },
  THIRD_PARTY: { zh: '第三方', en: 'third party' },
  AUTHORITY: { zh: '有权机关', en: 'authority' },
  PUBLIC: { zh: '社会公众', en: 'the public' },
};

export const FUNCTION_TYPE_LABEL: Record<FunctionType, { zh: string; en: string }> = {
  BASIC: { zh: '核心业务功能', en: 'basic function' },
  EXTENDED: { zh: '附加业务功能', en: 'extended function' },
};

export const both = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`;
