/**
 * Parties: every recipient, with what it receives, why, and under which consent, plus its SDK
 * packages. `?kind=` narrows to one kind; `#party-KEY` scrolls to one party.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '../api';
import { FlowPanel } from '../components/panels';
import { ConsentBadge, ErrorBox, FieldChip, Loading, PartyChip, PartyKindBadge } from '../components/ui';
import { PartiesDirectoryDocument, type PartiesDirectoryQuery } from '../generated/graphql';
import { useI18n } from '../i18n';
import { navigate, useLocation, withParams } from '../router';
import { PARTY_KINDS } from '../../../src/domain/vocabulary';

type Party = PartiesDirectoryQuery['parties'][number];
const INTERNAL = new Set(['DATA_SUBJECT', 'FIRST_PARTY']);
/** Independent third parties first: they are where a DPO looks first. */
const KIND_ORDER = ['THIRD_PARTY', 'ENTRUSTED_PARTY', 'AFFILIATE', 'AUTHORITY', 'PUBLIC', 'FIRST_PARTY', 'DATA_SUBJECT'];

export function PartiesPage() {
  const i = useI18n();
  const { t } = i;
  const { pathname, params } = useLocation();
  const kind = params.get('kind');
  const everyone = params.get('all') === '1';
  const selectedFlow = params.get('flow');
  const [search, setSearch] = useState('');
  const { data, error, reload } = useQuery(PartiesDirectoryDocument);

  const parties = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (data?.parties ?? [])
      .filter((p) => (kind ? p.kind === kind : everyone || !INTERNAL.has(p.kind)))
      .filter((p) => !needle || [p.key, p.name, p.nameZh ?? '', ...p.sdkPackages].some((s) => s.toLowerCase().includes(needle)))
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.inbound.length - a.inbound.length || (a.key < b.key ? -1 : 1));
  }, [data, kind, everyone, search]);

  // Deep link: /parties#party-umeng scrolls to that card once the list is there.
  useEffect(() => {
    if (!data || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [data]);

  if (error) return <ErrorBox error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const kindsPresent = [...PARTY_KINDS].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b)).filter((k) => data.parties.some((p) => p.kind === k) && !INTERNAL.has(k));

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
          <input type="search" value={search} placeholder={t('parties.search')} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <div className="chips kind-filter" role="group">
          <button type="button" className={`chip chip-toggle${!kind && !everyone ? ' on' : ''}`} onClick={() => navigate(withParams(pathname, params, { kind: null, all: null }), { replace: true })}>
            {t('parties.recipients')}
          </button>
          {kindsPresent.map((k) => (
            <button key={k} type="button" className={`chip chip-toggle${kind === k ? ' on' : ''}`} onClick={() => navigate(withParams(pathname, params, { kind: k, all: null }), { replace: true })}>
              <span className={`dot kind-dot-${k}`} aria-hidden="true" />
              {i.partyKind(k)}
            </button>
          ))}
          <button type="button" className={`chip chip-toggle${everyone && !kind ? ' on' : ''}`} onClick={() => navigate(withParams(pathname, params, { kind: null, all: '1' }), { replace: true })}>
            {t('parties.everyone')}
          </button>
        </div>
      </div>
      {parties.length === 0 && <p className="card empty">{t('parties.empty')}</p>}
      <div className="party-list">
        {parties.map((p) => (
          <PartyCard key={p.key} party={p} onFlow={(key) => navigate(withParams(pathname, params, { flow: key }))} selectedFlow={selectedFlow} />
        ))}
      </div>
      {selectedFlow && <FlowPanel key={selectedFlow} flowKey={selectedFlow} onClose={() => navigate(withParams(pathname, params, { flow: null }), { replace: true })} />}
    </div>
  );
}

function PartyCard({ party, onFlow, selectedFlow }: { party: Party; onFlow: (key: string) => void; selectedFlow: string | null }) {
  const i = useI18n();
  const { t } = i;
  const fields = new Map<string, Party['inbound'][number]['carriedFields'][number]>();
  for (const f of party.inbound) for (const c of f.carriedFields) fields.set(c.key, c);
  const sensitiveCount = [...fields.values()].filter((f) => f.sensitive).length;
  const sep = i.lang === 'ZH' ? '、' : ', ';
  return (
    <article className={`card party-card party-${party.kind}`} id={`party-${party.key}`} data-testid={`party-${party.key}`}>
      <header className="party-head">
        <div>
          <h2>{i.name(party)}</h2>
          <div className="muted small">
            <span className="mono">{party.key}</span>
            {i.altName(party) && <> · {i.altName(party)}</>}
            {party.country && <> · {party.country}</>}
          </div>
        </div>
        <PartyKindBadge kind={party.kind} />
      </header>
      {party.sdkPackages.length > 0 && (
        <div className="party-sdk">
          <span className="muted small">{t('common.sdk')}:</span>
          {party.sdkPackages.map((s) => <code key={s} className="chip chip-code">{s}</code>)}
        </div>
      )}
      {party.contact && (
        <p className="small"><span className="muted">{t('common.contact')}:</span> <span lang="zh-CN">{party.contact}</span></p>
      )}
      <p className="party-summary">
        {party.inbound.length ? t('parties.summary', { f: fields.size, s: sensitiveCount, n: party.inbound.length }) : <span className="muted">{t('parties.receivesNothing')}</span>}
      </p>
      {party.inbound.length > 0 && (
        <table className="table table-hover compact fixed">
          <colgroup>
            <col style={{ width: '19%' }} />
            <col style={{ width: '39%' }} />
            <col style={{ width: '18%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '13%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t('parties.colFrom')}</th>
              <th>{t('parties.colFields')}</th>
              <th>{t('parties.colPurposes')}</th>
              <th>{t('parties.colConsent')}</th>
              <th>{t('parties.colBasis')}</th>
            </tr>
          </thead>
          <tbody>
            {party.inbound.map((f) => (
              <tr key={f.key} className={f.key === selectedFlow ? 'selected' : ''} onClick={() => onFlow(f.key)} data-testid={`inbound-${f.key}`}>
                <td><PartyChip party={f.from} /></td>
                <td>
                  <div className="chips">
                    {f.carriedFields.map((c) => <FieldChip key={c.key} field={c} />)}
                  </div>
                </td>
                <td className="small">{f.purposes.map((p) => i.name(p)).join(sep) || <span className="warn-text">{t('flow.noPurpose')}</span>}</td>
                <td><ConsentBadge consent={f.consent} optional={f.optional} /></td>
                <td className="small">
                  {f.legalBases.length ? f.legalBases.map((b) => <div key={b.key} className="article" title={i.name(b)}>{b.article}</div>) : <span className="warn-text">{t('flow.noLegalBasis')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
