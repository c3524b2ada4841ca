/**
 * Parties: every recipient with what it receives, why, and under which consent, plus its SDK
 * packages — paged by the server (partiesConnection, ordered by key), so only the page shown is
 * asked for with its inbound flows. By default only recipients are listed (every kind but the data
 * subject and the handler's own systems, as `kinds`); `?kind=` narrows to one kind, `?all=1` lists
 * everyone. Search (`?q=`: key, names or SDK package names), the kind and the page (`?cursors=`)
 * live in the URL like the fields page; `#party-KEY` opens that party's card (fetched by key),
 * whatever page it is on.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../api';
import { PartyCard } from '../components/PartyCard';
import { FlowPanel } from '../components/panels';
import { ErrorBox, Loading, PagerButtons } from '../components/ui';
import { PartiesDirectoryDocument, PartyCardDocument, type PartyKind } from '../generated/graphql';
import { useI18n } from '../i18n';
import { navigate, useLocation, withParams } from '../router';
import { INTERNAL_PARTY_KINDS, PARTY_KINDS } from '../../../src/domain/vocabulary';

const PAGE_SIZE = 50;
/** Independent third parties first: they are where a DPO looks first. */
const KIND_ORDER: PartyKind[] = ['THIRD_PARTY', 'ENTRUSTED_PARTY', 'AFFILIATE', 'AUTHORITY', 'PUBLIC', 'FIRST_PARTY', 'DATA_SUBJECT'];
/** What the default view lists: data reaching any other kind is a disclosure (domain/flows.ts isRecipientKind). */
const RECIPIENT_KINDS: PartyKind[] = PARTY_KINDS.filter((k) => !INTERNAL_PARTY_KINDS.includes(k));

export function PartiesPage() {
  const i = useI18n();
  const { t } = i;
  const { pathname, params, hash } = useLocation();
  const q = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind = (PARTY_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as PartyKind) : null;
  const everyone = !kind && params.get('all') === '1';
  const selectedFlow = params.get('flow');
  // The cursors of the pages before this one (opaque, '.'-separated), as on the fields page: Previous pops one.
  const cursors = (params.get('cursors') ?? '').split('.').filter(Boolean);
  const after = cursors.length ? cursors[cursors.length - 1] : null;
  const page = cursors.length + 1;
  const linkedKey = partyKeyOf(hash);

  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  // Typing updates the URL (and so the server's query) after a short pause, back to page 1.
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => navigate(withParams(pathname, params, { q: search.trim() || null, cursors: null }) + hash, { replace: true }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  // One kind, everyone, or (the default) the recipient kinds; the chips' counts cover every kind.
  const variables = useMemo(() => {
    const kinds = kind ? { kind } : everyone ? {} : { kinds: RECIPIENT_KINDS };
    return { filter: { search: q || null, ...kinds }, countFilter: { search: q || null }, first: PAGE_SIZE, after };
  }, [q, kind, everyone, after]);
  const list = useQuery(PartiesDirectoryDocument, variables);
  const linked = useQuery(PartyCardDocument, { key: linkedKey ?? '' }, { skip: !linkedKey });

  // Filters and pages keep the linked card (the fragment) open; only its close button drops it.
  const go = (changes: Record<string, string | null>, replace = false) => navigate(withParams(pathname, params, changes) + hash, { replace });
  const conn = list.data?.partiesConnection;
  const busy = list.loading || list.stale;
  const counts = list.data?.kindCounts;
  const linkedOnPage = !!linkedKey && !!conn?.nodes.some((p) => p.key === linkedKey);
  const linkedParty = linkedKey && linked.data?.party?.key === linkedKey ? linked.data.party : null;
  const linkedMissing = !!linkedKey && !linked.loading && !linked.error && linked.data !== undefined && !linked.data.party;

  // Deep link: bring the linked card into view once it is there (on this page or above the list).
  const linkedShown = linkedOnPage || !!linkedParty;
  useEffect(() => {
    if (!linkedKey || !linkedShown) return;
    const card = document.getElementById(`party-${linkedKey}`);
    // Above the list, its section (with its heading and close button) is what comes into view.
    (card?.closest('.party-linked-section') ?? card)?.scrollIntoView({ block: 'start' });
    card?.focus({ preventScroll: true });
  }, [linkedKey, linkedShown]);

  const countOf = (k: PartyKind) => counts?.countsByKind.find((c) => c.kind === k)?.count ?? 0;
  const kindsShown = KIND_ORDER.filter((k) => k === kind || countOf(k) > 0);
  const recipientCount = RECIPIENT_KINDS.reduce((n, k) => n + countOf(k), 0);
  const recipients = !kind && !everyone;
  const from = conn ? (page - 1) * PAGE_SIZE + (conn.nodes.length ? 1 : 0) : 0;
  const to = conn ? (page - 1) * PAGE_SIZE + conn.nodes.length : 0;
  const openFlow = (key: string) => go({ flow: key });

  return (
    <div className={`page${selectedFlow ? ' with-drawer' : ''}`} data-testid="parties-page">
      <div className="page-head">
        <div>
          <h1>{t('parties.title')}</h1>
          <p className="muted">{t('parties.hint')}</p>
        </div>
      </div>
      <div className="card filters">
        <label className="search">
          <span className="sr-only">{t('parties.search')}</span>
          <span className="search-icon" aria-hidden="true">⌕</span>
          <input type="search" value={search} placeholder={t('parties.search')} onChange={(e) => setSearch(e.target.value)} data-testid="party-search" />
        </label>
        <div className="chips kind-filter" role="group" aria-label={t('parties.kinds')} data-testid="kind-filter">
          <button type="button" className={`chip chip-toggle${recipients ? ' on' : ''}`} aria-pressed={recipients} onClick={() => go({ kind: null, all: null, cursors: null }, true)} data-testid="kind-recipients">
            {t('parties.recipients')}
            {counts && <span className="chip-count"> {recipientCount}</span>}
          </button>
          {kindsShown.map((k) => (
            <button key={k} type="button" className={`chip chip-toggle${kind === k ? ' on' : ''}`} aria-pressed={kind === k} onClick={() => go({ kind: k, all: null, cursors: null }, true)} data-testid={`kind-${k}`}>
              <span className={`dot kind-dot-${k}`} aria-hidden="true" />
              {i.partyKind(k)}
              <span className="chip-count"> {countOf(k)}</span>
            </button>
          ))}
          <button type="button" className={`chip chip-toggle${everyone ? ' on' : ''}`} aria-pressed={everyone} onClick={() => go({ kind: null, all: '1', cursors: null }, true)} data-testid="kind-all">
            {t('parties.everyone')}
            {counts && <span className="chip-count"> {counts.totalCount}</span>}
          </button>
        </div>
      </div>
      {linkedKey && !linkedOnPage && (linkedParty || linkedMissing || linked.error) && (
        <section className="party-linked-section" aria-label={t('parties.linked')} data-testid="linked-party">
          <div className="section-head">
            <h2 className="muted small">{t('parties.linked')}</h2>
            <button type="button" className="btn btn-ghost" onClick={() => navigate(pathname + (params.toString() ? `?${params}` : ''), { replace: true })} data-testid="linked-close">
              {t('common.close')}
            </button>
          </div>
          {linked.error && <ErrorBox error={linked.error} onRetry={linked.reload} />}
          {linkedMissing && <p className="card empty">{t('parties.notFound', { key: linkedKey })}</p>}
          {linkedParty && <PartyCard party={linkedParty} onFlow={openFlow} selectedFlow={selectedFlow} linked />}
        </section>
      )}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!conn && !list.error && <Loading />}
      {conn && (
        // Busy while the next page loads (the previous one stays, dimmed, so nothing jumps).
        <div className={busy ? 'is-loading' : ''} aria-busy={busy} data-testid="parties-results">
          {conn.nodes.length === 0 && <p className="card empty">{t('parties.empty')}</p>}
          <div className="party-list" data-testid="party-list">
            {conn.nodes.map((p) => (
              <PartyCard key={p.key} party={p} onFlow={openFlow} selectedFlow={selectedFlow} linked={p.key === linkedKey} />
            ))}
          </div>
          <nav className="card pager" aria-label={t('parties.pages')}>
            <span className="muted" data-testid="parties-range">{t('parties.range', { from, to, total: conn.totalCount })}</span>
            <PagerButtons cursors={cursors} pageInfo={conn.pageInfo} onCursors={(c) => go({ cursors: c })} />
          </nav>
        </div>
      )}
      {selectedFlow && <FlowPanel key={selectedFlow} flowKey={selectedFlow} onClose={() => go({ flow: null }, true)} />}
    </div>
  );
}

/** The party a fragment names ('#party-umeng' → 'umeng'), or null. */
function partyKeyOf(hash: string): string | null {
  if (!hash.startsWith('#party-')) return null;
  try {
    return decodeURIComponent(hash.slice('#party-'.length)) || null;
  } catch {
    return null;
  }
}
