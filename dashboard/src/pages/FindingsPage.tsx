/**
 * Findings: what is wrong with the inventory, from the compliance rules (`findings`), filterable
 * by severity and rule. Each finding names its subject, says what is wrong and what would clear
 * it, cites the articles, and quotes the policy clauses behind it as the policy words them.
 * Filters live in the URL (`?severity=HIGH&rule=…&q=…`); `?flow=` opens a flow beside the list.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../api';
import { FlowPanel } from '../components/panels';
import { ClauseList, ErrorBox, Loading, SEVERITIES, SeverityBadge, type ClauseView, type SeverityName } from '../components/ui';
import { FindingFacetsDocument, FindingsListDocument, type FindingFilter, type FindingsListQuery, type Severity } from '../generated/graphql';
import { useI18n, type MessageKey } from '../i18n';
import { Link, fieldPath, navigate, useLocation, withParams } from '../router';

type Finding = FindingsListQuery['findings']['nodes'][number];

const isSeverity = (v: string | null): v is SeverityName => !!v && (SEVERITIES as readonly string[]).includes(v);
const rank = (s: string) => SEVERITIES.indexOf(s as SeverityName);

export function FindingsPage() {
  const i = useI18n();
  const { t } = i;
  const { pathname, params } = useLocation();
  const severityParam = params.get('severity');
  const severity = isSeverity(severityParam) ? severityParam : null;
  const rule = params.get('rule') || null;
  const q = params.get('q') ?? '';
  const selectedFlow = params.get('flow');
  const set = (changes: Record<string, string | null>) => navigate(withParams(pathname, params, changes), { replace: true });

  const facets = useQuery(FindingFacetsDocument);
  // The API narrows by rule and minimum severity; the page keeps the exact severity chosen.
  const filter: FindingFilter = useMemo(() => ({ rules: rule ? [rule] : null, minSeverity: (severity as Severity | null) ?? null }), [rule, severity]);
  const list = useQuery(FindingsListDocument, { filter });

  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  // Typing filters at once; the URL follows after a short pause.
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => set({ q: search.trim() || null }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);
  const needle = search.trim().toLowerCase();
  const shown = useMemo(
    () =>
      (list.data?.findings.nodes ?? [])
        .filter((f) => !severity || f.severity === severity)
        .filter((f) => !needle || [f.subject.key, f.subject.name, f.message, f.title, f.rule].some((s) => s.toLowerCase().includes(needle))),
    [list.data, severity, needle],
  );

  const all = facets.data?.findings.nodes ?? [];
  const severityCounts = new Map<string, number>();
  for (const f of all) if (!rule || f.rule === rule) severityCounts.set(f.severity, (severityCounts.get(f.severity) ?? 0) + 1);
  const inRule = all.filter((f) => !rule || f.rule === rule).length;
  const ruleCounts = new Map<string, number>();
  for (const f of all) if (!severity || f.severity === severity) ruleCounts.set(f.rule, (ruleCounts.get(f.rule) ?? 0) + 1);
  const count = (id: string) => ruleCounts.get(id) ?? 0;
  // Rules with findings first, most severe first, then the most frequent.
  const rules = [...(facets.data?.complianceRules ?? [])].sort(
    (a, b) => Number(count(b.id) > 0) - Number(count(a.id) > 0) || rank(a.severity) - rank(b.severity) || count(b.id) - count(a.id),
  );

  return (
    <div className={`page${selectedFlow ? ' with-drawer' : ''}`} data-testid="findings-page">
      <div className="page-head">
        <div>
          <h1>{t('findings.title')}</h1>
          <p className="muted">{t('findings.hint')}</p>
        </div>
      </div>
      <div className="card filters">
        <div className="filter-group">
          <span className="filter-label">{t('findings.severity')}</span>
          <div className="chips" role="group" aria-label={t('findings.severity')}>
            <button type="button" className={`chip chip-toggle${!severity ? ' on' : ''}`} onClick={() => set({ severity: null })} data-testid="severity-all">
              {t('common.all')} <span className="chip-count">{facets.data ? inRule : '…'}</span>
            </button>
            {SEVERITIES.map((s) => (
              <button
                key={s}
                type="button"
                className={`chip chip-toggle chip-severity-${s}${severity === s ? ' on' : ''}`}
                onClick={() => set({ severity: severity === s ? null : s })}
                aria-pressed={severity === s}
                data-testid={`severity-${s}`}
              >
                <span className={`dot severity-dot-${s}`} aria-hidden="true" />
                {t(`severity.${s}`)} <span className="chip-count">{facets.data ? (severityCounts.get(s) ?? 0) : '…'}</span>
              </button>
            ))}
          </div>
        </div>
        <label className="select">
          <span>{t('findings.rule')}</span>
          <select value={rule ?? ''} onChange={(e) => set({ rule: e.target.value || null })} data-testid="filter-rule" className="select-wide">
            <option value="">{t('findings.anyRule')}</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title} ({ruleCounts.get(r.id) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label className="search">
          <span className="sr-only">{t('findings.search')}</span>
          <span className="search-icon" aria-hidden="true">⌕</span>
          <input
            type="search"
            value={search}
            placeholder={t('findings.search')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="findings-search"
          />
        </label>
      </div>
      {facets.error && <ErrorBox error={facets.error} onRetry={facets.reload} />}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p className="muted small" data-testid="findings-count">
            {t('findings.count', { n: shown.length, total: facets.data?.findings.nodes.length ?? list.data.findings.totalCount })}
          </p>
          {shown.length === 0 && <p className="card empty">{all.length === 0 && facets.data ? t('findings.none') : t('findings.empty')}</p>}
          <div className={`finding-list${list.loading ? ' is-loading' : ''}`} data-testid="findings-list">
            {shown.map((f) => (
              <FindingCard key={f.id} finding={f} selectedFlow={selectedFlow} onFlow={(key) => navigate(withParams(pathname, params, { flow: key }))} />
            ))}
          </div>
        </>
      )}
      {selectedFlow && <FlowPanel key={selectedFlow} flowKey={selectedFlow} onClose={() => set({ flow: null })} />}
    </div>
  );
}

function SubjectLink({ subject, onFlow }: { subject: Finding['subject']; onFlow: (key: string) => void }) {
  const { t } = useI18n();
  const name = <span lang="zh-CN">{subject.name}</span>;
  switch (subject.type) {
    case 'FIELD':
      return <Link to={fieldPath(subject.key)} className="strong-link">{name}</Link>;
    case 'FLOW':
      return (
        <button type="button" className="link-button strong-link" onClick={() => onFlow(subject.key)} title={t('findings.openFlow')} data-testid="finding-open-flow">
          {name}
        </button>
      );
    case 'PARTY':
      return <Link to={`/parties#party-${encodeURIComponent(subject.key)}`} className="strong-link">{name}</Link>;
    case 'PURPOSE':
      return <Link to={`/fields?purpose=${encodeURIComponent(subject.key)}`} className="strong-link">{name}</Link>;
    case 'PERMISSION':
      return <Link to={`/fields?permission=${encodeURIComponent(subject.key)}`} className="strong-link">{name}</Link>;
    case 'CATEGORY':
      return <Link to={`/fields?category=${encodeURIComponent(subject.key)}`} className="strong-link">{name}</Link>;
    default:
      return <strong>{name}</strong>;
  }
}

function FindingCard({ finding: f, selectedFlow, onFlow }: { finding: Finding; selectedFlow: string | null; onFlow: (key: string) => void }) {
  const { t } = useI18n();
  const clauses: ClauseView[] = f.clauses.map((c) => ({ ref: c.ref, title: c.title, text: c.text, citation: c.citation, document: { key: c.documentKey, title: c.documentTitle } }));
  const selected = f.subject.type === 'FLOW' && f.subject.key === selectedFlow;
  return (
    <article className={`card finding finding-${f.severity}${selected ? ' selected' : ''}`} data-testid={`finding-${f.id}`} data-severity={f.severity}>
      <header className="finding-head">
        <SeverityBadge severity={f.severity} />
        <h2 className="finding-title">{f.title}</h2>
        <code className="finding-rule muted" title={t('findings.rule')}>{f.rule}</code>
      </header>
      <div className="finding-subject" data-testid="finding-subject">
        <span className="muted small">{t('findings.subject')}:</span>
        <span className="badge badge-outline">{t(`subject.${f.subject.type}` as MessageKey)}</span>
        <SubjectLink subject={f.subject} onFlow={onFlow} />
        <span className="mono muted small">{f.subject.key}</span>
      </div>
      <p className="finding-message" data-testid="finding-message">{f.message}</p>
      <p className="finding-remedy">
        <span className="muted small">{t('findings.remedy')}:</span> {f.remedy}
      </p>
      <div className="finding-articles" data-testid="finding-articles">
        <span className="muted small">{t('findings.articles')}:</span>
        <ul className="article-list">
          {f.articles.map((a) => (
            <li key={a.citation} className={`article-item law-${a.law}`} title={a.title}>
              <strong>{a.citation}</strong> <span className="muted">{a.title}</span>
            </li>
          ))}
        </ul>
      </div>
      {clauses.length === 0 ? (
        <p className="muted small">{t('findings.noClauses')}</p>
      ) : (
        <details className="finding-clauses" data-testid="finding-clauses">
          <summary>
            <span className="finding-clauses-title">{t('findings.clauses', { n: clauses.length })}</span>
            <span className="mono muted small">{clauses.map((c) => `§${c.ref}`).join('  ')}</span>
          </summary>
          <p className="muted small">{t('common.clauseNote')}</p>
          <ClauseList clauses={clauses} />
        </details>
      )}
    </article>
  );
}
