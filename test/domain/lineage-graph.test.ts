/**
 * The lineage graph model and its Mermaid / DOT text: pure functions over lineage paths.
 */
import { buildLineageGraph, type GraphFlow, type GraphParty, type LineageGraphInput } from '../../src/domain/lineage-graph/build';
import { toDot } from '../../src/domain/lineage-graph/dot';
import { edgeLabelLines } from '../../src/domain/lineage-graph/labels';
import { toMermaid } from '../../src/domain/lineage-graph/mermaid';

const party = (key: string, kind: GraphParty['kind'], nameZh?: string): GraphParty => ({ key, name: key.toUpperCase(), nameZh, kind });
const user = party('user', 'DATA_SUBJECT', '用户');
const app = party('app', 'FIRST_PARTY', '应用');
const servers = party('servers', 'FIRST_PARTY', '服务器');
const umeng = party('umeng', 'THIRD_PARTY', '友盟+');
const consent = { key: 'consent', name: 'Consent', nameZh: '同意', article: 'PIPL Art. 13(1)(1)' };
const stats = { key: 'stats', name: 'Statistics', nameZh: '统计分析' };

function flow(key: string, from: GraphParty, to: GraphParty, extra: Partial<GraphFlow> = {}): GraphFlow {
  return { key, kind: 'INTERNAL', consent: 'CONSENT', optional: false, from, to, purposes: [stats], legalBases: [consent], ...extra };
}

const collect = flow('collect', user, app, { kind: 'COLLECTION' });
const upload = flow('upload', app, servers);
const share = flow('share', servers, umeng, { kind: 'PROVISION', optional: true });
const syncBack = flow('sync-back', servers, app);

function input(paths: Array<GraphFlow[]>, extra: Partial<LineageGraphInput> = {}): LineageGraphInput {
  return {
    field: { key: 'imei', name: 'IMEI', nameZh: 'IMEI', sensitive: true, sensitiveClass: 'NETWORK_IDENTITY' },
    direction: 'DOWNSTREAM',
    maxDepth: 5,
    truncated: false,
    paths: paths.map((hops) => ({ hops, destination: hops[hops.length - 1].to })),
    ...extra,
  };
}

describe('buildLineageGraph', () => {
  it('draws each party and each flow once however many paths share them, ranked from the start', () => {
    const graph = buildLineageGraph(
      input([
        [collect, upload, share],
        [collect, upload, syncBack],
      ]),
    );
    expect(graph.nodes.map((n) => [n.id, n.rank])).toEqual([
      ['user', 0],
      ['app', 1],
      ['servers', 2],
      ['umeng', 3],
    ]);
    expect(graph.edges.map((e) => [e.id, e.source, e.target])).toEqual([
      ['collect', 'user', 'app'],
      ['share', 'servers', 'umeng'],
      ['sync-back', 'servers', 'app'],
      ['upload', 'app', 'servers'],
    ]);
    expect(graph.nodes.find((n) => n.id === 'user')).toMatchObject({ start: true, end: false });
    expect(graph.nodes.find((n) => n.id === 'umeng')).toMatchObject({ start: false, end: true });
    expect(graph.pathCount).toBe(2);
  });

  it('marks the arrow that leads back to a party already on the path as closing a cycle', () => {
    const graph = buildLineageGraph(input([[collect, upload, syncBack]]));
    expect(graph.edges.filter((e) => e.closesCycle).map((e) => e.id)).toEqual(['sync-back']);
  });

  it('keeps arrows in the data direction upstream, ranking from the sink backwards', () => {
    const graph = buildLineageGraph(
      input([[share, upload, collect]], { direction: 'UPSTREAM', paths: [{ hops: [share, upload, collect], destination: user }] }),
    );
    expect(graph.nodes.map((n) => [n.id, n.rank])).toEqual([
      ['umeng', 0],
      ['servers', 1],
      ['app', 2],
      ['user', 3],
    ]);
    expect(graph.edges.find((e) => e.id === 'share')).toMatchObject({ source: 'servers', target: 'umeng' });
  });

  describe('collapsing fan-outs', () => {
    const vendors = ['a', 'b', 'c'].map((k) => party(`vendor-${k}`, 'THIRD_PARTY'));
    const processors = ['a', 'b'].map((k) => party(`processor-${k}`, 'ENTRUSTED_PARTY'));
    const authority = party('regulator', 'AUTHORITY');
    const fanOut = [...vendors, ...processors, authority].map((to) =>
      flow(`servers-${to.key}`, servers, to, { kind: to.kind === 'ENTRUSTED_PARTY' ? 'ENTRUSTED_PROCESSING' : 'PROVISION' }),
    );
    const paths = fanOut.map((f) => [upload, f]);

    it('groups end-of-line neighbours by kind, largest group first, until the fan-out fits', () => {
      const graph = buildLineageGraph(input(paths), { collapseAbove: 4 });
      // 6 neighbours; 3 vendors become one node: 4 visible, which fits.
      expect(graph.groups.map((g) => [g.id, g.members.map((m) => m.key)])).toEqual([
        ['group:servers:THIRD_PARTY', ['vendor-a', 'vendor-b', 'vendor-c']],
      ]);
      expect(graph.nodes.map((n) => n.id)).not.toContain('vendor-a');
      const groupEdge = graph.edges.find((e) => e.target === 'group:servers:THIRD_PARTY')!;
      expect(groupEdge).toMatchObject({ id: 'group:servers:THIRD_PARTY:flows', source: 'servers' });
      expect(groupEdge.flows.map((f) => f.key)).toEqual(['servers-vendor-a', 'servers-vendor-b', 'servers-vendor-c']);
      // Node and edge ids never collide (Cytoscape needs them unique).
      const ids = [...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)];
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('collapses further when the threshold is lower, never a lone party, and not what was expanded', () => {
      const tight = buildLineageGraph(input(paths), { collapseAbove: 2 });
      expect(tight.groups.map((g) => g.id)).toEqual(['group:servers:THIRD_PARTY', 'group:servers:ENTRUSTED_PARTY']);
      expect(tight.nodes.map((n) => n.id)).toContain('regulator');
      const expanded = buildLineageGraph(input(paths), { collapseAbove: 2, expanded: ['group:servers:THIRD_PARTY'] });
      expect(expanded.groups.map((g) => g.id)).toEqual(['group:servers:ENTRUSTED_PARTY']);
      expect(expanded.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['vendor-a', 'vendor-b', 'vendor-c']));
    });

    it('never hides a party the field goes on from, or one someone else also feeds', () => {
      const onward = flow('vendor-a-onward', vendors[0], party('sub-processor', 'ENTRUSTED_PARTY'));
      const alsoFed = flow('app-vendor-b', app, vendors[1]);
      const graph = buildLineageGraph(input([...paths, [upload, fanOut[0], onward], [alsoFed]]), { collapseAbove: 2 });
      const hidden = graph.groups.flatMap((g) => g.members.map((m) => m.key));
      expect(hidden).not.toContain('vendor-a');
      expect(hidden).not.toContain('vendor-b');
    });

    it('does nothing without a threshold', () => {
      expect(buildLineageGraph(input(paths)).groups).toEqual([]);
    });
  });
});

describe('labels', () => {
  it('an arrow reads purposes, then legal bases and consent, with optional flows marked', () => {
    const [edge] = buildLineageGraph(input([[share]])).edges;
    expect(edgeLabelLines(edge, 'ZH')).toEqual(['统计分析', 'PIPL Art. 13(1)(1) · 同意 (可拒绝)']);
    expect(edgeLabelLines(edge, 'EN')).toEqual(['Statistics', 'PIPL Art. 13(1)(1) · Consent (optional)']);
  });

  it('says so when a flow states no purpose or legal basis, and shortens long lists', () => {
    const bare = flow('bare', servers, umeng, { purposes: [], legalBases: [], consent: 'NONE' });
    expect(edgeLabelLines(buildLineageGraph(input([[bare]])).edges[0], 'EN')).toEqual(['no purpose stated', 'no legal basis stated · No consent needed']);
    const many = flow('many', servers, umeng, {
      purposes: ['a', 'b', 'c', 'd'].map((k) => ({ key: k, name: k.toUpperCase() })),
      legalBases: [consent, { key: 'law', name: 'Law', article: 'PIPL Art. 13(1)(3)' }],
    });
    expect(edgeLabelLines(buildLineageGraph(input([[many]])).edges[0], 'EN', 2, 1)).toEqual(['A, B +2', 'PIPL Art. 13(1)(1) +1 · Consent']);
  });
});

describe('toMermaid', () => {
  it('writes a flowchart: titled, parties shaped and classed by kind, disclosures heavy, cycles dotted', () => {
    const text = toMermaid(buildLineageGraph(input([[collect, upload, share], [collect, upload, syncBack]])), 'ZH');
    expect(text).toBe(
      [
        '---',
        'title: "IMEI (imei) · 敏感:网络身份标识信息 · 下游 · 深度 5"',
        '---',
        'flowchart LR',
        '  %% FieldTrail lineage of personal field "imei": DOWNSTREAM, maxDepth 5, 2 path(s)',
        '  %% party user',
        '  n1(["用户<br/>个人信息主体"]):::subject',
        '  %% party app',
        '  n2["应用<br/>个人信息处理者"]:::firstParty',
        '  %% party servers',
        '  n3["服务器<br/>个人信息处理者"]:::firstParty',
        '  %% party umeng',
        '  n4[["友盟+<br/>第三方"]]:::thirdParty',
        '  %% flow collect',
        '  n1 -->|"统计分析<br/>PIPL Art. 13(1)(1) · 同意"| n2',
        '  %% flow share',
        '  n3 ==>|"统计分析<br/>PIPL Art. 13(1)(1) · 同意 (可拒绝)"| n4',
        '  %% flow sync-back',
        '  n3 -.->|"统计分析<br/>PIPL Art. 13(1)(1) · 同意<br/>↺ 回流"| n2',
        '  %% flow upload',
        '  n2 -->|"统计分析<br/>PIPL Art. 13(1)(1) · 同意"| n3',
        '  classDef subject fill:#eef2ff,stroke:#4f46e5,color:#1e1b4b',
        '  classDef firstParty fill:#e0f2fe,stroke:#0369a1,color:#0c4a6e',
        '  classDef affiliate fill:#ecfeff,stroke:#0e7490,color:#164e63',
        '  classDef entrusted fill:#fef3c7,stroke:#b45309,color:#78350f',
        '  classDef thirdParty fill:#fee2e2,stroke:#b91c1c,color:#7f1d1d,stroke-width:2px',
        '  classDef authority fill:#f3e8ff,stroke:#7e22ce,color:#3b0764',
        '  classDef public fill:#ffedd5,stroke:#c2410c,color:#7c2d12',
        '  classDef group stroke-dasharray:5 3',
        '  classDef warning fill:#fff7ed,stroke:#c2410c,color:#7c2d12',
        '',
      ].join('\n'),
    );
  });

  it('escapes what Mermaid would parse inside labels, and says when the lineage is partial', () => {
    const tricky = party('tricky', 'THIRD_PARTY');
    tricky.name = 'A "quoted" <b>vendor</b> #1';
    const text = toMermaid(buildLineageGraph(input([[flow('x', servers, tricky)]], { truncated: true })), 'EN');
    expect(text).toContain('n2[["A #quot;quoted#quot; #lt;b#gt;vendor#lt;/b#gt; #35;1<br/>Third party"]]:::thirdParty');
    expect(text).toContain('truncated["⚠ Partial: maxDepth 5 or the path cap cut this lineage short"]:::warning');
    expect(text).toContain(', TRUNCATED');
  });

  it('draws a note when no flow carries the field', () => {
    expect(toMermaid(buildLineageGraph(input([])), 'EN')).toContain('empty["No data flow carries this field"]');
  });

  it('draws a collapsed group as one dashed node listing its members', () => {
    const vendors = ['a', 'b', 'c'].map((k) => party(`v-${k}`, 'THIRD_PARTY', `供应商${k}`));
    const text = toMermaid(buildLineageGraph(input(vendors.map((v) => [flow(`s-${v.key}`, servers, v, { kind: 'PROVISION' })])), { collapseAbove: 1 }), 'ZH');
    expect(text).toContain('n2["3 个第三方<br/>供应商a、供应商b、供应商c"]:::thirdParty');
    expect(text).toContain('class n2 group');
    expect(text).toContain('n1 ==>|"统计分析<br/>PIPL Art. 13(1)(1) · 同意"| n2');
  });
});

describe('toDot', () => {
  it('writes a Graphviz digraph with quoted ids, coloured kinds and flow ids on the arrows', () => {
    const text = toDot(buildLineageGraph(input([[upload, share]])), 'EN');
    expect(text).toBe(
      [
        '// FieldTrail lineage of personal field "imei": DOWNSTREAM, maxDepth 5, 1 path(s)',
        'digraph "lineage:imei" {',
        '  graph [rankdir=LR, label="IMEI (imei) · sensitive: Network identity · Downstream · depth 5", labelloc=t, fontsize=16, fontname="Noto Sans CJK SC,Helvetica,Arial,sans-serif", nodesep=0.4, ranksep=1.2];',
        '  node [shape=box, style="rounded,filled", fontsize=12, fontname="Noto Sans CJK SC,Helvetica,Arial,sans-serif", penwidth=1.2];',
        '  edge [fontsize=10, fontname="Noto Sans CJK SC,Helvetica,Arial,sans-serif", color="#475569", fontcolor="#334155"];',
        '  "app" [label="APP\\nFirst party", fillcolor="#e0f2fe", color="#0369a1", fontcolor="#0c4a6e", tooltip="app"];',
        '  "servers" [label="SERVERS\\nFirst party", fillcolor="#e0f2fe", color="#0369a1", fontcolor="#0c4a6e", tooltip="servers"];',
        '  "umeng" [label="UMENG\\nThird party", fillcolor="#fee2e2", color="#b91c1c", fontcolor="#7f1d1d", tooltip="umeng", penwidth=2.4];',
        '  "servers" -> "umeng" [id="share", label="Statistics\\nPIPL Art. 13(1)(1) · Consent (optional)", tooltip="share", penwidth=2, color="#b91c1c"];',
        '  "app" -> "servers" [id="upload", label="Statistics\\nPIPL Art. 13(1)(1) · Consent", tooltip="upload"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes, backslashes and newlines, and dashes cycle arrows', () => {
    const odd = party('odd"key', 'PUBLIC');
    odd.name = 'C:\\path "x"';
    const text = toDot(buildLineageGraph(input([[collect, upload, syncBack], [flow('pub', servers, odd)]])), 'EN');
    expect(text).toContain('"odd\\"key" [label="C:\\\\path \\"x\\"\\nThe public"');
    expect(text).toMatch(/"servers" -> "app" \[id="sync-back", [^\n]*style=dashed, constraint=false/);
  });
});
