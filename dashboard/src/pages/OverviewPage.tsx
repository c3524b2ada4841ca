/**
 * Overview: what the inventory holds at a glance — counts, sensitive fields by class, parties and
 * flows by kind, open findings by severity (from the compliance API), the most shared fields.
 */
import { useEffect, useState } from 'react';
import { allPages, cachedRequest, useQuery } from '../api';
import { Bars, ErrorBox, Loading, PartyChip, SEVERITIES, Section, SensitiveBadge } from '../components/ui';
import { DashboardOverviewDocument, FindingsBySeverityDocument, SensitiveFieldReachDocument, type SensitiveFieldReachQuery } from '../generated/graphql';
import { useI18n } from '../i18n';
import { Link, fieldPath } from '../router';
import { FLOW_KINDS, PARTY_KINDS, SENSITIVE_CLASSES } from '../../../src/domain/vocabulary';

type SensitiveField = SensitiveFieldReachQuery['personalFields']['nodes'][number];
const INTERNAL = new Set(['DATA_SUBJECT', 'FIRST_PARTY']);

function useSensitiveFields() {
  const [state, setState] = useState<{ fields?: SensitiveField[]; error?: Error }>({});
  useEffect(() => {
    let current = true;
    allPages(
      (after) => cachedRequest(SensitiveFieldReachDocument, { first: 500, after }),
      (r) => r.personalFields,
    ).then(
      (fields) => current && setState({ fields }),
      (error: Error) => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}

export function OverviewPage() {
  const i = useI18n();
  const { t } = i;
  const overview = useQuery(DashboardOverviewDocument);
  const sensitive = useSensitiveFields();
  const findings = useQuery(FindingsBySeverityDocument);
  if (overview.error) return <ErrorBox error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const d = overview.data;

  const flowKindCounts = new Map<string, number>(d.flows.countsByKind.map((c) => [c.kind, c.count]));
  const partyKindCounts = new Map<string, number>(d.parties.countsByKind.map((c) => [c.kind, c.count]));
  const countOf = (counts: Map<string, number>, kind: string) => counts.get(kind) ?? 0;
  const disclosing = countOf(flowKindCounts, 'PROVISION') + countOf(flowKindCounts, 'TRANSFER') + countOf(flowKindCounts, 'PUBLIC_DISCLOSURE');
  const recipients = d.parties.countsByKind.filter((c) => !INTERNAL.has(c.kind)).reduce((n, c) => n + c.count, 0);
  const pct = d.fields.totalCount ? Math.round((d.sensitiveFields.totalCount / d.fields.totalCount) * 100) : 0;

  const byClass = new Map<string, number>();
  for (const f of sensitive.fields ?? []) byClass.set(f.sensitiveClass ?? '', (byClass.get(f.sensitiveClass ?? '') ?? 0) + 1);
  const classOrder = [...SENSITIVE_CLASSES, ''] as string[];
  const classItems = [...byClass.entries()]
    .sort((a, b) => b[1] - a[1] || classOrder.indexOf(a[0]) - classOrder.indexOf(b[0]))
    .map(([cls, n]) => ({ key: cls || 'none', label: i.sensitiveClass(cls || null), value: n, tone: 'tone-danger', href: '/fields?sensitive=true' }));

  const partyItems = PARTY_KINDS.map((k) => ({ key: k, label: i.partyKind(k), value: countOf(partyKindCounts, k), tone: `tone-${k}`, href: INTERNAL.has(k) ? undefined : `/parties?kind=${k}` })).filter((x) => x.value > 0);
  const flowItems = FLOW_KINDS.map((k) => ({ key: k, label: i.flowKind(k), value: countOf(flowKindCounts, k), tone: k === 'PROVISION' || k === 'TRANSFER' || k === 'PUBLIC_DISCLOSURE' ? 'tone-danger' : 'tone-primary' }));

  const mostShared = [...(sensitive.fields ?? [])]
    .map((f) => ({ field: f, recipients: f.recipients, third: f.recipients.filter((r) => r.kind === 'THIRD_PARTY') }))
    .filter((x) => x.recipients.length > 0)
    .sort((a, b) => b.recipients.length - a.recipients.length || b.third.length - a.third.length || (a.field.key < b.field.key ? -1 : 1))
    .slice(0, 8);

  const severityCounts = new Map((findings.data?.findings.bySeverity ?? []).map((c) => [c.severity as string, c.count]));
  const severityItems = SEVERITIES.map((s) => ({ key: s, label: t(`severity.${s}`), value: severityCounts.get(s) ?? 0, tone: `tone-severity-${s}`, href: `/findings?severity=${s}` }));
  const findingsPanel = findings.error ? (
    <ErrorBox error={findings.error} onRetry={findings.reload} />
  ) : !findings.data ? (
    <Loading />
  ) : (
    <>
      <Bars items={severityItems} testId="findings-by-severity" />
      <p className="muted small panel-foot">
        {t('overview.findingsHint', { n: findings.data.findings.totalCount })} <Link to="/findings">{t('overview.findingsAll')} →</Link>
      </p>
    </>
  );

  const doc = d.policyDocuments[0];
  const sensitivePanel = sensitive.error ? <ErrorBox error={sensitive.error} /> : !sensitive.fields ? <Loading /> : null;

  return (
    <div className="page" data-testid="overview">
      <div className="page-head">
        <div>
          <h1>{t('overview.title')}</h1>
          {doc && (
            <p className="muted">
              {t('overview.policy')}: <strong lang="zh-CN">{doc.title}</strong>
              {doc.titleEn && i.lang === 'EN' ? ` (${doc.titleEn})` : ''} · {t('overview.updated', { date: doc.updatedAt })}, {t('overview.effective', { date: doc.effectiveAt })}
            </p>
          )}
        </div>
      </div>

      <div className="kpis">
        <Link to="/fields" className="kpi">
          <span className="kpi-label">{t('overview.fields')}</span>
          <span className="kpi-value" data-testid="kpi-fields">{d.fields.totalCount}</span>
          <span className="kpi-sub">{t('overview.fieldsSub', { n: d.sensitiveFields.totalCount })}</span>
        </Link>
        <Link to="/fields?sensitive=true" className="kpi kpi-danger">
          <span className="kpi-label">{t('overview.sensitive')}</span>
          <span className="kpi-value" data-testid="kpi-sensitive">{d.sensitiveFields.totalCount}</span>
          <span className="kpi-sub">{t('overview.sensitiveSub', { pct })}</span>
        </Link>
        <Link to="/parties" className="kpi">
          <span className="kpi-label">{t('overview.parties')}</span>
          <span className="kpi-value" data-testid="kpi-parties">{d.parties.totalCount}</span>
          <span className="kpi-sub">{t('overview.partiesSub', { n: recipients })}</span>
        </Link>
        <div className="kpi">
          <span className="kpi-label">{t('overview.flows')}</span>
          <span className="kpi-value" data-testid="kpi-flows">{d.flows.totalCount}</span>
          <span className="kpi-sub">{t('overview.flowsSub', { n: disclosing })}</span>
        </div>
        <div className={`kpi ${d.crossBorder.totalCount > 0 ? 'kpi-danger' : 'kpi-ok'}`}>
          <span className="kpi-label">{t('overview.crossBorder')}</span>
          <span className="kpi-value" data-testid="kpi-cross-border">{d.crossBorder.totalCount}</span>
          <span className="kpi-sub">{d.crossBorder.totalCount > 0 ? t('overview.crossBorderSome') : t('overview.crossBorderNone')}</span>
        </div>
      </div>

      <div className="grid-4">
        <Section title={t('overview.findings')}>{findingsPanel}</Section>
        <Section title={t('overview.byClass')}>{sensitivePanel ?? (classItems.length ? <Bars items={classItems} testId="by-class" /> : <p className="muted">{t('overview.noSensitive')}</p>)}</Section>
        <Section title={t('overview.byPartyKind')}>
          <Bars items={partyItems} testId="by-party-kind" />
        </Section>
        <Section title={t('overview.byFlowKind')}>
          <Bars items={flowItems} testId="by-flow-kind" />
        </Section>
      </div>

      <Section title={t('overview.mostShared')} hint={t('overview.mostSharedHint')}>
        {sensitivePanel ?? (
          mostShared.length === 0 ? (
            <p className="muted">{t('overview.noSensitive')}</p>
          ) : (
            <table className="table" data-testid="most-shared">
              <thead>
                <tr>
                  <th>{t('fields.colField')}</th>
                  <th>{t('fields.colSensitivity')}</th>
                  <th className="num">{t('overview.recipients')}</th>
                  <th>{t('overview.thirdParties')}</th>
                </tr>
              </thead>
              <tbody>
                {mostShared.map(({ field, recipients: rs, third }) => (
                  <tr key={field.key}>
                    <td>
                      <Link to={fieldPath(field.key)} className="strong-link">{i.name(field)}</Link>
                      <div className="mono muted small">{field.key}</div>
                    </td>
                    <td><SensitiveBadge sensitive sensitiveClass={field.sensitiveClass} /></td>
                    <td className="num"><span className="count">{rs.length}</span></td>
                    <td>
                      <div className="chips">{third.length ? third.map((p) => <PartyChip key={p.key} party={p} />) : <span className="muted">—</span>}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        )}
      </Section>
    </div>
  );
}
