/**
 * Fields: search and filter every personal field, paginated through the connection's cursors.
 * Filters live in the URL, so a filtered list can be shared.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../api';
import { ErrorBox, Loading, PagerButtons, PartyChip, SensitiveBadge } from '../components/ui';
import { FieldFilterOptionsDocument, FieldsTableDocument, type FieldFilterOptionsQuery, type PersonalFieldFilter } from '../generated/graphql';
import { useI18n } from '../i18n';
import { Link, fieldPath, navigate, useLocation, withParams } from '../router';

const PAGE_SIZES = [25, 50, 100];
const INTERNAL = new Set(['DATA_SUBJECT', 'FIRST_PARTY']);
const RECIPIENT_ORDER = ['THIRD_PARTY', 'ENTRUSTED_PARTY', 'AFFILIATE', 'PUBLIC', 'AUTHORITY'];

type Category = FieldFilterOptionsQuery['dataCategories'][number];

/** Categories as an indented tree, parents first. */
function categoryTree(categories: Category[]): Array<{ category: Category; depth: number }> {
  const children = new Map<string | null, Category[]>();
  for (const c of categories) {
    const parent = c.parent?.key ?? null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: Array<{ category: Category; depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ category: c, depth });
      walk(c.key, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function FieldsPage() {
  const i = useI18n();
  const { t } = i;
  const { pathname, params } = useLocation();
  const q = params.get('q') ?? '';
  const sensitive = params.get('sensitive');
  const category = params.get('category');
  const purpose = params.get('purpose');
  const permission = params.get('permission');
  const recipient = params.get('recipient');
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : PAGE_SIZES[0];
  // The cursors of the pages before this one (opaque base64url, '.'-separated): Previous pops one.
  const cursors = (params.get('cursors') ?? '').split('.').filter(Boolean);
  const after = cursors.length ? cursors[cursors.length - 1] : null;
  const page = cursors.length + 1;

  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  // Typing updates the URL (and so the query) after a short pause.
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => navigate(withParams(pathname, params, { q: search.trim() || null, cursors: null }), { replace: true }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const filter: PersonalFieldFilter = useMemo(
    () => ({
      search: q || null,
      sensitive: sensitive === 'true' ? true : sensitive === 'false' ? false : null,
      categoryKey: category,
      purposeKey: purpose,
      permissionKey: permission,
      recipientKey: recipient,
    }),
    [q, sensitive, category, purpose, permission, recipient],
  );
  const options = useQuery(FieldFilterOptionsDocument);
  const table = useQuery(FieldsTableDocument, { filter, first: pageSize, after });
  const set = (changes: Record<string, string | number | null>) => navigate(withParams(pathname, params, { ...changes, cursors: null }), { replace: true });
  const filtersActive = !!(q || sensitive || category || purpose || permission || recipient);

  const o = options.data;
  const conn = table.data?.personalFields;
  const from = conn ? (page - 1) * pageSize + (conn.nodes.length ? 1 : 0) : 0;
  const to = conn ? (page - 1) * pageSize + conn.nodes.length : 0;

  return (
    <div className="page" data-testid="fields-page">
      <div className="page-head">
        <h1>{t('fields.title')}</h1>
      </div>
      <div className="card filters filters-grid">
        <label className="search">
          <span className="sr-only">{t('fields.searchLabel')}</span>
          <span className="search-icon" aria-hidden="true">⌕</span>
          <input type="search" value={search} placeholder={t('fields.search')} onChange={(e) => setSearch(e.target.value)} data-testid="field-search" autoFocus />
        </label>
        <label className="select">
          <span>{t('fields.sensitivity')}</span>
          <select value={sensitive ?? ''} onChange={(e) => set({ sensitive: e.target.value || null })} data-testid="filter-sensitive">
            <option value="">{t('fields.any')}</option>
            <option value="true">{t('common.sensitive')}</option>
            <option value="false">{t('common.notSensitive')}</option>
          </select>
        </label>
        <label className="select">
          <span>{t('fields.category')}</span>
          <select value={category ?? ''} onChange={(e) => set({ category: e.target.value || null })} data-testid="filter-category">
            <option value="">{t('fields.any')}</option>
            {o && categoryTree(o.dataCategories).map(({ category: c, depth }) => (
              <option key={c.key} value={c.key}>
                {'\u00a0\u00a0'.repeat(depth)}
                {i.name(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          <span>{t('fields.purpose')}</span>
          <select value={purpose ?? ''} onChange={(e) => set({ purpose: e.target.value || null })} data-testid="filter-purpose">
            <option value="">{t('fields.any')}</option>
            {o?.purposes.map((p) => <option key={p.key} value={p.key}>{i.name(p)}</option>)}
          </select>
        </label>
        <label className="select">
          <span>{t('fields.permission')}</span>
          <select value={permission ?? ''} onChange={(e) => set({ permission: e.target.value || null })} data-testid="filter-permission">
            <option value="">{t('fields.any')}</option>
            {o?.permissions.map((p) => <option key={p.key} value={p.key}>{i.name(p)}</option>)}
          </select>
        </label>
        <label className="select">
          <span>{t('fields.recipient')}</span>
          <select value={recipient ?? ''} onChange={(e) => set({ recipient: e.target.value || null })} data-testid="filter-recipient">
            <option value="">{t('fields.any')}</option>
            {o?.parties.filter((p) => !INTERNAL.has(p.kind)).map((p) => <option key={p.key} value={p.key}>{i.name(p)}</option>)}
          </select>
        </label>
        {filtersActive && (
          <button type="button" className="btn btn-ghost" onClick={() => navigate(pathname, { replace: true })}>
            {t('fields.clear')}
          </button>
        )}
      </div>
      {options.error && <ErrorBox error={options.error} onRetry={options.reload} />}
      {table.error && <ErrorBox error={table.error} onRetry={table.reload} />}
      {!conn && !table.error && <Loading />}
      {conn && (
        <div className={`card table-card${table.loading ? ' is-loading' : ''}`}>
          <table className="table table-hover" data-testid="fields-table">
            <thead>
              <tr>
                <th>{t('fields.colField')}</th>
                <th>{t('fields.colCategory')}</th>
                <th>{t('fields.colSensitivity')}</th>
                <th>{t('fields.colRecipients')}</th>
                <th>{t('fields.colPurposes')}</th>
                <th className="num">{t('fields.colFlows')}</th>
              </tr>
            </thead>
            <tbody>
              {conn.nodes.length === 0 && (
                <tr>
                  <td colSpan={6} className="empty">{t('fields.empty')}</td>
                </tr>
              )}
              {conn.nodes.map((f) => {
                // Third parties first: they are what a reviewer scans this column for.
                const shown = [...f.recipients].sort((a, b) => RECIPIENT_ORDER.indexOf(a.kind) - RECIPIENT_ORDER.indexOf(b.kind)).slice(0, 3);
                return (
                  <tr key={f.key} onClick={() => navigate(fieldPath(f.key))} data-testid={`field-row-${f.key}`}>
                    <td>
                      <Link to={fieldPath(f.key)} className="strong-link">{i.name(f)}</Link>
                      <div className="muted small">
                        <span className="mono">{f.key}</span>
                        {i.altName(f) && <> · {i.altName(f)}</>}
                      </div>
                    </td>
                    <td>{i.name(f.category)}</td>
                    <td><SensitiveBadge sensitive={f.sensitive} sensitiveClass={f.sensitiveClass} compact /></td>
                    <td>
                      <div className="chips">
                        {shown.map((p) => <PartyChip key={p.key} party={p} />)}
                        {f.recipients.length > shown.length && <span className="muted small">{t('fields.more', { n: f.recipients.length - shown.length })}</span>}
                        {f.recipients.length === 0 && <span className="muted">—</span>}
                      </div>
                    </td>
                    <td className="small">
                      {f.purposes.slice(0, 2).map((p) => i.name(p)).join(i.lang === 'ZH' ? '、' : ', ')}
                      {f.purposes.length > 2 && <span className="muted"> {t('fields.more', { n: f.purposes.length - 2 })}</span>}
                    </td>
                    <td className="num">{f.flows.length}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <footer className="pager">
            <span className="muted" data-testid="fields-range">{t('fields.range', { from, to, total: conn.totalCount })}</span>
            <label className="select inline">
              <span>{t('fields.pageSize')}</span>
              <select value={pageSize} onChange={(e) => set({ size: Number(e.target.value) })}>
                {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
            <PagerButtons cursors={cursors} pageInfo={conn.pageInfo} onCursors={(c) => navigate(withParams(pathname, params, { cursors: c }))} />
          </footer>
        </div>
      )}
    </div>
  );
}
