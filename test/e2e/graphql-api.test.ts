/**
 * The GraphQL contract over real HTTP on a loopback port, against each real store (the embedded
 * SQLite and, when configured, the project's Neo4j).
 */
import {
  AuditLogDocument,
  DataFlowsDocument,
  DeletePartyDocument,
  DeletePersonalFieldDocument,
  ExportInventoryDocument,
  FieldDetailDocument,
  FieldListDocument,
  ImportInventoryDocument,
  PartiesDocument,
  UpsertDataFlowDocument,
  UpsertPersonalFieldDocument,
} from '../generated/graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { startTestApp, type TestApp } from '../support/app';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore } from '../support/stores';

const manifest = {
  documents: [{
    key: 'doc', title: 'Policy', updatedAt: '2021-08-31', effectiveAt: '2021-09-01',
    clauses: [{ ref: '一.1', text: 'We collect device identifiers.' }, { ref: '二.1', text: 'We share with vendors.' }],
  }],
  categories: [
    { key: 'device', name: 'Device', nameZh: '设备信息' },
    { key: 'ids', name: 'Identifiers', nameZh: '唯一设备识别码', parent: 'device', sensitive: true, sensitiveClass: 'NETWORK_IDENTITY' },
  ],
  fields: [
    { key: 'imei', name: 'IMEI', category: 'ids', sources: ['doc#一.1'] },
    { key: 'model', name: 'Device model', nameZh: '设备型号', category: 'device' },
    { key: 'mac', name: 'MAC address', category: 'ids', sensitive: false },
  ],
  purposes: [{ key: 'stats', name: 'Statistics', nameZh: '统计分析', functionType: 'EXTENDED' }],
  permissions: [{ key: 'android.permission.READ_PHONE_STATE', name: 'Phone state', nameZh: '电话状态' }],
  legalBases: [{ key: 'consent', name: 'Consent', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(1)' }],
  parties: [
    { key: 'user', name: 'User', kind: 'DATA_SUBJECT', country: 'CN' },
    { key: 'app', name: 'App', kind: 'FIRST_PARTY', country: 'CN' },
    { key: 'servers', name: 'Servers', kind: 'FIRST_PARTY', country: 'CN' },
    { key: 'umeng', name: 'Umeng', nameZh: '友盟+', kind: 'THIRD_PARTY', country: 'CN', sdkPackages: ['com.umeng'] },
    { key: 'overseas', name: 'Overseas analytics', kind: 'ENTRUSTED_PARTY', country: 'SG' },
  ],
  flows: [
    { key: 'collect', from: 'user', to: 'app', kind: 'COLLECTION', categories: ['device'], purposes: ['stats'],
      permissions: ['android.permission.READ_PHONE_STATE'], legalBases: ['consent'], consent: 'CONSENT', optional: false, sources: ['doc#一.1'] },
    { key: 'upload', from: 'app', to: 'servers', kind: 'INTERNAL', fields: ['imei', 'model'], purposes: ['stats'], consent: 'NONE', optional: false },
    { key: 'sync-back', from: 'servers', to: 'app', kind: 'INTERNAL', fields: ['imei'], consent: 'NONE', optional: false },
    { key: 'share', from: 'servers', to: 'umeng', kind: 'PROVISION', fields: ['imei'], purposes: ['stats'], legalBases: ['consent'],
      consent: 'CONSENT', optional: true, retention: { description: 'Until the purpose is met', maximum: 'P6M' }, sources: ['doc#二.1'] },
    { key: 'abroad', from: 'umeng', to: 'overseas', kind: 'ENTRUSTED_PROCESSING', fields: ['imei'], purposes: ['stats'], consent: 'CONSENT', optional: true },
  ],
};

// With this file's stores closed, the test Neo4j holds nothing (and its admin driver is closed).
afterAll(expectNeo4jLeftEmpty);

describeEachStore('GraphQL API', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: manifest, store: kind });
  });
  afterAll(() => app?.stop());

  async function exported(): Promise<unknown> {
    return (await app.query(ExportInventoryDocument)).exportInventory;
  }

  describe('queries', () => {
    it('answers where a field goes and why', async () => {
      const { personalField: f } = await app.query(FieldDetailDocument, { key: 'imei' });
      expect(f).not.toBeNull();
      expect(f!.sensitive).toBe(true);
      expect(f!.sensitiveClass).toBe('NETWORK_IDENTITY');
      expect(f!.category).toMatchObject({ key: 'ids', parent: { key: 'device' } });
      expect(f!.flows.map((x) => x.key).sort()).toEqual(['abroad', 'collect', 'share', 'sync-back', 'upload']);
      expect(f!.recipients.map((r) => r.key)).toEqual(['overseas', 'umeng']);
      expect(f!.recipients.find((r) => r.key === 'umeng')!.sdkPackages).toEqual(['com.umeng']);
      expect(f!.purposes.map((p) => p.key)).toEqual(['stats']);
      expect(f!.permissions.map((p) => p.key)).toEqual(['android.permission.READ_PHONE_STATE']);
      expect(f!.legalBases.map((l) => l.article)).toEqual(['PIPL Art. 13(1)(1)']);
      expect(f!.sources).toEqual([{ ref: '一.1', text: 'We collect device identifiers.', citation: 'doc#一.1', document: { key: 'doc', title: 'Policy' } }]);
      const share = f!.flows.find((x) => x.key === 'share')!;
      expect(share).toMatchObject({ consent: 'CONSENT', optional: true, crossBorder: false, retention: { maximum: 'P6M', minimum: null } });
      expect(f!.flows.find((x) => x.key === 'abroad')!.crossBorder).toBe(true);
    });

    it('inherits sensitivity from the category unless the field overrides it', async () => {
      const mac = (await app.query(FieldDetailDocument, { key: 'mac' })).personalField!;
      expect([mac.sensitive, mac.sensitiveClass]).toEqual([false, null]);
      const model = (await app.query(FieldDetailDocument, { key: 'model' })).personalField!;
      expect(model.sensitive).toBe(false);
    });

    it('traces field-level lineage downstream, cycle-safe', async () => {
      const { personalField } = await app.query(FieldDetailDocument, { key: 'imei', maxDepth: 10 });
      const paths = personalField!.lineage.paths.map((p) => `${p.hops.map((h) => h.key).join('>')}=>${p.destination.key}`);
      expect(paths.sort()).toEqual(['collect>upload>share>abroad=>overseas', 'collect>upload>sync-back=>app']);
      expect(personalField!.lineage.truncated).toBe(false);
    });

    it('continues a path only through flows that carry the same field', async () => {
      const { personalField } = await app.query(FieldDetailDocument, { key: 'model' });
      const paths = personalField!.lineage.paths.map((p) => p.hops.map((h) => h.key).join('>'));
      expect(paths).toEqual(['collect>upload']);
    });

    it('marks a lineage cut short by maxDepth as truncated', async () => {
      const { personalField } = await app.query(FieldDetailDocument, { key: 'imei', maxDepth: 2 });
      expect(personalField!.lineage.truncated).toBe(true);
      expect(personalField!.lineage.paths.every((p) => p.hops.length <= 2)).toBe(true);
    });

    it('walks upstream from a named party', async () => {
      const { personalField } = await app.query(FieldDetailDocument, { key: 'imei', direction: 'UPSTREAM', from: 'umeng' });
      const paths = personalField!.lineage.paths.map((p) => `${p.hops.map((h) => h.key).join('<')}=>${p.destination.key}`);
      expect(paths).toEqual(['share<upload<collect=>user', 'share<upload<sync-back=>servers']);
    });

    it.each([0, 21, -1])('rejects maxDepth %i with BAD_USER_INPUT', async (maxDepth) => {
      const res = await app.send(FieldDetailDocument, { key: 'imei', maxDepth });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain('maxDepth');
    });

    it('pages through fields with cursors and filters', async () => {
      const first = (await app.query(FieldListDocument, { first: 2 })).personalFields;
      expect(first.totalCount).toBe(3);
      expect(first.nodes.map((n) => n.key)).toEqual(['imei', 'mac']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = (await app.query(FieldListDocument, { first: 2, after: first.pageInfo.endCursor })).personalFields;
      expect(rest.nodes.map((n) => n.key)).toEqual(['model']);
      expect(rest.pageInfo.hasNextPage).toBe(false);
      expect(rest.edges[0].cursor).toBe(rest.pageInfo.endCursor);

      const list = async (filter: object) => (await app.query(FieldListDocument, { filter })).personalFields.nodes.map((n) => n.key);
      expect(await list({ search: '设备' })).toEqual(['model']);
      expect(await list({ search: 'IME' })).toEqual(['imei']);
      expect(await list({ sensitive: true })).toEqual(['imei']);
      expect(await list({ categoryKey: 'device' })).toEqual(['imei', 'mac', 'model']);
      expect(await list({ recipientKey: 'umeng' })).toEqual(['imei']);
      expect(await list({ permissionKey: 'android.permission.READ_PHONE_STATE' })).toEqual(['imei', 'mac', 'model']);
      expect(await list({ purposeKey: 'stats', sensitive: false })).toEqual(['mac', 'model']);
    });

    it('rejects a cursor it did not issue and an oversized page', async () => {
      const bad = await app.send(FieldListDocument, { after: 'not a cursor!' });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const big = await app.send(FieldListDocument, { first: 100000 });
      expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('rejects an audit-log cursor it did not issue, naming `after`, rather than answer an empty page', async () => {
      const first = (await app.query(AuditLogDocument, { first: 1 })).auditLog;
      expect(first.pageInfo.endCursor).not.toBeNull();
      expect((await app.send(AuditLogDocument, { first: 1, after: first.pageInfo.endCursor })).errors).toBeUndefined();
      for (const after of ['not a cursor!', 'abc', '-1', '1.5', '99999999999999999999']) {
        const res = await app.send(AuditLogDocument, { after });
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions?.problems).toEqual([{ path: 'after', message: expect.stringContaining('is not a cursor this API issued') }]);
        expect(res.data).toBeNull();
      }
    });


    it('filters flows and parties', async () => {
      const flows = async (filter: object) => (await app.query(DataFlowsDocument, { filter })).dataFlows.nodes.map((n) => n.key);
      expect(await flows({ crossBorder: true })).toEqual(['abroad']);
      expect(await flows({ fieldKey: 'mac' })).toEqual(['collect']);
      expect(await flows({ kind: 'INTERNAL' })).toEqual(['sync-back', 'upload']);
      expect(await flows({ fromKey: 'servers', purposeKey: 'stats' })).toEqual(['share']);
      const collect = (await app.query(DataFlowsDocument, { filter: { toKey: 'app', kind: 'COLLECTION' } })).dataFlows.nodes[0];
      expect(collect.carriedFields.map((f) => f.key)).toEqual(['imei', 'mac', 'model']);
      expect(collect.categories.map((c) => c.key)).toEqual(['device']);

      const parties = (await app.query(PartiesDocument, { filter: { search: '友盟' } })).parties;
      expect(parties.map((p) => p.key)).toEqual(['umeng']);
      expect(parties[0].receivedFields.map((f) => f.key)).toEqual(['imei']);
      const third = (await app.query(PartiesDocument, { filter: { kind: 'THIRD_PARTY' } })).parties;
      expect(third.map((p) => p.key)).toEqual(['umeng']);
    });

    it('pages parties and counts parties and flows per kind, every kind listed', async () => {
      type Counts = Array<{ kind: string; count: number }>;
      const overview = parse(`query ($after: String) {
        partiesConnection(first: 2, after: $after) { totalCount countsByKind { kind count } pageInfo { hasNextPage endCursor } nodes { key } }
        dataFlows(first: 0) { totalCount countsByKind { kind count } }
        crossBorder: dataFlows(first: 0, filter: { crossBorder: true }) { totalCount countsByKind { kind count } }
      }`) as TypedDocumentNode<{
        partiesConnection: { totalCount: number; countsByKind: Counts; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ key: string }> };
        dataFlows: { totalCount: number; countsByKind: Counts };
        crossBorder: { totalCount: number; countsByKind: Counts };
      }, { after?: string | null }>;
      const all = (await app.query(PartiesDocument, {})).parties;
      const first = await app.query(overview, {});
      expect(first.partiesConnection.nodes.map((p) => p.key)).toEqual(all.slice(0, 2).map((p) => p.key));
      expect(first.partiesConnection.totalCount).toBe(all.length);
      const second = await app.query(overview, { after: first.partiesConnection.pageInfo.endCursor });
      expect(second.partiesConnection.nodes.map((p) => p.key)).toEqual(all.slice(2, 4).map((p) => p.key));
      const partyCounts = first.partiesConnection.countsByKind;
      expect(partyCounts.map((c) => c.kind)).toEqual(['DATA_SUBJECT', 'FIRST_PARTY', 'AFFILIATE', 'ENTRUSTED_PARTY', 'THIRD_PARTY', 'AUTHORITY', 'PUBLIC']);
      for (const c of partyCounts) expect(c.count).toBe(all.filter((p) => p.kind === c.kind).length);
      const flows = (await app.query(DataFlowsDocument, { first: 100 })).dataFlows.nodes;
      for (const c of first.dataFlows.countsByKind) expect(c.count).toBe(flows.filter((f) => f.kind === c.kind).length);
      expect(first.dataFlows.countsByKind.reduce((n, c) => n + c.count, 0)).toBe(first.dataFlows.totalCount);
      expect(first.crossBorder.countsByKind.reduce((n, c) => n + c.count, 0)).toBe(first.crossBorder.totalCount);
    });

    it('refuses a parties cursor it did not issue', async () => {
      const res = await app.send(parse('{ partiesConnection(after: "not-a-cursor") { totalCount } }') as TypedDocumentNode<unknown, Record<string, never>>, {});
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('filters parties by several kinds and finds them by SDK package name; counts agree with the list', async () => {
      type Conn = { totalCount: number; countsByKind: Array<{ kind: string; count: number }>; nodes: Array<{ key: string }> };
      const doc = parse(`query ($filter: PartyFilter) {
        partiesConnection(filter: $filter, first: 10) { totalCount countsByKind { kind count } nodes { key } }
        parties(filter: $filter) { key }
      }`) as TypedDocumentNode<{ partiesConnection: Conn; parties: Array<{ key: string }> }, { filter: Record<string, unknown> }>;
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ kinds: ['THIRD_PARTY', 'ENTRUSTED_PARTY'] }, ['overseas', 'umeng']],
        [{ search: 'COM.UMENG' }, ['umeng']],
        [{ search: 'com.umeng', kinds: ['FIRST_PARTY'] }, []],
      ];
      for (const [filter, expected] of cases) {
        const res = await app.query(doc, { filter });
        expect(res.partiesConnection.nodes.map((p) => p.key)).toEqual(expected);
        expect(res.parties.map((p) => p.key)).toEqual(expected);
        expect(res.partiesConnection.totalCount).toBe(expected.length);
        expect(res.partiesConnection.countsByKind.reduce((n, c) => n + c.count, 0)).toBe(expected.length);
      }
    });

    it.each([
      [{ kind: 'THIRD_PARTY', kinds: ['THIRD_PARTY'] }, /kind or kinds, not both/],
      [{ kinds: [] }, /at least one kind/],
    ])('refuses the party filter %j with BAD_USER_INPUT naming filter.kinds', async (filter, message) => {
      for (const query of ['query ($filter: PartyFilter) { partiesConnection(filter: $filter) { totalCount } }', 'query ($filter: PartyFilter) { parties(filter: $filter) { key } }']) {
        const res = await app.send(parse(query) as TypedDocumentNode<unknown, { filter: Record<string, unknown> }>, { filter });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0]?.extensions?.problems).toEqual([{ path: 'filter.kinds', message: expect.stringMatching(message) }]);
        expect(res.errors?.[0]?.message).toMatch(/invalid party filter/);
      }
    });

    it('answers null for a field that does not exist', async () => {
      expect((await app.query(FieldDetailDocument, { key: 'nope' })).personalField).toBeNull();
    });
  });

  describe('mutations', () => {
    it('rejects an invalid import naming every problem, and writes nothing', async () => {
      const before = await exported();
      const res = await app.send(ImportInventoryDocument, {
        manifest: {
          fields: [{ key: 'new-field', name: 'New', category: 'no-such-category' }],
          flows: [{ key: 'f', from: 'user', to: 'app', kind: 'SIDEWAYS', consent: 'CONSENT', optional: true, fields: ['imei'] }],
        },
      });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const problems = res.errors?.[0].extensions?.problems as Array<{ path: string }>;
      expect(problems.map((p) => p.path)).toEqual(['flows[0].kind']);
      const refs = await app.send(ImportInventoryDocument, {
        manifest: {
          fields: [{ key: 'new-field', name: 'New', category: 'no-such-category' }],
          flows: [{ key: 'f', from: 'user', to: 'nobody', consent: 'CONSENT', kind: 'COLLECTION', optional: true, fields: ['imei', 'ghost'] }],
        },
      });
      const refProblems = (refs.errors?.[0].extensions?.problems as Array<{ path: string; message: string }>).map((p) => `${p.path}: ${p.message}`);
      expect(refProblems).toEqual([
        'fields[0].category: unknown category "no-such-category"',
        'flows[0].to: unknown party "nobody"',
        'flows[0].fields[1]: unknown field "ghost"',
      ]);
      expect(await exported()).toEqual(before);
    });

    it('merges a valid import that references stored nodes', async () => {
      const res = await app.query(ImportInventoryDocument, {
        manifest: { fields: [{ key: 'oaid', name: 'OAID', category: 'ids' }] },
        mode: 'MERGE',
      });
      expect(res.importInventory).toMatchObject({ mode: 'MERGE', fields: 1, removed: 0 });
      const f = (await app.query(FieldDetailDocument, { key: 'oaid' })).personalField!;
      expect(f.sensitiveClass).toBe('NETWORK_IDENTITY');
      // The collection flow names the whole device category, so the new field is carried at once.
      expect(f.flows.map((x) => x.key)).toEqual(['collect']);
      await app.query(DeletePersonalFieldDocument, { key: 'oaid' });
    });

    it('upserts a field whole and rejects one pointing at nothing', async () => {
      const ok = await app.query(UpsertPersonalFieldDocument, { input: { key: 'imsi', name: 'IMSI', category: 'ids', sources: ['doc#一.1'] } });
      expect(ok.upsertPersonalField).toEqual({ key: 'imsi', name: 'IMSI', category: { key: 'ids' }, sensitive: true, sensitiveClass: 'NETWORK_IDENTITY' });
      const renamed = await app.query(UpsertPersonalFieldDocument, { input: { key: 'imsi', name: 'IMSI number', category: 'device' } });
      expect(renamed.upsertPersonalField).toMatchObject({ name: 'IMSI number', sensitive: false });

      const before = await exported();
      const bad = await app.send(UpsertPersonalFieldDocument, { input: { key: 'imsi', name: 'IMSI', category: 'ghost', sources: ['doc#九.9'] } });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((bad.errors?.[0].extensions?.problems as Array<{ path: string }>).map((p) => p.path)).toEqual(['category', 'sources[0]']);
      expect(await exported()).toEqual(before);
      expect((await app.query(DeletePersonalFieldDocument, { key: 'imsi' })).deletePersonalField).toBe(true);
    });

    it('upserts a flow and checks its references', async () => {
      const res = await app.query(UpsertDataFlowDocument, {
        input: { key: 'mac-share', from: 'servers', to: 'umeng', kind: 'PROVISION', fields: ['mac'], purposes: ['stats'], consent: 'CONSENT', optional: true },
      });
      expect(res.upsertDataFlow).toEqual({ key: 'mac-share', from: { key: 'servers' }, to: { key: 'umeng' }, fields: [{ key: 'mac' }], purposes: [{ key: 'stats' }] });
      const bad = await app.send(UpsertDataFlowDocument, {
        input: { key: 'mac-share', from: 'servers', to: 'servers', kind: 'PROVISION', fields: [], consent: 'CONSENT', optional: true },
      });
      expect((bad.errors?.[0].extensions?.problems as Array<{ path: string }>).map((p) => p.path).sort()).toEqual(['fields', 'to']);
    });

    it('upserts a policy document with its clauses, and deletes it', async () => {
      type Clause = { ref: string; title: string | null; text: string; citation: string };
      const upsert = parse(`mutation ($input: PolicyDocumentInput!) {
        upsertPolicyDocument(input: $input) { key title clauses { ref title text citation } }
      }`) as TypedDocumentNode<{ upsertPolicyDocument: { key: string; title: string; clauses: Clause[] } }, { input: object }>;
      const remove = parse('mutation ($key: ID!) { deletePolicyDocument(key: $key) }') as TypedDocumentNode<{ deletePolicyDocument: boolean }, { key: string }>;
      const input = {
        key: 'sdk-notice', title: 'SDK notice', updatedAt: '2022-01-01', effectiveAt: '2022-01-02',
        clauses: [{ ref: '1', title: 'Scope', text: 'Which SDKs we embed.' }, { ref: '2', title: null, text: 'What they collect.' }],
      };
      const { upsertPolicyDocument: doc } = await app.query(upsert, { input });
      expect(doc).toEqual({
        key: 'sdk-notice', title: 'SDK notice',
        clauses: [
          { ref: '1', title: 'Scope', text: 'Which SDKs we embed.', citation: 'sdk-notice#1' },
          { ref: '2', title: null, text: 'What they collect.', citation: 'sdk-notice#2' },
        ],
      });
      expect((await app.query(remove, { key: 'sdk-notice' })).deletePolicyDocument).toBe(true);
      expect((await app.send(remove, { key: 'sdk-notice' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });


    it('refuses to delete what is still referenced, naming the referrers', async () => {
      const before = await exported();
      const res = await app.send(DeletePartyDocument, { key: 'umeng' });
      expect(res.errors?.[0].extensions?.code).toBe('REFERENCED');
      expect(res.errors?.[0].extensions?.referrers).toEqual(['flow:abroad', 'flow:mac-share', 'flow:share']);
      expect(res.errors?.[0].message).toContain('flow:share');
      expect(await exported()).toEqual(before);
    });

    it('says NOT_FOUND when deleting what does not exist', async () => {
      const res = await app.send(DeletePersonalFieldDocument, { key: 'ghost' });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('replaces the whole inventory on REPLACE', async () => {
      const res = await app.query(ImportInventoryDocument, { manifest, mode: 'REPLACE' });
      expect(res.importInventory.mode).toBe('REPLACE');
      expect(res.importInventory.removed).toBeGreaterThan(0);
      const parties = (await app.query(PartiesDocument, {})).parties.map((p) => p.key);
      expect(parties).toEqual(['app', 'overseas', 'servers', 'umeng', 'user']);
      expect((await app.query(DataFlowsDocument, { filter: { fieldKey: 'mac' } })).dataFlows.nodes.map((f) => f.key)).toEqual(['collect']);
    });
  });

  describe('HTTP', () => {
    it('answers health checks and 404s elsewhere', async () => {
      const base = app.server.url.replace(/\/graphql$/, '');
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', store: kind });
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    });

    it('rejects a body that is not JSON with 400', async () => {
      const res = await fetch(app.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(res.status).toBe(400);
    });

    it('reports GraphQL validation errors without internals', async () => {
      const res = await fetch(app.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ personalField(key: "imei") { noSuchField } }' }) });
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string; stacktrace?: unknown } }> };
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0].extensions.stacktrace).toBeUndefined();
    });
  });
});
