/**
 * If one party is breached: which personal information it holds (by sensitive class, with the
 * harm each class can do), which purposes and onward recipients are affected, and a draft of the
 * notice the policy promises (进圈 §七.6, itself GB/T 35273 §10.2) with what PIPL Art. 57 adds.
 */
import { NotFoundError } from '../problems';
import type { PartyKind, SensitiveClass } from '../vocabulary';
import { articles, type ArticleRef } from './articles';
import type { CitedClause, InventoryIndex } from './inventory-index';
import { onwardRecipients, type OnwardRecipient } from './reach';

export interface ExposedClass {
  /** null: personal information that is not sensitive. */
  sensitiveClass: SensitiveClass | null;
  fieldKeys: string[];
  fields: string[];
  possibleHarm: string;
  advice: string;
}

export interface NotificationItem {
  /** The item as the policy / GB/T 35273 §10.2 words it. */
  item: string;
  itemEn: string;
  /** A draft, filled from the inventory; [brackets] mark what only the investigation can tell. */
  draft: string;
}

export interface BlastRadius {
  party: { key: string; name: string; kind: PartyKind; country: string | null; contact: string | null };
  fieldKeys: string[];
  exposed: ExposedClass[];
  purposes: Array<{ key: string; name: string }>;
  inboundFlowKeys: string[];
  onwardRecipients: OnwardRecipient[];
  dataSubjects: string[];
  notification: NotificationItem[];
  obligations: string[];
  /** The policy's own breach-notice clauses. */
  policyClauses: CitedClause[];
  clauses: CitedClause[];
  articles: ArticleRef[];
}

const HARM: Record<SensitiveClass | 'NONE', { harm: string; advice: string }> = {
  BIOMETRIC: { harm: '生物识别信息无法更改,可能被用于冒用身份、绕过人脸验证 (cannot be changed; impersonation, defeating face verification)', advice: '警惕要求人脸验证的陌生请求 (be wary of unexpected face-verification requests)' },
  IDENTITY_DOCUMENT: { harm: '冒用身份、以本人名义诈骗 (identity theft, fraud in the person\'s name)', advice: '留意以本人名义开立的账户和征信记录 (watch for accounts opened in your name; check your credit record)' },
  FINANCIAL: { harm: '盗刷、诈骗、财产损失 (fraud and financial loss)', advice: '关注账户交易,必要时联系银行冻结或换卡 (watch your transactions; ask your bank to freeze or replace cards)' },
  PRECISE_LOCATION: { harm: '暴露行踪和住址,可能危及人身安全 (exposes whereabouts and address; physical safety)', advice: '留意陌生人联系或来访 (be alert to contact or visits from strangers)' },
  CONTACTS: { harm: '通讯录联系人可能遭受骚扰或诈骗 (contacts may be targeted by harassment or scams)', advice: '提醒亲友警惕冒充您的诈骗 (warn friends and family of scams in your name)' },
  COMMUNICATIONS: { harm: '私人通信内容泄露 (exposure of private communications)', advice: '警惕利用通信内容的敲诈或诈骗 (be alert to blackmail or scams using your messages)' },
  BROWSING_HISTORY: { harm: '暴露兴趣和习惯,可能被用于精准诈骗或歧视 (reveals interests and habits; targeted scams, discrimination)', advice: '警惕针对您兴趣的钓鱼信息 (be alert to phishing tailored to your interests)' },
  NETWORK_IDENTITY: { harm: '账号被盗用、冒充、跨服务追踪 (account takeover, impersonation, tracking across services)', advice: '修改密码并开启二次验证,不要在其他网站重复使用密码 (change your password, turn on two-step verification, do not reuse it elsewhere)' },
  MINOR_UNDER_14: { harm: '儿童可能遭受诱骗或侵害 (children may be targeted for grooming or abuse)', advice: '监护人留意儿童的线上接触 (guardians: watch children\'s online contacts)' },
  HEALTH: { harm: '歧视、名誉受损 (discrimination, harm to reputation)', advice: '警惕利用健康信息的营销或诈骗 (be alert to marketing or scams using health information)' },
  RELIGION: { harm: '歧视 (discrimination)', advice: '如遭受歧视可向有关部门投诉 (report discrimination to the authorities)' },
  SPECIFIC_IDENTITY: { harm: '歧视 (discrimination)', advice: '如遭受歧视可向有关部门投诉 (report discrimination to the authorities)' },
  NONE: { harm: '可用于识别、追踪或与其他数据关联 (identification, tracking, combination with other data)', advice: '警惕自称来自我们的短信、电话和邮件 (be alert to messages claiming to come from us)' },
};

/** The policy's breach-notice clause, in its own words. */
const BREACH_WORDS = [[/安全事件/, /(告知|通知)/], [/(breach|security incident)/i, /(notif|inform)/i]];

export function blastRadius(index: InventoryIndex, partyKey: string): BlastRadius {
  const party = index.parties.get(partyKey);
  if (!party) throw new NotFoundError('party', partyKey);
  const inbound = index.inbound(partyKey);
  const fieldKeys = index.inReadingOrder(inbound.flatMap((f) => index.carriedFields(f.key)));
  const byClass = new Map<SensitiveClass | null, string[]>();
  for (const k of fieldKeys) {
    const cls = index.sensitiveClassOf(k);
    byClass.set(cls, [...(byClass.get(cls) ?? []), k]);
  }
  // Sensitive classes first, in the vocabulary's order; plain personal information last.
  const exposed: ExposedClass[] = [...byClass]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([cls, keys]) => ({
      sensitiveClass: cls,
      fieldKeys: keys,
      fields: keys.map((k) => index.fieldLabel(k)),
      possibleHarm: HARM[cls ?? 'NONE'].harm,
      advice: HARM[cls ?? 'NONE'].advice,
    }));
  const purposes = [...new Set(inbound.flatMap((f) => f.purposes))].sort().map((k) => ({ key: k, name: index.purposeLabel(k) }));
  const onward = onwardRecipients(index, partyKey, fieldKeys);
  const subjects = index.manifest.parties
    .filter((p) => p.kind === 'DATA_SUBJECT' && index.outbound(p.key).some((f) => index.carriedFields(f.key).some((k) => fieldKeys.includes(k))))
    .map((p) => index.label(p));
  const policyClauses = index.clausesSaying(...BREACH_WORDS);
  const handler = index.handlerContacts()[0];
  const name = index.label(party);
  const sensitiveCount = fieldKeys.filter((k) => index.isSensitive(k)).length;

  const notification: NotificationItem[] = [
    {
      item: '安全事件的基本情况和可能的影响',
      itemEn: 'What happened and its possible impact (PIPL Art. 57(1))',
      draft: `[日期] 我们发现 ${name} 处的个人信息可能发生泄露 ([date] we found that personal information held by ${party.name} may have leaked), 原因 [cause]. 涉及的个人信息 (information involved): ${exposed.map((e) => `${e.sensitiveClass ?? '一般个人信息 other personal information'}: ${e.fields.join('、')}`).join('; ')}. 可能的影响 (possible impact): ${exposed.map((e) => e.possibleHarm).join('; ')}.`,
    },
    {
      item: '我们已经采取或将要采取的处置措施',
      itemEn: 'What we have done and will do (PIPL Art. 57(2))',
      draft: `[已采取的措施 measures taken]. ${inbound.length ? `暂停向 ${name} 传输个人信息 (suspend ${inbound.map((f) => f.key).join(', ')}) 直至风险消除. ` : ''}${onward.length ? `通知下游接收方核查其副本 (ask onward recipients to check their copies): ${onward.map((o) => o.name).join('、')}. ` : ''}已向履行个人信息保护职责的部门报告 (reported to the authority) [日期 date].`,
    },
    {
      item: '您可自主防范和降低风险的建议',
      itemEn: 'What you can do to reduce the risk (PIPL Art. 57(2))',
      draft: exposed.map((e) => e.advice).join('; '),
    },
    {
      item: '对您的补救措施',
      itemEn: 'Remedies we offer',
      draft: `[补救措施 remedies, e.g. ${sensitiveCount ? 'free credit or account monitoring, forced password reset' : 'forced password reset'}]`,
    },
    {
      item: '联系方式',
      itemEn: 'How to contact us (PIPL Art. 57(3))',
      draft: handler?.contact ?? '[no contact recorded for the handler]',
    },
  ];
  return {
    party: { key: party.key, name, kind: party.kind, country: party.country ?? null, contact: party.contact ?? null },
    fieldKeys,
    exposed,
    purposes,
    inboundFlowKeys: inbound.map((f) => f.key),
    onwardRecipients: onward,
    dataSubjects: subjects,
    notification,
    obligations: [
      'Take remedial measures at once and notify the authority performing personal information protection duties and the individuals (PIPL Art. 57); individuals need not be told if the measures effectively avoid harm, unless the authority requires it.',
      ...(party.kind === 'ENTRUSTED_PARTY' ? ['The entrusted party must help the handler meet these duties (PIPL Art. 21); check the entrustment contract.'] : []),
      ...(index.isRecipient(partyKey) && party.kind !== 'ENTRUSTED_PARTY' ? [`${name} is a handler in its own right: it owes its own notifications; coordinate the notices.`] : []),
      'Where the GDPR applies: notify the supervisory authority within 72 hours (Art. 33) and the data subjects when the risk is high (Art. 34).',
    ],
    policyClauses,
    clauses: index.clauses([...party.sources, ...inbound.flatMap((f) => f.sources), ...policyClauses.map((c) => c.citation)]),
    articles: articles('PIPL Art. 57', 'PIPL Art. 51', ...(party.kind === 'ENTRUSTED_PARTY' ? (['PIPL Art. 21'] as const) : []), 'GDPR Art. 33', 'GDPR Art. 34'),
  };
}
