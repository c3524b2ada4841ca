/**
 * Chinese and English labels, switchable at any time. Only the dashboard's own words are
 * translated: names come from the inventory (nameZh / name) and the policy's wording — clause
 * text, scenarios, retention — is always shown exactly as the policy words it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  CONSENT_LABELS,
  DIRECTION_LABELS,
  FLOW_KIND_LABELS,
  FUNCTION_TYPE_LABELS,
  PARTY_KIND_LABELS,
  SENSITIVE_CLASS_LABELS,
  displayName,
  vocabularyLabel,
  type Bilingual,
  type LabelLanguage,
} from '../../src/domain/vocabulary-labels';

const EN = {
  'app.tagline': 'Where every personal field flows, and why',
  'nav.overview': 'Overview',
  'nav.fields': 'Fields',
  'nav.parties': 'Parties',
  'nav.api': 'GraphQL API',
  'lang.switch': '中文',
  'lang.switchTitle': 'Switch the labels to Chinese',
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.error': 'Could not load this from the GraphQL API',
  'common.close': 'Close',
  'common.none': 'None',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.all': 'All',
  'common.sensitive': 'Sensitive',
  'common.notSensitive': 'Not sensitive',
  'common.optional': 'Optional — may be refused',
  'common.required': 'Required for basic functions',
  'common.crossBorder': 'Cross-border',
  'common.deidentified': 'De-identified',
  'common.key': 'Key',
  'common.country': 'Country',
  'common.contact': 'Contact',
  'common.sdk': 'SDK packages',
  'common.description': 'Notes',
  'common.policyClauses': 'Policy clauses cited',
  'common.noClauses': 'No clause is cited.',
  'common.clauseNote': 'Quoted exactly as the policy words it.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at this address.',
  'notFound.back': 'Go to the overview',

  'overview.title': 'Inventory overview',
  'overview.policy': 'Policy',
  'overview.updated': 'Updated {date}',
  'overview.effective': 'effective {date}',
  'overview.fields': 'Personal fields',
  'overview.fieldsSub': '{n} sensitive',
  'overview.sensitive': 'Sensitive fields',
  'overview.sensitiveSub': '{pct}% of all fields (PIPL Art. 28)',
  'overview.parties': 'Parties',
  'overview.partiesSub': '{n} recipients outside the handler',
  'overview.flows': 'Data flows',
  'overview.flowsSub': '{n} disclose to others',
  'overview.crossBorder': 'Cross-border flows',
  'overview.crossBorderNone': 'None declared (PIPL Art. 38)',
  'overview.crossBorderSome': 'Need a PIPL Art. 38 mechanism',
  'overview.byClass': 'Sensitive fields by class',
  'overview.byPartyKind': 'Parties by kind',
  'overview.byFlowKind': 'Flows by kind',
  'overview.mostShared': 'Most widely shared sensitive fields',
  'overview.mostSharedHint': 'Ranked by the number of recipients outside the handler.',
  'overview.recipients': 'Recipients',
  'overview.thirdParties': 'Third parties among them',
  'overview.noSensitive': 'No sensitive field is recorded.',
  'overview.unclassified': 'Unclassified',

  'fields.title': 'Personal fields',
  'fields.search': 'Search by key or name, e.g. IMEI',
  'fields.searchLabel': 'Search fields',
  'fields.sensitivity': 'Sensitivity',
  'fields.category': 'Category',
  'fields.purpose': 'Purpose',
  'fields.permission': 'Permission',
  'fields.recipient': 'Recipient',
  'fields.any': 'Any',
  'fields.clear': 'Clear filters',
  'fields.colField': 'Field',
  'fields.colCategory': 'Category',
  'fields.colSensitivity': 'Sensitivity',
  'fields.colRecipients': 'Recipients',
  'fields.colPurposes': 'Purposes',
  'fields.colFlows': 'Flows',
  'fields.empty': 'No field matches these filters.',
  'fields.range': '{from}–{to} of {total}',
  'fields.prev': 'Previous',
  'fields.next': 'Next',
  'fields.pageSize': 'Rows per page',
  'fields.more': '+{n} more',

  'field.back': 'All fields',
  'field.reaches': 'Reaches {n} recipients, {t} of them third parties',
  'field.reachesNone': 'Stays with the data subject and the handler',
  'field.category': 'Category',
  'field.purposes': 'Purposes',
  'field.direction': 'Direction',
  'field.depth': 'Depth',
  'field.startAt': 'Start at',
  'field.startDefaultDown': 'Its origins',
  'field.startDefaultUp': 'Where it ends',
  'field.collapse': 'Collapse fan-outs above',
  'field.collapseOff': 'Never',
  'field.export': 'Export',
  'field.exportPng': 'PNG',
  'field.fit': 'Fit',
  'field.zoomIn': 'Zoom in',
  'field.zoomOut': 'Zoom out',
  'field.truncated': 'Partial lineage: depth {depth} or the path cap cut it short. Raise the depth to see further.',
  'field.collapsed': '{n} group(s) collapsed because a party fans out to more than {k}. Click a dashed group to expand it.',
  'field.noFlows': 'No data flow carries this field in this direction.',
  'field.diagramLabel': 'Lineage diagram of {name}',
  'field.flowsTable': 'Flows in this diagram',
  'field.flowsTableHint': 'Every arrow above, as a table. Select a row or an arrow to read the policy clauses it rests on.',
  'field.colFrom': 'From',
  'field.colTo': 'To',
  'field.colKind': 'Kind',
  'field.colPurposes': 'Purposes',
  'field.colBasis': 'Legal basis',
  'field.colConsent': 'Consent',
  'field.fieldClauses': 'Where the policy names this field',
  'field.notFound': 'There is no personal field "{key}".',
  'field.paths': '{n} path(s)',
  'legend.title': 'Legend',
  'legend.disclosure': 'Provision, transfer or public disclosure',
  'legend.internal': 'Collection, internal or entrusted',
  'legend.cycle': 'Back-flow (cycle)',
  'legend.group': 'Collapsed group',

  'flow.title': 'Data flow',
  'flow.kind': 'Kind',
  'flow.consent': 'Consent',
  'flow.optional': 'Refusable',
  'flow.legalBases': 'Legal bases',
  'flow.noLegalBasis': 'No legal basis is recorded.',
  'flow.purposes': 'Purposes',
  'flow.noPurpose': 'No purpose is recorded.',
  'flow.permissions': 'OS permissions',
  'flow.retention': 'Retention',
  'flow.retentionMin': 'at least {d}',
  'flow.retentionMax': 'at most {d}',
  'flow.noRetention': 'No retention period is recorded.',
  'flow.scenario': 'When it happens (policy wording)',
  'flow.carried': 'Fields it carries',
  'flow.categories': 'Whole categories',
  'flow.deidentified': 'De-identified',
  'flow.crossBorder': 'Cross-border',

  'party.title': 'Party',
  'party.receives': 'See what it receives',

  'parties.title': 'Parties',
  'parties.hint': 'Every recipient: what it receives, why, and under which consent.',
  'parties.search': 'Search parties',
  'parties.recipients': 'All recipients',
  'parties.everyone': 'Everyone, incl. own systems',
  'parties.summary': 'Receives {f} fields ({s} sensitive) through {n} flows',
  'parties.receivesNothing': 'Receives nothing in this inventory.',
  'parties.colFrom': 'From',
  'parties.colFields': 'Fields',
  'parties.colPurposes': 'Why',
  'parties.colConsent': 'Consent',
  'parties.colBasis': 'Legal basis',
  'parties.empty': 'No party matches.',

  'export.title': 'Export the lineage',
  'export.hint': 'The same text as `fieldtrail graph {key} --format {format}` and the GraphQL field PersonalField.lineageGraph.',
  'export.copy': 'Copy',
  'export.copied': 'Copied',
  'export.download': 'Download',
} as const;

export type MessageKey = keyof typeof EN;

const ZH: Record<MessageKey, string> = {
  'app.tagline': '每一项个人信息流向何处、为何流转',
  'nav.overview': '概览',
  'nav.fields': '个人信息字段',
  'nav.parties': '接收方',
  'nav.api': 'GraphQL 接口',
  'lang.switch': 'EN',
  'lang.switchTitle': 'Switch the labels to English',
  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.error': '无法从 GraphQL 接口读取',
  'common.close': '关闭',
  'common.none': '无',
  'common.yes': '是',
  'common.no': '否',
  'common.all': '全部',
  'common.sensitive': '敏感',
  'common.notSensitive': '非敏感',
  'common.optional': '可拒绝(不影响基本功能)',
  'common.required': '基本功能所必需',
  'common.crossBorder': '跨境',
  'common.deidentified': '去标识化',
  'common.key': '键',
  'common.country': '国家/地区',
  'common.contact': '联系方式',
  'common.sdk': 'SDK 包名',
  'common.description': '说明',
  'common.policyClauses': '引用的政策条款',
  'common.noClauses': '未引用条款。',
  'common.clauseNote': '按政策原文引用。',
  'notFound.title': '页面不存在',
  'notFound.body': '此地址没有内容。',
  'notFound.back': '返回概览',

  'overview.title': '个人信息清单概览',
  'overview.policy': '隐私政策',
  'overview.updated': '更新于 {date}',
  'overview.effective': '生效于 {date}',
  'overview.fields': '个人信息字段',
  'overview.fieldsSub': '其中敏感 {n} 项',
  'overview.sensitive': '敏感个人信息',
  'overview.sensitiveSub': '占全部字段 {pct}%(个保法第二十八条)',
  'overview.parties': '参与方',
  'overview.partiesSub': '处理者以外的接收方 {n} 个',
  'overview.flows': '数据流',
  'overview.flowsSub': '其中 {n} 条对外提供或公开',
  'overview.crossBorder': '跨境数据流',
  'overview.crossBorderNone': '未声明跨境传输(个保法第三十八条)',
  'overview.crossBorderSome': '需满足个保法第三十八条条件',
  'overview.byClass': '敏感个人信息类别',
  'overview.byPartyKind': '参与方类型',
  'overview.byFlowKind': '数据流类型',
  'overview.mostShared': '共享最广的敏感个人信息',
  'overview.mostSharedHint': '按处理者以外的接收方数量排序。',
  'overview.recipients': '接收方',
  'overview.thirdParties': '其中第三方',
  'overview.noSensitive': '未记录敏感个人信息。',
  'overview.unclassified': '未分类',

  'fields.title': '个人信息字段',
  'fields.search': '按键或名称搜索,例如 IMEI',
  'fields.searchLabel': '搜索字段',
  'fields.sensitivity': '敏感性',
  'fields.category': '类别',
  'fields.purpose': '目的',
  'fields.permission': '权限',
  'fields.recipient': '接收方',
  'fields.any': '不限',
  'fields.clear': '清除筛选',
  'fields.colField': '字段',
  'fields.colCategory': '类别',
  'fields.colSensitivity': '敏感性',
  'fields.colRecipients': '接收方',
  'fields.colPurposes': '目的',
  'fields.colFlows': '数据流',
  'fields.empty': '没有符合筛选条件的字段。',
  'fields.range': '第 {from}–{to} 项,共 {total} 项',
  'fields.prev': '上一页',
  'fields.next': '下一页',
  'fields.pageSize': '每页行数',
  'fields.more': '另 {n} 个',

  'field.back': '全部字段',
  'field.reaches': '流向 {n} 个接收方,其中第三方 {t} 个',
  'field.reachesNone': '仅在个人信息主体与处理者之间',
  'field.category': '类别',
  'field.purposes': '目的',
  'field.direction': '方向',
  'field.depth': '深度',
  'field.startAt': '起点',
  'field.startDefaultDown': '来源',
  'field.startDefaultUp': '终点',
  'field.collapse': '扇出超过时折叠',
  'field.collapseOff': '不折叠',
  'field.export': '导出',
  'field.exportPng': 'PNG',
  'field.fit': '适应窗口',
  'field.zoomIn': '放大',
  'field.zoomOut': '缩小',
  'field.truncated': '部分结果:深度 {depth} 或路径上限截断了此谱系。增大深度可看到更远处。',
  'field.collapsed': '{n} 组已折叠(某参与方的扇出超过 {k})。点击虚线分组可展开。',
  'field.noFlows': '此方向上没有数据流携带此字段。',
  'field.diagramLabel': '{name} 的数据谱系图',
  'field.flowsTable': '图中的数据流',
  'field.flowsTableHint': '上图中的每个箭头。选择一行或一个箭头,可阅读其依据的政策条款。',
  'field.colFrom': '从',
  'field.colTo': '到',
  'field.colKind': '类型',
  'field.colPurposes': '目的',
  'field.colBasis': '法律依据',
  'field.colConsent': '同意',
  'field.fieldClauses': '政策中提及此字段之处',
  'field.notFound': '没有个人信息字段 "{key}"。',
  'field.paths': '{n} 条路径',
  'legend.title': '图例',
  'legend.disclosure': '向第三方提供、转移或公开披露',
  'legend.internal': '收集、内部传输或委托处理',
  'legend.cycle': '回流(环路)',
  'legend.group': '折叠的分组',

  'flow.title': '数据流',
  'flow.kind': '类型',
  'flow.consent': '同意',
  'flow.optional': '可拒绝',
  'flow.legalBases': '法律依据',
  'flow.noLegalBasis': '未记录法律依据。',
  'flow.purposes': '目的',
  'flow.noPurpose': '未记录目的。',
  'flow.permissions': '系统权限',
  'flow.retention': '保存期限',
  'flow.retentionMin': '至少 {d}',
  'flow.retentionMax': '至多 {d}',
  'flow.noRetention': '未记录保存期限。',
  'flow.scenario': '发生场景(政策原文)',
  'flow.carried': '携带的字段',
  'flow.categories': '整类携带',
  'flow.deidentified': '去标识化',
  'flow.crossBorder': '跨境',

  'party.title': '参与方',
  'party.receives': '查看其接收的信息',

  'parties.title': '接收方',
  'parties.hint': '每个接收方:接收什么、为何接收、基于何种同意。',
  'parties.search': '搜索参与方',
  'parties.recipients': '全部接收方',
  'parties.everyone': '全部(含自有系统)',
  'parties.summary': '通过 {n} 条数据流接收 {f} 项字段(敏感 {s} 项)',
  'parties.receivesNothing': '在此清单中未接收任何信息。',
  'parties.colFrom': '来自',
  'parties.colFields': '字段',
  'parties.colPurposes': '目的',
  'parties.colConsent': '同意',
  'parties.colBasis': '法律依据',
  'parties.empty': '没有匹配的参与方。',

  'export.title': '导出谱系图',
  'export.hint': '与 `fieldtrail graph {key} --format {format}` 及 GraphQL 字段 PersonalField.lineageGraph 输出相同。',
  'export.copy': '复制',
  'export.copied': '已复制',
  'export.download': '下载',
};

const MESSAGES: Record<LabelLanguage, Record<MessageKey, string>> = { EN, ZH };

export interface I18n {
  lang: LabelLanguage;
  setLang: (lang: LabelLanguage) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** A node's name in the current language. */
  name: (node: { name: string; nameZh?: string | null }) => string;
  /** The name in the other language, when it differs (shown as a secondary line). */
  altName: (node: { name: string; nameZh?: string | null }) => string | null;
  flowKind: (v: string) => string;
  consent: (v: string) => string;
  partyKind: (v: string) => string;
  sensitiveClass: (v: string | null | undefined) => string;
  functionType: (v: string) => string;
  direction: (v: string) => string;
}

const STORAGE_KEY = 'fieldtrail.lang';

function initialLanguage(): LabelLanguage {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ZH' || saved === 'EN') return saved;
  } catch {
    // storage may be unavailable (private mode): fall back to the browser's language
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'ZH' : 'EN';
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<LabelLanguage>(initialLanguage);
  const setLang = useCallback((next: LabelLanguage) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the switch still applies to this page
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'ZH' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const vocab = (table: Record<string, Bilingual>) => (v: string) => vocabularyLabel(table, v, lang);
    return {
      lang,
      setLang,
      t: (key, params) => {
        let text = MESSAGES[lang][key];
        if (params) for (const [k, v] of Object.entries(params)) text = text.split(`{${k}}`).join(String(v));
        return text;
      },
      name: (node) => displayName(node, lang),
      altName: (node) => {
        const other = displayName(node, lang === 'ZH' ? 'EN' : 'ZH');
        return other !== displayName(node, lang) ? other : null;
      },
      flowKind: vocab(FLOW_KIND_LABELS),
      consent: vocab(CONSENT_LABELS),
      partyKind: vocab(PARTY_KIND_LABELS),
      sensitiveClass: (v) => (v ? vocabularyLabel(SENSITIVE_CLASS_LABELS, v, lang) : MESSAGES[lang]['overview.unclassified']),
      functionType: vocab(FUNCTION_TYPE_LABELS),
      direction: vocab(DIRECTION_LABELS),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
