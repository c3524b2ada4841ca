/**
 * Each compliance answer as a readable report (Markdown/HTML) and, where it is a table, as an
 * export (CSV/XLSX). Column headers are Chinese with English, as regulators and auditors read them.
 */
import type { BlastRadius } from '../../domain/compliance/blast-radius';
import type { ConsentWithdrawal } from '../../domain/compliance/consent-withdrawal';
import type { DeletionPlan } from '../../domain/compliance/deletion-plan';
import { SEVERITIES, countBySeverity, type ComplianceRule, type Finding } from '../../domain/compliance/findings';
import type { ImpactAssessment } from '../../domain/compliance/impact-assessment';
import type { CitedClause } from '../../domain/compliance/inventory-index';
import type { InventoryDiff } from '../../domain/compliance/inventory-diff';
import { both, CONSENT_LABEL, FUNCTION_TYPE_LABEL, PARTY_KIND_LABEL } from '../../domain/compliance/labels';
import { consentWords, type RecordsOfProcessing } from '../../domain/compliance/records-of-processing';
import type { CollectedInformationEntry, ThirdPartySharingEntry } from '../../domain/compliance/regulator-lists';
import { dl, h1, h2, h3, ol, p, quote, table, ul, type Block, type Report, type Tabular } from './report-model';

const join = (list: readonly string[], sep = '; ') => list.join(sep);
const clauseRefs = (clauses: readonly CitedClause[]) => clauses.map((c) => `§${c.ref}`).join(', ');
const quotes = (clauses: readonly CitedClause[], max = 400): Block[] =>
  clauses.map((c) => quote(`§${c.ref}${c.title ? ` ${c.title}` : ''}`, c.text.length > max ? `${c.text.slice(0, max)}…` : c.text));

// ---- findings ------------------------------------------------------------------------------

export function findingsReport(findings: readonly Finding[], meta: { generatedAt: string; source: string; rules: readonly ComplianceRule[] }): Report {
  const counts = countBySeverity(findings);
  const blocks: Block[] = [
    h1('Compliance findings 合规问题'),
    p(`${meta.source} — generated ${meta.generatedAt}. ${findings.length} findings: ${[...SEVERITIES].reverse().map((s) => `${counts[s]} ${s}`).join(', ')}.`, 'note'),
  ];
  for (const s of [...SEVERITIES].reverse()) {
    const list = findings.filter((f) => f.severity === s);
    if (!list.length) continue;
    blocks.push(h2(`${s} (${list.length})`));
    for (const f of list) {
      blocks.push(
        h3(`${f.title} — ${f.subject.name} (${f.subject.type.toLowerCase()} ${f.subject.key})`),
        p(f.message),
        dl([
          ['Rule', f.rule],
          ['Remedy 整改建议', f.remedy],
          ['Articles 法律依据', f.articles.map((a) => a.citation).join(', ')],
          ['Clauses 条款', clauseRefs(f.clauses) || '—'],
        ]),
      );
    }
  }
  blocks.push(h2(`Rules checked 检查规则 (${meta.rules.length})`), ...rulesReport(meta.rules));
  return { title: 'Compliance findings', lang: 'zh-CN', blocks };
}

export function findingsTable(findings: readonly Finding[], meta: { generatedAt: string; source: string }): Tabular {
  return {
    title: 'Compliance findings 合规问题',
    sheet: 'Findings 合规问题',
    columns: [
      { header: '严重程度 Severity', width: 10 },
      { header: '规则 Rule', width: 34 },
      { header: '对象类型 Subject type', width: 12 },
      { header: '对象 Subject', width: 30 },
      { header: '名称 Name', width: 30 },
      { header: '问题 Finding', width: 80 },
      { header: '整改建议 Remedy', width: 60 },
      { header: '法律依据 Articles', width: 30 },
      { header: '条款 Clauses', width: 30 },
    ],
    rows: findings.map((f) => [f.severity, f.rule, f.subject.type, f.subject.key, f.subject.name, f.message, f.remedy, f.articles.map((a) => a.citation).join(', '), clauseRefs(f.clauses)]),
    notes: [`${meta.source}. Generated ${meta.generatedAt}.`],
  };
}

/** What was checked, so a clean report says what it is clean of. */
function rulesReport(rules: readonly ComplianceRule[]): Block[] {
  return [table(['Rule', 'Severity', 'Articles', 'What it checks'], rules.map((r) => [r.id, r.severity, r.articles.map((a) => a.citation).join(', '), r.description]))];
}

// ---- impact assessment ---------------------------------------------------------------------

export function impactAssessmentReport(pia: ImpactAssessment): Report {
  const s = pia.summary;
  const doc = pia.documents.map((d) => `${d.title} (updated ${d.updatedAt}, effective ${d.effectiveAt})`).join('; ');
  const blocks: Block[] = [
    h1('个人信息保护影响评估报告 Personal Information Protection Impact Assessment'),
    dl([
      ['Scope 评估范围', pia.scope.description],
      ['Handler 个人信息处理者', `${pia.handler.names.join('; ')}${pia.handler.contact ? ` — ${pia.handler.contact}` : ''}`],
      ['Policy 隐私政策', doc || '—'],
      ['Generated 生成时间', pia.generatedAt],
      ['Keep until 保存至', `${pia.keepUntil} (PIPL Art. 56: the report and the processing records are kept at least three years)`],
    ]),
    h2('Conclusion 结论'),
    p(s.conclusion, 'strong'),
    table(
      ['Flows 数据流', 'Fields 个人信息', 'Sensitive 敏感', 'Recipients 接收方', 'Purposes 目的', 'High-risk flows 高风险', 'Open findings 未决问题'],
      [[String(s.flows), String(s.fields), String(s.sensitiveFields), String(s.recipients), String(s.purposes), String(s.highRiskFlows),
        `${s.openFindings.HIGH} HIGH, ${s.openFindings.MEDIUM} MEDIUM, ${s.openFindings.LOW} LOW, ${s.openFindings.INFO} INFO`]],
    ),
    h2('PIPL Art. 55 triggers 评估情形'),
    table(['Item', 'Trigger 情形', 'Applies 适用', 'Evidence 依据'], pia.piplTriggers.map((t) => [t.item, t.title, t.applies ? 'yes 是' : 'no 否', join(t.evidence) || '—'])),
    h2('WP248 criteria (GDPR Art. 35) 欧盟 DPIA 标准'),
    p(`${s.wp248CriteriaMet} of 9 met; a DPIA is likely required at two or more.`, 'note'),
    table(['#', 'Criterion', 'Status', 'Evidence'], pia.wp248Criteria.map((c) => [String(c.number), c.title, c.status, join(c.evidence) || '—'])),
    h2('1. Lawfulness, legitimacy and necessity of purposes and methods 处理目的、处理方式等是否合法、正当、必要 (Art. 56(1))'),
    table(
      ['Purpose 目的', 'Function 功能类型', 'Legal bases 法律依据', 'Refusable 可拒绝', 'Fields 个人信息', 'Sensitive 敏感个人信息', 'Findings'],
      pia.purposes.map((x) => [
        `${x.name} (${x.purposeKey})`,
        both(FUNCTION_TYPE_LABEL[x.functionType]),
        x.legalBases.map((b) => `${b.article} — ${b.standing}`).join('; ') || 'none 无',
        x.refusable ? 'yes 是' : 'no 否',
        String(x.fieldKeys.length),
        x.sensitiveFields.join('、') || '—',
        String(x.findings),
      ]),
    ),
    h2('2. Impact on rights and security risks 对个人权益的影响及安全风险 (Art. 56(2))'),
    table(
      ['Flow 数据流', 'To 接收方', 'Kind', 'Sensitive classes 敏感类别', 'Consent 同意', 'Risk 风险', 'Risk factors 风险因素'],
      pia.flows.map((f) => [
        `${f.name} (${f.flowKey})`,
        `${f.recipientName} (${both(PARTY_KIND_LABEL[f.recipientKind])})`,
        f.kind,
        f.sensitiveClasses.join(', ') || '—',
        both(CONSENT_LABEL[f.consent]),
        f.risk,
        join(f.riskFactors),
      ]),
    ),
    h2('3. Protective measures recorded 保护措施 (Art. 56(3))'),
    p('Whether these measures are lawful, effective and proportionate to the risk is the assessor\'s judgement; the inventory records what is promised, not how it is carried out.', 'note'),
    table(['Measure 措施', 'What 内容', 'Flows 数据流', 'Clauses 条款'], pia.measures.map((m) => [m.kind, m.description, m.flowKeys.length ? `${m.flowKeys.length}: ${m.flowKeys.join(', ')}` : '—', clauseRefs(m.clauses) || '—'])),
    h2(`Open findings 未决问题 (${pia.findings.length})`),
    table(['Severity', 'Finding', 'Subject', 'Articles', 'Clauses'], pia.findings.map((f) => [f.severity, `${f.title}: ${f.message}`, `${f.subject.type} ${f.subject.key}`, f.articles.map((a) => a.citation).join(', '), clauseRefs(f.clauses)])),
    h2(`Policy clauses involved 涉及的政策条款 (${pia.clauses.length})`),
    ...quotes(pia.clauses),
    h2('Articles 法律依据'),
    ul(pia.articles.map((a) => `${a.citation}: ${a.title}`)),
  ];
  return { title: `PIA — ${pia.scope.description}`, lang: 'zh-CN', blocks };
}

// ---- records of processing -----------------------------------------------------------------

export function recordsTable(ropa: RecordsOfProcessing): Tabular {
  return {
    title: 'Records of processing activities 个人信息处理活动记录',
    sheet: 'Records of processing',
    columns: [
      { header: 'Record', width: 28 },
      { header: '(a) Controller 处理者', width: 26 },
      { header: '(a) Contact 联系方式', width: 30 },
      { header: '(b) Purpose 处理目的', width: 30 },
      { header: 'Function 功能类型', width: 14 },
      { header: 'Legal basis 法律依据', width: 36 },
      { header: 'Consent 同意方式', width: 18 },
      { header: 'Processing methods 处理方式 (PIPL Art. 17)', width: 26 },
      { header: '(c) Data subjects 个人信息主体', width: 16 },
      { header: '(c) Data categories 个人信息类别', width: 28 },
      { header: '(c) Personal data 个人信息', width: 50 },
      { header: '(c) Sensitive 敏感个人信息', width: 36 },
      { header: '(d) Recipient 接收方', width: 26 },
      { header: '(d) Recipient kind 接收方类型', width: 16 },
      { header: '(d) Recipient contact 接收方联系方式', width: 24 },
      { header: '(e) Third-country transfer 跨境提供', width: 20 },
      { header: '(f) Retention 保存期限', width: 50 },
      { header: '(g) Security measures 安全措施', width: 36 },
      { header: 'Rights 个人行使权利的方式 (PIPL Art. 17(1)(3))', width: 36 },
      { header: 'Flows 数据流', width: 30 },
      { header: 'Clauses 条款', width: 24 },
    ],
    rows: ropa.records.map((r) => [
      r.id,
      r.controller,
      r.controllerContact ?? '',
      `${r.purpose} (${r.purposeEn})`,
      both(FUNCTION_TYPE_LABEL[r.functionType]),
      join(r.legalBases),
      consentWords(r.consent),
      join(r.processingMethods),
      join(r.dataSubjects),
      join(r.dataCategories),
      join(r.fields, '、'),
      join(r.sensitiveFields),
      r.recipient ? `${r.recipient} (${r.recipientKey})` : '— (the handler only 仅处理者)',
      r.recipientKind ? both(PARTY_KIND_LABEL[r.recipientKind]) : '',
      r.recipientContact ?? (r.recipient ? 'not stated 未提供' : ''),
      r.thirdCountryTransfer ?? 'none 无',
      join(r.retention) || 'not stated 未说明',
      r.securityMeasures,
      r.rightsExercise,
      join(r.flowKeys, ', '),
      r.clauses.map((c) => `§${c.split('#')[1]}`).join(', '),
    ]),
    notes: [
      `Controller: ${ropa.controller}${ropa.controllerContact ? ` (${ropa.controllerContact})` : ''}. Generated ${ropa.generatedAt}.`,
      'One row per purpose × recipient: the first row of each purpose is what the handler itself processes for it; the others are what each recipient outside the handler receives.',
      'Columns (a)–(g) are GDPR Art. 30(1); processing methods, retention and rights are also the PIPL Art. 17 notice items.',
    ],
  };
}

// ---- the two regulator lists ---------------------------------------------------------------

export function collectedInformationTable(entries: readonly CollectedInformationEntry[], meta: { source: string }): Tabular {
  return {
    title: '已收集个人信息清单 Collected personal information',
    sheet: '已收集个人信息清单',
    columns: [
      { header: '个人信息 Field', width: 22 },
      { header: '类别 Category', width: 18 },
      { header: '敏感 Sensitive', width: 12 },
      { header: '使用目的 Purpose', width: 36 },
      { header: '使用场景 Scenario', width: 60 },
      { header: '权限 Permission', width: 36 },
      { header: '收集方式 Collected', width: 22 },
      { header: '可拒绝 Refusable', width: 10 },
      { header: '条款 Clauses', width: 20 },
    ],
    rows: entries.map((e) => [
      e.field === e.fieldEn ? e.field : `${e.field} (${e.fieldEn})`,
      e.category,
      e.sensitive ? `是 ${e.sensitiveClass}` : '否',
      join(e.purposes, '；'),
      join(e.scenarios, '；'),
      join(e.permissions, '；') || '—',
      join(e.collectionMethods, '；'),
      e.refusable === 'YES' ? '是' : e.refusable === 'NO' ? '否' : '部分',
      e.clauseRefs.map((r) => `§${r}`).join(', '),
    ]),
    notes: [`${meta.source}. Every field the handler collects, directly from the user or from others; 可拒绝 (refusable) 部分 means refusable in some scenarios only.`],
  };
}

export function thirdPartySharingTable(entries: readonly ThirdPartySharingEntry[], meta: { source: string }): Tabular {
  return {
    title: '与第三方共享个人信息清单 / 第三方SDK目录 Third-party sharing and SDK list',
    sheet: '第三方共享清单 SDK目录',
    columns: [
      { header: '第三方名称 Recipient', width: 26 },
      { header: '类型 Kind', width: 16 },
      { header: 'SDK 包名 SDK package', width: 22 },
      { header: '共享方式 Method', width: 22 },
      { header: '共享的个人信息 Personal information', width: 50 },
      { header: '使用目的 Purpose', width: 36 },
      { header: '法律依据 Legal basis', width: 24 },
      { header: '同意方式 Consent', width: 22 },
      { header: '可拒绝 Refusable', width: 10 },
      { header: '联系方式 Contact', width: 20 },
      { header: '条款 Clauses', width: 20 },
    ],
    rows: entries.map((e) => [
      e.recipient,
      both(PARTY_KIND_LABEL[e.recipientKind]),
      e.sdkPackages.join(', ') || '—',
      e.method === 'SDK_ON_DEVICE' ? 'SDK 在设备上收集 SDK on the device' : `服务器传输 from servers (${e.sharingKind})`,
      e.sensitiveFields.length ? `${join(e.fields, '、')} (敏感 sensitive: ${join(e.sensitiveFields, '、')})` : join(e.fields, '、'),
      join(e.purposes, '；'),
      join(e.legalBases, '; '),
      e.consent,
      e.refusable ? '是' : '否',
      e.contact ?? '未提供 not provided',
      e.clauseRefs.map((r) => `§${r}`).join(', '),
    ]),
    notes: [`${meta.source}. One row per flow from the handler to a recipient outside it (public disclosure aside); SDKs collecting on the device come first.`],
  };
}

// ---- change impact -------------------------------------------------------------------------

export function diffReport(diff: InventoryDiff): Report {
  const s = diff.summary;
  const label = (v: { label: string; createdAt: string | null }) => `${v.label}${v.createdAt ? ` (${v.createdAt})` : ''}`;
  const blocks: Block[] = [
    h1(`Inventory changes 清单变更: ${diff.from.label} → ${diff.to.label}`),
    p(`From ${label(diff.from)} to ${label(diff.to)}: ${s.added} added, ${s.removed} removed, ${s.changed} changed; ${s.major} major under the policy's definition; ${s.requiringRenewedConsent} need renewed consent.`, 'strong'),
  ];
  const major = diff.changes.filter((c) => c.major || c.requiresRenewedConsent);
  const minor = diff.changes.filter((c) => !c.major && !c.requiresRenewedConsent);
  if (major.length) {
    blocks.push(h2('Major changes 重大变更'));
    blocks.push(table(['Change', 'Node', 'Areas (§一.3)', 'Renewed consent 重新同意', 'Why', 'Articles'], major.map((c) => [
      c.change, `${c.nodeType} ${c.key} (${c.name})`, c.areas.join(', '), c.requiresRenewedConsent ? 'yes 是' : 'no 否', join(c.reasons), c.articles.map((a) => a.citation).join(', '),
    ])));
  }
  if (minor.length) {
    blocks.push(h2('Other changes 其他变更'));
    blocks.push(table(['Change', 'Node', 'Areas', 'Properties', 'Why'], minor.map((c) => [
      c.change, `${c.nodeType} ${c.key} (${c.name})`, c.areas.join(', '), c.properties.map((x) => x.property).join(', ') || '—', join(c.reasons) || '—',
    ])));
  }
  if (!diff.changes.length) blocks.push(p('No changes.'));
  if (diff.changePolicy.length) blocks.push(h2("The policy's own change clauses 政策的变更条款"), ...quotes(diff.changePolicy, 600));
  return { title: `Inventory changes ${diff.from.label} → ${diff.to.label}`, lang: 'zh-CN', blocks };
}

export function blastRadiusReport(b: BlastRadius): Report {
  return {
    title: `Breach impact — ${b.party.name}`,
    lang: 'zh-CN',
    blocks: [
      h1(`If ${b.party.name} is breached 如 ${b.party.name} 发生安全事件`),
      dl([
        ['Party', `${b.party.name} (${b.party.key}, ${both(PARTY_KIND_LABEL[b.party.kind])})`],
        ['Personal information held', `${b.fieldKeys.length} fields`],
        ['Purposes affected', b.purposes.map((x) => x.name).join('; ') || '—'],
        ['Data subjects', b.dataSubjects.join('; ') || '—'],
      ]),
      h2('Exposed information 涉及的个人信息'),
      table(['Class 类别', 'Fields 个人信息', 'Possible harm 可能的危害'], b.exposed.map((e) => [e.sensitiveClass ?? 'not sensitive 一般', join(e.fields, '、'), e.possibleHarm])),
      h2('Onward recipients 下游接收方'),
      b.onwardRecipients.length
        ? table(['Party', 'Kind', 'Fields', 'Route'], b.onwardRecipients.map((o) => [`${o.name} (${o.partyKey})`, both(PARTY_KIND_LABEL[o.kind]), String(o.fieldKeys.length), o.via.join(' → ')]))
        : p('None: the data goes no further.'),
      h2('Notification draft 告知草稿'),
      table(['Item 事项', 'Draft 草稿'], b.notification.map((n) => [`${n.item} — ${n.itemEn}`, n.draft])),
      h2('Obligations 义务'),
      ol(b.obligations),
      h2("The policy's breach-notice clauses 政策的安全事件条款"),
      ...(b.policyClauses.length ? quotes(b.policyClauses, 800) : [p('The policy has no breach-notice clause.')]),
    ],
  };
}

export function consentWithdrawalReport(w: ConsentWithdrawal): Report {
  return {
    title: `Withdrawing ${w.permission.key}`,
    lang: 'zh-CN',
    blocks: [
      h1(`Withdrawing ${w.permission.name} 撤回权限 (${w.permission.key})`),
      p(w.verdict, 'strong'),
      dl([
        ['Revoked together (OS permission group)', `${w.revokedPermissions.join(', ')}${w.permission.group ? ` (${w.permission.group})` : ''}`],
        ['Basic functions survive 核心业务功能', w.basicFunctionSurvives ? 'yes 是' : 'no 否'],
        ['No longer collected 不再收集', w.fieldsNoLongerCollected.join(', ') || '—'],
      ]),
      h2('Functions 业务功能'),
      table(['Function 功能', 'Type', 'Effect', 'Stopped flows', 'Limited flows'], w.functions.map((f) => [f.name, both(FUNCTION_TYPE_LABEL[f.functionType]), f.effect, f.stoppedFlowKeys.join(', ') || '—', f.limitedFlowKeys.join(', ') || '—'])),
      h2('Flows 数据流'),
      table(['Flow', 'Effect', 'Refusable', 'Why'], [
        ...w.stoppedFlows.map((f) => [`${f.name} (${f.flowKey})`, 'STOPS', f.optional ? 'yes' : 'no', f.reason]),
        ...w.limitedFlows.map((f) => [`${f.name} (${f.flowKey})`, 'LIMITED', f.optional ? 'yes' : 'no', f.reason]),
      ]),
      h2('Clauses 条款'),
      ...quotes(w.clauses),
    ],
  };
}

export function deletionPlanReport(d: DeletionPlan): Report {
  return {
    title: `Deletion plan — ${d.field.name}`,
    lang: 'zh-CN',
    blocks: [
      h1(`Deleting ${d.field.name} on account cancellation 注销账号时删除 (${d.field.key})`),
      p(d.summary, 'strong'),
      h2("The handler's stores 处理者的存储"),
      table(['Store', 'Action', 'Deleted with the account', 'Kept by law', 'Keep at least', 'Under'], d.stores.map((s) => [
        `${s.name} (${s.partyKey})`, s.action, s.deletedFlowKeys.join(', ') || '—', s.keptFlowKeys.join(', ') || '—', s.keepAtLeast ?? '—', s.keptUnder.join(', ') || '—',
      ])),
      h2('Recipients 接收方'),
      d.recipients.length
        ? table(['Recipient', 'Action', 'Why', 'Contact', 'Onward'], d.recipients.map((r) => [`${r.name} (${r.partyKey})`, r.action, r.reason, r.contact ?? 'not stated 未提供', r.onwardPartyKeys.join(', ') || '—']))
        : p('No recipient outside the handler receives it.'),
      h2('Clauses 条款'),
      ...quotes(d.clauses),
    ],
  };
}
