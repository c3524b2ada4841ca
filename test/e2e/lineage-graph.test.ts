/**
 * PersonalField.lineageGraph over real HTTP against the seeded 进圈 inventory: the text agrees
 * with the field's own lineage, and bad bounds are BAD_USER_INPUT.
 */
import { LineageGraphExportDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore } from '../support/stores';

// With this file's stores closed, the test Neo4j holds nothing (and its admin driver is closed).
afterAll(expectNeo4jLeftEmpty);

describeEachStore('PersonalField.lineageGraph', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: 'jinquan', store: kind });
  });
  afterAll(() => app?.stop());

  it('draws the IMEI downstream as Mermaid: every flow of its lineage, 友盟+ and 北京流体 as third parties', async () => {
    const { personalField } = await app.query(LineageGraphExportDocument, { key: 'imei' });
    const text = personalField!.lineageGraph;
    expect(text.startsWith('---\ntitle: "IMEI (imei) · 敏感:网络身份标识信息 · 下游 · 深度 5"\n---\nflowchart LR\n')).toBe(true);
    expect(text).toMatch(/n\d+\[\["友盟\+<br\/>第三方"\]\]:::thirdParty/);
    expect(text).toMatch(/n\d+\[\["北京流体网络科技有限公司<br\/>第三方"\]\]:::thirdParty/);
    const lineageFlows = new Set(personalField!.lineage.paths.flatMap((p) => p.hops.map((h) => h.key)));
    const drawn = new Set([...text.matchAll(/%% flow (\S+)/g)].map((m) => m[1]));
    expect(drawn).toEqual(lineageFlows);
    // The flow to 友盟+ is a provision: a heavy arrow, labelled with its purposes, basis and consent.
    expect(text).toMatch(/==>\|"统计分析服务、反舞弊功能、浏览查看同城 \+1<br\/>PIPL Art\. 13\(1\)\(1\) · 同意 \(可拒绝\)"\|/);
  });

  it('draws DOT in English, upstream, from a named party, deeper', async () => {
    const { personalField } = await app.query(LineageGraphExportDocument, { key: 'phone-number', format: 'DOT', language: 'EN', direction: 'UPSTREAM', maxDepth: 8, from: 'jinquan-servers' });
    const text = personalField!.lineageGraph;
    expect(text).toContain('digraph "lineage:phone-number" {');
    expect(text).toContain('label="Mobile phone number (phone-number) · not sensitive · Upstream · depth 8"');
    expect(text).toMatch(/"carriers" -> "jinquan-servers" \[id="carriers-servers-one-click-login"/);
    expect(text).toContain('"user" [label="The user and their device\\nData subject"');
    expect(text).not.toContain('"authorities"');
  });

  it('collapses fan-outs when asked, and says when the lineage was truncated', async () => {
    const { personalField: full } = await app.query(LineageGraphExportDocument, { key: 'real-name', collapseAbove: 0 });
    const { personalField: collapsed } = await app.query(LineageGraphExportDocument, { key: 'real-name', collapseAbove: 3 });
    expect(full!.lineageGraph).not.toContain('class ');
    expect(collapsed!.lineageGraph).toMatch(/%% group:jinquan-servers:ENTRUSTED_PARTY: certification-bodies, entrusted-parties/);
    const { personalField: shallow } = await app.query(LineageGraphExportDocument, { key: 'real-name', maxDepth: 1 });
    expect(shallow!.lineage.truncated).toBe(true);
    expect(shallow!.lineageGraph).toContain('truncated["⚠ 部分结果:深度上限 1 或路径上限截断了此谱系"]:::warning');
  });

  it('refuses bounds out of range with BAD_USER_INPUT naming the argument', async () => {
    const depth = await app.send(LineageGraphExportDocument, { key: 'imei', maxDepth: 0 });
    expect(depth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'maxDepth' }] });
    const collapse = await app.send(LineageGraphExportDocument, { key: 'imei', collapseAbove: -1 });
    expect(collapse.errors?.map((e) => e.extensions)).toContainEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ path: 'collapseAbove' })] }));
    const party = await app.send(LineageGraphExportDocument, { key: 'imei', from: 'nobody' });
    expect(party.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'from' }] });
  });
});
