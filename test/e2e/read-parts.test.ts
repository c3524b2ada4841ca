/**
 * Reads carry sources and versions only for the node types whose fields a request selects, and
 * selections of a key alone are answered from the key: the answers must be the ones whole reads
 * give, on each real store behind a real HTTP server, with the 进圈 seed (cited everywhere).
 */
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { InventoryReader } from '../../src/services/inventory-reader';
import type { InventoryStore, ReadParts } from '../../src/store/inventory-store';
import { startTestApp, type TestApp } from '../support/app';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore } from '../support/stores';

afterAll(expectNeo4jLeftEmpty);

type Answer = Record<string, unknown>;
const doc = (text: string) => parse(text) as TypedDocumentNode<Answer, { key: string }>;

/** The dashboard's field page (bench/queries.ts), with `extra` selected on the field, its flows and its recipients. */
const fieldPage = (extra = '') => doc(`query FieldPage($key: ID!) {
  personalField(key: $key) {
    key name nameZh sensitive sensitiveClass ${extra}
    category { key name nameZh ${extra} }
    purposes { key name functionType ${extra} }
    legalBases { key article }
    permissions { key }
    recipients { key name kind country ${extra} }
    flows { key kind consent from { key } to { key } ${extra} }
    lineage(direction: DOWNSTREAM, maxDepth: 5) { truncated paths { destination { key } hops { key } } }
  }
}`);

/** Drops `sources` and `version` wherever they are, to compare with an answer that did not ask them. */
function withoutParts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParts);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'sources' && k !== 'version').map(([k, v]) => [k, withoutParts(v)]));
  }
  return value;
}

/** The real store, with every getNodes call's parts written down. */
function recordingParts(store: InventoryStore, seen: Array<{ type: string; parts: ReadParts | undefined }>): InventoryStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'getNodes') {
        return (type: Parameters<InventoryStore['getNodes']>[0], keys: readonly string[], parts?: ReadParts) => {
          seen.push({ type, parts });
          return target.getNodes(type, keys, parts);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describeEachStore('reads as the request asks', (kind) => {
  let app: TestApp;
  const seen: Array<{ type: string; parts: ReadParts | undefined }> = [];

  beforeAll(async () => {
    app = await startTestApp({ seed: 'jinquan', store: kind, wrap: (store) => recordingParts(store, seen) });
  });
  afterAll(() => app?.stop());

  test('a field page answers the same whether or not it also asks sources and versions', async () => {
    const light = await app.query(fieldPage(), { key: 'imei' });
    const whole = await app.query(fieldPage('version sources { citation text }'), { key: 'imei' });
    expect(withoutParts(whole)).toEqual(light);
    const field = (whole.personalField as { sources: Array<{ citation: string }>; version: number; flows: Array<{ key: string; sources: Array<{ citation: string }> }> });
    const stored = (await app.store.getNodes('field', ['imei']))[0]!;
    expect(field.sources.map((s) => s.citation)).toEqual(stored.sources);
    expect(field.version).toBe((stored as { version?: number }).version);
    const flows = await app.store.getNodes('flow', field.flows.map((f) => f.key));
    expect(field.flows.map((f) => f.sources.map((s) => s.citation))).toEqual(flows.map((f) => f!.sources));
    expect(field.flows.some((f) => f.sources.length > 0)).toBe(true);
  });

  test('a field page that asks neither reads no sources and no versions', async () => {
    seen.length = 0;
    // Another field than the test above: its answer would come from the answer cache.
    await app.query(fieldPage(), { key: 'android-id' });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.parts?.sources !== false || s.parts?.versions !== false)).toEqual([]);
  });

  test('sources asked in a fragment on one type are read for that type only, and answered', async () => {
    seen.length = 0;
    const answer = await app.query(doc(`query FlowSources($key: ID!) {
      personalField(key: $key) { key category { key } flows { ...cited to { key name } } }
    }
    fragment cited on DataFlow { key sources { citation } }`), { key: 'imei' });
    const read = [...seen];
    expect(read.filter((s) => s.type === 'flow').map((s) => s.parts)).toEqual([{ sources: true, versions: false }]);
    expect(read.filter((s) => s.type !== 'flow').every((s) => s.parts?.sources === false)).toBe(true);
    const flows = (answer.personalField as { flows: Array<{ key: string; sources: Array<{ citation: string }> }> }).flows;
    const stored = await app.store.getNodes('flow', flows.map((f) => f.key));
    expect(flows.map((f) => f.sources.map((s) => s.citation))).toEqual(stored.map((f) => f!.sources));
  });

  test('hops, destinations and flow ends asked by key name the same nodes as when more is asked of them', async () => {
    const keys = await app.query(fieldPage(), { key: 'imei' });
    const more = await app.query(doc(`query Wide($key: ID!) {
      personalField(key: $key) {
        flows { key from { key name } to { key kind } }
        lineage(direction: DOWNSTREAM, maxDepth: 5) { paths { destination { key name } hops { key kind } } }
      }
    }`), { key: 'imei' });
    type Page = { flows: Array<{ key: string; from: { key: string }; to: { key: string } }>; lineage: { paths: Array<{ destination: { key: string }; hops: Array<{ key: string }> }> } };
    const a = keys.personalField as Page;
    const b = more.personalField as Page;
    expect(b.lineage.paths.length).toBeGreaterThan(0);
    expect(a.lineage.paths).toEqual(b.lineage.paths.map((p) => ({ destination: { key: p.destination.key }, hops: p.hops.map((h) => ({ key: h.key })) })));
    expect(a.flows.map((f) => [f.key, f.from.key, f.to.key])).toEqual(b.flows.map((f) => [f.key, f.from.key, f.to.key]));
  });

  test('a record read without its sources still answers them, by a read with them', async () => {
    const reader = new InventoryReader(app.store);
    reader.readOnly({ sources: new Set(), versions: new Set() });
    const flow = (await reader.node('flow', 'user-app-device-info'))!;
    expect(flow).not.toHaveProperty('sources');
    expect(flow).not.toHaveProperty('version');
    const whole = (await app.store.getNodes('flow', ['user-app-device-info']))[0]!;
    expect(whole.sources.length).toBeGreaterThan(0);
    expect(await reader.citations('flow', flow)).toEqual(whole.sources);
    expect(await reader.version('flow', 'user-app-device-info')).toBe((whole as { version?: number }).version);
  });
});
