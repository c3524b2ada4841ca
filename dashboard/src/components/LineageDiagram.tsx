/**
 * The lineage diagram: Cytoscape.js laid out left-to-right by dagre. Parties are nodes coloured
 * by kind (third parties strongest), flows are arrows labelled with purposes, legal bases and
 * consent; disclosures are heavy red, back-flows dashed, collapsed fan-outs dashed groups.
 * Loaded lazily: the rest of the dashboard does not pay for Cytoscape.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { GraphNode, LineageGraph } from '../../../src/domain/lineage-graph/build';
import { edgeLabelLines, nodeLabelLines } from '../../../src/domain/lineage-graph/labels';
import { PARTY_KIND_COLORS } from '../../../src/domain/lineage-graph/style';
import type { LabelLanguage } from '../../../src/domain/vocabulary-labels';

cytoscape.use(dagre);

export interface DiagramControls {
  fit(): void;
  zoomBy(factor: number): void;
  png(): Promise<Blob>;
}

export interface LineageDiagramProps {
  graph: LineageGraph;
  lang: LabelLanguage;
  label: string;
  selectedEdge: string | null;
  selectedNode: string | null;
  onSelectEdge: (edgeId: string) => void;
  onSelectNode: (partyKey: string) => void;
  onExpandGroup: (groupId: string) => void;
  controls?: Ref<DiagramControls>;
}

const FONT = '"Inter", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Segoe UI", Roboto, sans-serif';
const NODE_TEXT_MAX = 190;
const NODE_FONT_PX = 12.5;
const LINE_PX = 17;
const DISCLOSING = new Set(['PROVISION', 'TRANSFER', 'PUBLIC_DISCLOSURE']);

let measureContext: CanvasRenderingContext2D | null = null;
function textWidth(text: string, weight = 500): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * NODE_FONT_PX * 0.7;
  measureContext.font = `${weight} ${NODE_FONT_PX}px ${FONT}`;
  return measureContext.measureText(text).width;
}

/** Node box size from its label, wrapping long names at NODE_TEXT_MAX. */
function nodeSize(lines: string[]): { width: number; height: number } {
  let rows = 0;
  let widest = 0;
  for (const line of lines) {
    const w = textWidth(line);
    rows += Math.max(1, Math.ceil(w / NODE_TEXT_MAX));
    widest = Math.max(widest, Math.min(w, NODE_TEXT_MAX));
  }
  return { width: Math.round(widest + 30), height: Math.round(rows * LINE_PX + 18) };
}

/**
 * Lets Cytoscape wrap Chinese text between any two characters (it wraps only at white space
 * and zero-width spaces) while Latin words, article numbers and keys stay whole.
 */
function breakable(text: string): string {
  return text.replace(/([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])(?=\S)/g, '$1\u200b');
}

function kindOf(node: GraphNode) {
  return node.type === 'party' ? node.party.kind : node.kind;
}

export function diagramElements(graph: LineageGraph, lang: LabelLanguage): cytoscape.ElementDefinition[] {
  const nodes = graph.nodes.map((n): cytoscape.ElementDefinition => {
    const lines = nodeLabelLines(n, lang);
    const size = nodeSize(lines);
    const c = PARTY_KIND_COLORS[kindOf(n)];
    return {
      group: 'nodes',
      data: {
        id: n.id,
        label: lines.map(breakable).join('\n'),
        type: n.type,
        kind: kindOf(n),
        fill: c.fill,
        stroke: c.stroke,
        text: c.text,
        width: size.width,
        height: size.height,
        start: n.type === 'party' && n.start ? 1 : 0,
      },
      classes: [n.type === 'group' ? 'group' : 'party', kindOf(n) === 'THIRD_PARTY' ? 'third-party' : ''].filter(Boolean).join(' '),
    };
  });
  const edges = graph.edges.map((e): cytoscape.ElementDefinition => ({
    group: 'edges',
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      label: edgeLabelLines(e, lang, 2, 1).map(breakable).join('\n'),
      flowKeys: e.flows.map((f) => f.key).join(' '),
    },
    classes: [
      e.flows.some((f) => DISCLOSING.has(f.kind)) ? 'disclosing' : '',
      e.closesCycle ? 'cycle' : '',
      e.id.startsWith('group:') ? 'to-group' : '',
    ].filter(Boolean).join(' '),
  }));
  return [...nodes, ...edges];
}

function stylesheet(): cytoscape.StylesheetJson {
  const wrap = 'whitespace';
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': 'data(fill)',
        'border-color': 'data(stroke)',
        'border-width': 1.5,
        label: 'data(label)',
        color: 'data(text)',
        'font-family': FONT,
        'font-size': NODE_FONT_PX,
        'font-weight': 500,
        'line-height': 1.3,
        'text-wrap': 'wrap',
        'text-max-width': `${NODE_TEXT_MAX}px`,
        'text-overflow-wrap': wrap,
        'text-valign': 'center',
        'text-halign': 'center',
        'overlay-opacity': 0,
      },
    },
    { selector: 'node[kind = "DATA_SUBJECT"]', style: { shape: 'ellipse', width: (n: cytoscape.NodeSingular) => Number(n.data('width')) + 24, height: (n: cytoscape.NodeSingular) => Number(n.data('height')) + 8 } },
    { selector: 'node.third-party', style: { 'border-width': 3 } },
    { selector: 'node.group', style: { 'border-style': 'dashed', 'border-width': 2, 'background-opacity': 0.7 } },
    { selector: 'node:selected, node.picked', style: { 'border-color': '#1d4ed8', 'border-width': 3.5, 'underlay-color': '#93c5fd', 'underlay-opacity': 0.45, 'underlay-padding': 5 } },
    { selector: 'node.hover', style: { 'underlay-color': '#94a3b8', 'underlay-opacity': 0.25, 'underlay-padding': 4 } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'control-point-step-size': 56,
        width: 1.6,
        'line-color': '#64748b',
        'target-arrow-color': '#64748b',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 10.5,
        color: '#1e293b',
        'text-wrap': 'wrap',
        'text-max-width': '190px',
        'text-overflow-wrap': wrap,
        'line-height': 1.3,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.94,
        'text-background-padding': '3px',
        'text-background-shape': 'roundrectangle',
        'text-border-color': '#e2e8f0',
        'text-border-width': 1,
        'text-border-opacity': 1,
        'overlay-opacity': 0,
      },
    },
    { selector: 'edge.disclosing', style: { width: 2.6, 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c', color: '#7f1d1d', 'text-border-color': '#fecaca' } },
    { selector: 'edge.cycle', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge.to-group', style: { 'line-style': 'dashed' } },
    { selector: 'edge.hover', style: { width: 4, 'z-index': 9 } },
    { selector: 'edge.picked', style: { width: 4.5, 'line-color': '#1d4ed8', 'target-arrow-color': '#1d4ed8', color: '#1e3a8a', 'text-border-color': '#1d4ed8', 'text-border-width': 1.5, 'z-index': 10, 'font-weight': 600 } },
  ];
}

const PADDING = 28;
const MAX_ZOOM_ON_FIT = 1.15;
/** Below this zoom the labels are too small to read: keep it and pan to what matters instead. */
const MIN_READABLE_ZOOM = 0.8;

/**
 * Sizes the canvas to the drawing: a wide, shallow lineage gets a short canvas instead of a
 * tall empty one, a tall one up to most of the window. Then fits and centres it.
 */
function fitHeight(cy: cytoscape.Core, el: HTMLElement | null, focus?: string | null): void {
  if (el && cy.elements().length > 0) {
    const bb = cy.elements().boundingBox();
    const width = el.clientWidth || 1000;
    const zoom = Math.min(MAX_ZOOM_ON_FIT, (width - 2 * PADDING) / Math.max(bb.w, 1));
    const wanted = bb.h * zoom + 2 * PADDING + 40;
    const max = Math.max(420, window.innerHeight - 220);
    el.style.height = `${Math.round(Math.min(max, Math.max(360, wanted)))}px`;
    cy.resize();
  }
  cy.fit(undefined, PADDING);
  if (cy.zoom() > MAX_ZOOM_ON_FIT) {
    cy.zoom(MAX_ZOOM_ON_FIT);
    cy.center();
  } else if (focus && cy.zoom() < MIN_READABLE_ZOOM) {
    const target = cy.getElementById(focus);
    cy.zoom(MIN_READABLE_ZOOM);
    cy.center(target.empty() ? undefined : target);
  }
}

/**
 * Cytoscape adds an inline <style> element to the page unless an element with this id exists;
 * the server's Content-Security-Policy refuses inline styles, so the one rule it would add is in
 * styles.css and this empty marker stands in for the element.
 */
function allowNoCytoscapeStyleElement(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.prepend(marker);
}

export default function LineageDiagram(props: LineageDiagramProps) {
  const { graph, lang, label, selectedEdge, selectedNode, controls } = props;
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  // Latest callbacks, so the Cytoscape handlers bound once always call the current ones.
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    allowNoCytoscapeStyleElement();
    const cy = cytoscape({
      container: container.current,
      elements: [],
      style: stylesheet(),
      minZoom: 0.15,
      maxZoom: 2.5,
      boxSelectionEnabled: false,
      autoungrabify: false,
      selectionType: 'single',
    });
    cyRef.current = cy;
    cy.on('tap', 'edge', (e) => {
      const id = e.target.id() as string;
      if (id.startsWith('group:')) handlers.current.onExpandGroup(id);
      else handlers.current.onSelectEdge(id);
    });
    cy.on('tap', 'node', (e) => {
      const node = e.target as cytoscape.NodeSingular;
      if (node.data('type') === 'group') handlers.current.onExpandGroup(node.id());
      else handlers.current.onSelectNode(node.id());
    });
    cy.on('mouseover', 'node, edge', (e) => {
      e.target.addClass('hover');
      if (container.current) container.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node, edge', (e) => {
      e.target.removeClass('hover');
      if (container.current) container.current.style.cursor = '';
    });
    // When the width changes (a side panel opens, the window resizes), fit the drawing again.
    let lastWidth = container.current?.clientWidth ?? 0;
    const resize = new ResizeObserver(() => {
      const width = container.current?.clientWidth ?? 0;
      cy.resize();
      if (width !== lastWidth) {
        lastWidth = width;
        // With a panel open, keep the labels readable around what was selected.
        fitHeight(cy, container.current, handlers.current.selectedEdge ?? handlers.current.selectedNode);
      }
    });
    if (container.current) resize.observe(container.current);
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // New graph or language: redraw and lay out again (labels change the node sizes).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(diagramElements(graph, lang));
    });
    const layout = cy.layout({
      name: 'dagre',
      rankDir: 'LR',
      nodeSep: 64,
      rankSep: 230,
      edgeSep: 30,
      padding: 28,
      fit: true,
      animate: false,
    } as cytoscape.LayoutOptions);
    layout.run();
    fitHeight(cy, container.current, handlers.current.selectedEdge ?? handlers.current.selectedNode);
  }, [graph, lang]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements('.picked').removeClass('picked');
    if (selectedEdge) cy.getElementById(selectedEdge).addClass('picked');
    if (selectedNode) cy.getElementById(selectedNode).addClass('picked');
  }, [selectedEdge, selectedNode, graph, lang]);

  useImperativeHandle(controls, () => ({
    fit() {
      const cy = cyRef.current;
      if (cy) fitHeight(cy, container.current);
    },
    zoomBy(factor: number) {
      const cy = cyRef.current;
      if (!cy) return;
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    png() {
      const cy = cyRef.current;
      if (!cy) return Promise.reject(new Error('diagram not ready'));
      return cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
    },
  }));

  return <div ref={container} className="diagram-canvas" role="img" aria-label={label} data-testid="lineage-canvas" />;
}
