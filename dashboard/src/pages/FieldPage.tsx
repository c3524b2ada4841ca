/**
 * One field: where it goes and why, as a lineage diagram with its controls (direction, depth,
 * start party, fan-out collapse), the same flows as a table, and the policy's own words.
 * Direction, depth, start, collapse and the open flow or party are kept in the URL.
 */
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '../api';
import type { DiagramControls } from '../components/LineageDiagram';
import { FlowPanel, PartyPanel } from '../components/panels';
import { Banner, ClauseList, ConsentBadge, ErrorBox, FlowKindBadge, Loading, PartyChip, SensitiveBadge } from '../components/ui';
import { FieldLineageDocument, LineageGraphTextDocument, type LineageDirection } from '../generated/graphql';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation, withParams } from '../router';
import { buildLineageGraph, type GraphFlow, type LineageGraph } from '../../../src/domain/lineage-graph/build';
import { PARTY_KIND_COLORS } from '../../../src/domain/lineage-graph/style';
import { PARTY_KINDS } from '../../../src/domain/vocabulary';

const LineageDiagram = lazy(() => import('../components/LineageDiagram'));

const COLLAPSE_CHOICES = [0, 4, 6, 10, 20];
const DEFAULT_COLLAPSE = 6;
const DEFAULT_DEPTH = 5;
const MAX_DEPTH = 20;

export function FieldPage({ fieldKey }: { fieldKey: string }) {
  const i = useI18n();
  const { t } = i;
  const { pathname, params } = useLocation();
  const direction: LineageDirection = params.get('direction') === 'UPSTREAM' ? 'UPSTREAM' : 'DOWNSTREAM';
  const depthParam = Number(params.get('depth'));
  const maxDepth = Number.isInteger(depthParam) && depthParam >= 1 && depthParam <= MAX_DEPTH ? depthParam : DEFAULT_DEPTH;
  const from = params.get('from') || null;
  const collapseParam = Number(params.get('collapse') ?? DEFAULT_COLLAPSE);
  const collapseAbove = COLLAPSE_CHOICES.includes(collapseParam) ? collapseParam : DEFAULT_COLLAPSE;
  const selectedFlow = params.get('flow');
  const selectedParty = params.get('party');
  const set = (changes: Record<string, string | number | null>, replace = true) => navigate(withParams(pathname, params, changes), { replace });

  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => setExpanded([]), [fieldKey, direction, from, collapseAbove]);
  const [exporting, setExporting] = useState<'MERMAID' | 'DOT' | null>(null);
  const controls = useRef<DiagramControls>(null);

  const query = useQuery(FieldLineageDocument, { key: fieldKey, direction, maxDepth, from });
  const field = query.data?.personalField?.key === fieldKey ? query.data.personalField : null;

  const graph: LineageGraph | null = useMemo(() => {
    if (!field) return null;
    return buildLineageGraph(
      {
        field: { key: field.key, name: field.name, nameZh: field.nameZh, sensitive: field.sensitive, sensitiveClass: field.sensitiveClass },
        direction,
        maxDepth,
        truncated: field.lineage.truncated,
        paths: field.lineage.paths,
      },
      { collapseAbove, expanded },
    );
  }, [field, direction, maxDepth, collapseAbove, expanded]);

  const startOptions = useMemo(() => {
    if (!field) return [];
    const parties = new Map<string, (typeof field.flows)[number]['from']>();
    for (const f of field.flows) {
      parties.set(f.from.key, f.from);
      parties.set(f.to.key, f.to);
    }
    return [...parties.values()].sort((a, b) => PARTY_KINDS.indexOf(a.kind) - PARTY_KINDS.indexOf(b.kind) || i.name(a).localeCompare(i.name(b)));
  }, [field, i]);

  /** Every flow drawn, in the order a reader follows the diagram. */
  const tableFlows = useMemo(() => {
    if (!graph) return [];
    const rank = new Map<string, number>();
    for (const n of graph.nodes) {
      if (n.type === 'party') rank.set(n.id, n.rank);
      else for (const m of n.members) rank.set(m.key, n.rank);
    }
    const near = (f: GraphFlow) => (direction === 'DOWNSTREAM' ? f.from.key : f.to.key);
    return graph.edges
      .flatMap((e) => e.flows.map((f) => ({ flow: f, cycle: e.closesCycle })))
      .sort((a, b) => (rank.get(near(a.flow)) ?? 0) - (rank.get(near(b.flow)) ?? 0) || (a.flow.key < b.flow.key ? -1 : 1));
  }, [graph, direction]);

  if (query.error) return <ErrorBox error={query.error} onRetry={query.reload} />;
  if (!query.data || (query.loading && !field)) return <Loading />;
  if (!query.data.personalField) {
    return (
      <div className="card empty-page">
        <h1>{t('field.notFound', { key: fieldKey })}</h1>
        <Link to="/fields" className="btn">← {t('field.back')}</Link>
      </div>
    );
  }
  if (!field || !graph) return <Loading />;

  const thirdParties = field.recipients.filter((r) => r.kind === 'THIRD_PARTY').length;
  const selectFlow = (key: string) => set({ flow: key, party: null }, false);
  const selectParty = (key: string) => set({ party: key, flow: null }, false);
  const closePanel = () => set({ flow: null, party: null });

  const downloadPng = async () => {
    const blob = await controls.current?.png();
    if (blob) download(blob, `${field.key}-lineage-${direction.toLowerCase()}.png`);
  };

  return (
    <div className={`page field-page${selectedFlow || selectedParty ? ' with-drawer' : ''}`} data-testid="field-page">
      <nav className="breadcrumb">
        <Link to="/fields">{t('nav.fields')}</Link> <span aria-hidden="true">/</span> <span>{i.name(field)}</span>
      </nav>

      <header className="card field-head">
        <div className="field-title">
          <h1 data-testid="field-title">{i.name(field)}</h1>
          <span className="mono muted">{field.key}</span>
          {i.altName(field) && <span className="muted">{i.altName(field)}</span>}
          <SensitiveBadge sensitive={field.sensitive} sensitiveClass={field.sensitiveClass} />
        </div>
        <div className="field-meta">
          <span>
            <span className="muted">{t('field.category')}:</span> {i.name(field.category)}
          </span>
          <span>
            {field.recipients.length ? t('field.reaches', { n: field.recipients.length, t: thirdParties }) : t('field.reachesNone')}
          </span>
        </div>
        {field.recipients.length > 0 && (
          <div className="chips">{field.recipients.map((p) => <PartyChip key={p.key} party={p} onClick={() => selectParty(p.key)} />)}</div>
        )}
      </header>

      <div className="toolbar card" role="group" aria-label="Lineage controls">
        <div className="control">
          <span className="control-label">{t('field.direction')}</span>
          <div className="segmented" role="radiogroup">
            {(['DOWNSTREAM', 'UPSTREAM'] as const).map((d) => (
              <button
                key={d}
                type="button"
                role="radio"
                aria-checked={direction === d}
                className={direction === d ? 'on' : ''}
                data-testid={`direction-${d}`}
                onClick={() => set({ direction: d === 'DOWNSTREAM' ? null : d, from: null, flow: null, party: null })}
              >
                {d === 'DOWNSTREAM' ? '→ ' : '← '}
                {i.direction(d)}
              </button>
            ))}
          </div>
        </div>
        <label className="control">
          <span className="control-label">
            {t('field.depth')} <strong data-testid="depth-value">{maxDepth}</strong>
          </span>
          <input type="range" min={1} max={MAX_DEPTH} value={maxDepth} onChange={(e) => set({ depth: Number(e.target.value) === DEFAULT_DEPTH ? null : Number(e.target.value) })} data-testid="depth" />
        </label>
        <label className="control">
          <span className="control-label">{t('field.startAt')}</span>
          <select value={from ?? ''} onChange={(e) => set({ from: e.target.value || null })} data-testid="start-at">
            <option value="">{direction === 'DOWNSTREAM' ? t('field.startDefaultDown') : t('field.startDefaultUp')}</option>
            {startOptions.map((p) => (
              <option key={p.key} value={p.key}>{i.name(p)}</option>
            ))}
          </select>
        </label>
        <label className="control">
          <span className="control-label">{t('field.collapse')}</span>
          <select value={collapseAbove} onChange={(e) => set({ collapse: Number(e.target.value) === DEFAULT_COLLAPSE ? null : Number(e.target.value) })} data-testid="collapse">
            {COLLAPSE_CHOICES.map((n) => (
              <option key={n} value={n}>{n === 0 ? t('field.collapseOff') : n}</option>
            ))}
          </select>
        </label>
        <div className="control control-right">
          <span className="control-label">{t('field.export')}</span>
          <div className="btn-group">
            <button type="button" className="btn" onClick={() => setExporting('MERMAID')} data-testid="export-mermaid">Mermaid</button>
            <button type="button" className="btn" onClick={() => setExporting('DOT')} data-testid="export-dot">DOT</button>
            <button type="button" className="btn" onClick={downloadPng} disabled={graph.nodes.length === 0}>{t('field.exportPng')}</button>
          </div>
        </div>
      </div>

      {graph.truncated && <Banner tone="warning" testId="truncated-banner">{t('field.truncated', { depth: maxDepth })}</Banner>}
      {graph.groups.length > 0 && <Banner tone="info" testId="collapsed-banner">{t('field.collapsed', { n: graph.groups.length, k: collapseAbove })}</Banner>}

      <section className={`card diagram-card${query.loading ? ' is-loading' : ''}`}>
        {graph.nodes.length === 0 ? (
          <p className="empty" data-testid="no-flows">{t('field.noFlows')}</p>
        ) : (
          <>
            <div className="diagram-tools">
              <span className="diagram-caption">
                <strong>{i.name(field)}</strong> · {i.direction(direction)} · {t('field.paths', { n: graph.pathCount })}
              </span>
              <button type="button" className="btn btn-icon" onClick={() => controls.current?.zoomBy(1.25)} title={t('field.zoomIn')} aria-label={t('field.zoomIn')}>+</button>
              <button type="button" className="btn btn-icon" onClick={() => controls.current?.zoomBy(0.8)} title={t('field.zoomOut')} aria-label={t('field.zoomOut')}>−</button>
              <button type="button" className="btn" onClick={() => controls.current?.fit()}>{t('field.fit')}</button>
            </div>
            <Suspense fallback={<Loading />}>
              <LineageDiagram
                graph={graph}
                lang={i.lang}
                label={t('field.diagramLabel', { name: i.name(field) })}
                selectedEdge={selectedFlow}
                selectedNode={selectedParty}
                onSelectEdge={selectFlow}
                onSelectNode={selectParty}
                onExpandGroup={(id) => setExpanded((e) => [...e, id])}
                controls={controls}
              />
            </Suspense>
            <Legend />
          </>
        )}
      </section>

      {tableFlows.length > 0 && (
        <section className="card">
          <header className="card-head">
            <div>
              <h2>{t('field.flowsTable')}</h2>
              <p className="muted small">{t('field.flowsTableHint')}</p>
            </div>
          </header>
          <table className="table table-hover" data-testid="lineage-flows">
            <thead>
              <tr>
                <th>{t('field.colFrom')}</th>
                <th>{t('field.colTo')}</th>
                <th>{t('field.colKind')}</th>
                <th>{t('field.colPurposes')}</th>
                <th>{t('field.colBasis')}</th>
                <th>{t('field.colConsent')}</th>
              </tr>
            </thead>
            <tbody>
              {tableFlows.map(({ flow, cycle }) => (
                <tr key={flow.key} className={flow.key === selectedFlow ? 'selected' : ''} onClick={() => selectFlow(flow.key)} data-testid={`flow-row-${flow.key}`}>
                  <td><PartyChip party={flow.from} /></td>
                  <td>
                    <PartyChip party={flow.to} />
                    {cycle && <span className="muted small"> ↺</span>}
                  </td>
                  <td><FlowKindBadge kind={flow.kind} /></td>
                  <td className="small">{flow.purposes.map((p) => i.name(p)).join(i.lang === 'ZH' ? '、' : ', ') || <span className="warn-text">{t('flow.noPurpose')}</span>}</td>
                  <td className="small">
                    {flow.legalBases.length ? flow.legalBases.map((b) => <div key={b.key} className="article" title={i.name(b)}>{b.article}</div>) : <span className="warn-text">{t('flow.noLegalBasis')}</span>}
                  </td>
                  <td><ConsentBadge consent={flow.consent} optional={flow.optional} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="card">
        <details>
          <summary>
            <h2 className="inline-h2">{t('field.fieldClauses')}</h2> <span className="muted">({field.sources.length})</span>
          </summary>
          <p className="muted small">{t('common.clauseNote')}</p>
          <ClauseList clauses={field.sources} />
        </details>
      </section>

      {selectedFlow && <FlowPanel key={selectedFlow} flowKey={selectedFlow} currentField={field.key} onClose={closePanel} onParty={selectParty} />}
      {selectedParty && !selectedFlow && <PartyPanel key={selectedParty} partyKey={selectedParty} onClose={closePanel} />}
      {exporting && (
        <ExportDialog fieldKey={field.key} format={exporting} onFormat={setExporting} onClose={() => setExporting(null)} variables={{ direction, maxDepth, from }} />
      )}
    </div>
  );
}

function Legend() {
  const i = useI18n();
  const { t } = i;
  return (
    <div className="legend" aria-label={t('legend.title')}>
      {PARTY_KINDS.map((k) => (
        <span key={k} className="legend-item">
          <span className="legend-swatch" style={{ background: PARTY_KIND_COLORS[k].fill, borderColor: PARTY_KIND_COLORS[k].stroke, borderWidth: k === 'THIRD_PARTY' ? 3 : 1.5 }} />
          {i.partyKind(k)}
        </span>
      ))}
      <span className="legend-sep" />
      <span className="legend-item"><span className="legend-line disclosing" />{t('legend.disclosure')}</span>
      <span className="legend-item"><span className="legend-line" />{t('legend.internal')}</span>
      <span className="legend-item"><span className="legend-line dashed" />{t('legend.cycle')}</span>
      <span className="legend-item"><span className="legend-swatch dashed" />{t('legend.group')}</span>
    </div>
  );
}

function ExportDialog({
  fieldKey,
  format,
  variables,
  onFormat,
  onClose,
}: {
  fieldKey: string;
  format: 'MERMAID' | 'DOT';
  variables: { direction: LineageDirection; maxDepth: number; from: string | null };
  onFormat: (f: 'MERMAID' | 'DOT') => void;
  onClose: () => void;
}) {
  const i = useI18n();
  const { t } = i;
  const [copied, setCopied] = useState(false);
  const result = useQuery(LineageGraphTextDocument, { key: fieldKey, format, language: i.lang, ...variables });
  const text = result.data?.personalField?.lineageGraph;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  useEffect(() => setCopied(false), [text]);
  const copy = async () => {
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // no clipboard permission: the text stays selectable in the box
    }
  };
  const cli = `fieldtrail graph ${fieldKey} --format ${format.toLowerCase()}${variables.direction === 'UPSTREAM' ? ' --direction upstream' : ''}${variables.maxDepth !== DEFAULT_DEPTH ? ` --depth ${variables.maxDepth}` : ''}${variables.from ? ` --from ${variables.from}` : ''} --lang ${i.lang.toLowerCase()}`;
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={t('export.title')} onClick={(e) => e.stopPropagation()} data-testid="export-dialog">
        <header className="modal-head">
          <h2>{t('export.title')}</h2>
          <div className="segmented">
            {(['MERMAID', 'DOT'] as const).map((f) => (
              <button key={f} type="button" className={format === f ? 'on' : ''} onClick={() => onFormat(f)}>
                {f === 'MERMAID' ? 'Mermaid' : 'DOT'}
              </button>
            ))}
          </div>
          <button type="button" className="btn btn-icon" onClick={onClose} aria-label={t('common.close')}>✕</button>
        </header>
        <p className="muted small">{t('export.hint', { key: fieldKey, format: format.toLowerCase() })}</p>
        <code className="cli">{cli}</code>
        {result.error && <ErrorBox error={result.error} onRetry={result.reload} />}
        {!text && !result.error && <Loading />}
        {text && <textarea className="export-text" readOnly value={text} spellCheck={false} data-testid="export-text" />}
        <footer className="modal-foot">
          <button type="button" className="btn" onClick={copy} disabled={!text}>{copied ? t('export.copied') : t('export.copy')}</button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!text}
            onClick={() => text && download(new Blob([text], { type: 'text/plain;charset=utf-8' }), `${fieldKey}-lineage.${format === 'DOT' ? 'dot' : 'mmd'}`)}
          >
            {t('export.download')}
          </button>
        </footer>
      </div>
    </div>
  );
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

