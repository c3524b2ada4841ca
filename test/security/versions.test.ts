/**
 * Versions never repeat (issue 12): a client holding a version it read before a node was deleted
 * and created again, or before a REPLACE import changed or removed it, must get CONFLICT, never
 * overwrite content it has not seen. Each attack runs over HTTP against a real server, on every
 * store under test.
 */
import { DeletePartyExpectingDocument, ImportInventoryDocument, PartyVersionDocument, UpsertPartyExpectingDocument } from '../generated/graphql';
import type { ManifestInput } from '../../src/domain/manifest';
import { startTestApp, type TestApp } from '../support/app';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore } from '../support/stores';
import { syntheticInventory } from '../support/synthetic';

const KEY = 'contested-vendor';
const vendor = (name: string, expectedVersion?: number) => ({ input: { key: KEY, name, kind: 'THIRD_PARTY' as const, country: 'CN', expectedVersion } });

/** The synthetic inventory, with the contested party in it (or not). */
function inventoryWith(name: string | null): ManifestInput {
  const m = syntheticInventory(5);
  return { ...m, parties: [...(m.parties ?? []), ...(name === null ? [] : [{ key: KEY, name, kind: 'THIRD_PARTY' as const, country: 'CN' }])] };
}

// Every store this file opened is closed by now: the test Neo4j holds nothing (nor a NodeVersion).
afterAll(expectNeo4jLeftEmpty);

describeEachStore('versions never repeat, over HTTP', (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp({ seed: syntheticInventory(5), store: kind });
  });
  afterEach(async () => app.stop());

  const read = async () => (await app.query(PartyVersionDocument, { key: KEY })).party;

  it('A reads version 1; B deletes the node and creates it again; A writing with version 1 gets CONFLICT and B\'s content stays', async () => {
    await app.query(UpsertPartyExpectingDocument, vendor('Original'));
    const seenByA = (await read())!.version;
    expect(seenByA).toBe(1);

    expect((await app.query(DeletePartyExpectingDocument, { key: KEY, expectedVersion: seenByA })).deleteParty).toBe(true);
    const recreated = (await app.query(UpsertPartyExpectingDocument, vendor('B\'s vendor'))).upsertParty;
    expect(recreated.version).toBeGreaterThan(seenByA);

    const late = await app.send(UpsertPartyExpectingDocument, vendor('A\'s stale edit', seenByA));
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: seenByA, actualVersion: recreated.version });
    const lateDelete = await app.send(DeletePartyExpectingDocument, { key: KEY, expectedVersion: seenByA });
    expect(lateDelete.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await read()).toEqual({ key: KEY, name: 'B\'s vendor', version: recreated.version });
  });

  it('A reads version 2; B deletes and creates it again twice; no version A held comes back', async () => {
    await app.query(UpsertPartyExpectingDocument, vendor('One'));
    await app.query(UpsertPartyExpectingDocument, vendor('Two', 1));
    const seen = [1, 2];
    for (let round = 0; round < 2; round++) {
      await app.query(DeletePartyExpectingDocument, { key: KEY });
      const { version } = (await app.query(UpsertPartyExpectingDocument, vendor(`B ${round}`))).upsertParty;
      expect(seen).not.toContain(version);
      for (const held of seen) {
        const late = await app.send(UpsertPartyExpectingDocument, vendor('A\'s stale edit', held));
        expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
      }
      seen.push(version);
    }
    expect((await read())!.name).toBe('B 1');
  });

  it('A reads version 1; B imports a REPLACE that changes the node; A writing with version 1 gets CONFLICT', async () => {
    await app.query(ImportInventoryDocument, { manifest: inventoryWith('Original'), mode: 'REPLACE' });
    const seenByA = (await read())!.version;
    await app.query(ImportInventoryDocument, { manifest: inventoryWith('Renamed by B\'s import'), mode: 'REPLACE' });

    const late = await app.send(UpsertPartyExpectingDocument, vendor('A\'s stale edit', seenByA));
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: seenByA });
    expect((await read())!.name).toBe('Renamed by B\'s import');
  });

  it('A reads version 1; B\'s REPLACE removes the node and a later one brings it back; A writing with version 1 gets CONFLICT', async () => {
    await app.query(ImportInventoryDocument, { manifest: inventoryWith('Original'), mode: 'REPLACE' });
    const seenByA = (await read())!.version;
    await app.query(ImportInventoryDocument, { manifest: inventoryWith(null), mode: 'REPLACE' });
    expect(await read()).toBeNull();
    await app.query(ImportInventoryDocument, { manifest: inventoryWith('Brought back by B'), mode: 'REPLACE' });

    const late = await app.send(UpsertPartyExpectingDocument, vendor('A\'s stale edit', seenByA));
    expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await read())!.name).toBe('Brought back by B');
  });

  it('a REPLACE that leaves the node as it was keeps its version: A\'s edit with it goes through', async () => {
    await app.query(ImportInventoryDocument, { manifest: inventoryWith('Original'), mode: 'REPLACE' });
    await app.query(UpsertPartyExpectingDocument, vendor('Edited', 1));
    const seenByA = (await read())!.version;
    expect(seenByA).toBe(2);
    // B imports the same inventory, the node as it now stands: nothing A has not seen.
    await app.query(ImportInventoryDocument, { manifest: inventoryWith('Edited'), mode: 'REPLACE' });
    const mine = (await app.query(UpsertPartyExpectingDocument, vendor('A\'s edit', seenByA))).upsertParty;
    expect(mine).toEqual({ key: KEY, name: 'A\'s edit', version: seenByA + 1 });
  });
});
