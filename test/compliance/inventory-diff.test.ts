/**
 * Change impact: snapshots, diffs, and each change classified against the policy's own definition
 * of a major change (进圈 §一.3) with the changes that need consent again (PIPL Art. 14, 23, 29, 39).
 */
import { diffInventories, type InventoryChange, type InventoryDiff } from '../../src/domain/compliance/inventory-diff';
import { NotFoundError, ValidationError } from '../../src/domain/problems';
import { ComplianceService } from '../../src/services/compliance/compliance-service';
import { InventoryService } from '../../src/services/inventory-service';
import { seedIfEmpty } from '../../src/services/seeds';
import type { InventoryStore } from '../../src/store/inventory-store';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore, openTestStore } from '../support/stores';
import { compliantApp, flowOf, indexOf, partyOf, seedIndex, variant, type Inventory } from './fixtures';

const V1 = { label: 'v1', createdAt: '2025-01-01T00:00:00.000Z' };
const NOW = { label: 'current', createdAt: null };

function diff(change: (i: Inventory) => void, base: Inventory = compliantApp()): InventoryDiff {
  return diffInventories(indexOf(base), indexOf(variant(change, base)), V1, NOW);
}
function only(d: InventoryDiff, nodeType: string, key: string): InventoryChange {
  const found = d.changes.filter((c) => c.nodeType === nodeType && c.key === key);
  if (found.length !== 1) throw new Error(`expected one change of ${nodeType} ${key}, got ${JSON.stringify(d.changes.map((c) => `${c.nodeType}:${c.key}`))}`);
  return found[0];
}

describe('diffing two inventories', () => {
  it('finds nothing between identical inventories', () => {
    const d = diff(() => undefined);
    expect(d.changes).toEqual([]);
    expect(d.summary).toEqual({ added: 0, removed: 0, changed: 0, major: 0, requiringRenewedConsent: 0 });
  });

  it('a new recipient of consent-based data is major (RECIPIENTS) and needs renewed consent (Art. 23)', () => {
    const d = diff((i) => {
      i.parties.push({ key: 'ads-sdk', name: 'Ads SDK', kind: 'THIRD_PARTY', country: 'CN', contact: 'x' });
      i.flows.push({ key: 'share-ads', from: 'servers', to: 'ads-sdk', kind: 'PROVISION', fields: ['geo'], purposes: ['nearby'], legalBases: ['consent'], consent: 'CONSENT', optional: true });
    });
    const party = only(d, 'party', 'ads-sdk');
    expect(party).toMatchObject({ change: 'ADDED', areas: ['RECIPIENTS'], major: true, requiresRenewedConsent: true });
    expect(party.articles.map((a) => a.citation)).toEqual(['PIPL Art. 14', 'PIPL Art. 23', 'PIPL Art. 17(2)']);
    const flow = only(d, 'flow', 'share-ads');
    expect(flow).toMatchObject({ change: 'ADDED', areas: ['SERVICE_MODEL', 'RECIPIENTS'], requiresRenewedConsent: true });
    expect(flow.articles.map((a) => a.citation)).toEqual(expect.arrayContaining(['PIPL Art. 23', 'PIPL Art. 29']));
    expect(d.summary).toMatchObject({ added: 2, major: 2, requiringRenewedConsent: 2 });
  });

  it('a consent-based flow carrying a new field or serving a new purpose needs renewed consent (Art. 14)', () => {
    const d = diff((i) => {
      flowOf(i, 'collect-geo').fields!.push('model');
      flowOf(i, 'upload-geo').purposes!.push('account');
    });
    const fields = only(d, 'flow', 'collect-geo');
    expect(fields.properties).toEqual([{ property: 'carriedFields', before: 'geo', after: 'geo, model' }]);
    expect(fields).toMatchObject({ areas: ['SERVICE_MODEL'], major: true, requiresRenewedConsent: true });
    expect(fields.reasons).toEqual(['now also carries 设备型号', 'the added types of personal information are not covered by the consent given']);
    expect(only(d, 'flow', 'upload-geo').reasons).toEqual(['now also for 账号注册', 'a new purpose is not covered by the consent given']);
  });

  it('the same change on a contract-based flow is major but needs no consent', () => {
    const change = only(diff((i) => flowOf(i, 'upload-account').fields!.push('geo')), 'flow', 'upload-account');
    expect(change).toMatchObject({ major: true, requiresRenewedConsent: false });
    expect(change.articles.map((a) => a.citation)).toEqual(['PIPL Art. 17(2)']);
  });

  it('refusable processing becoming required is a RIGHTS change needing consent again (Art. 16)', () => {
    const change = only(diff((i) => (flowOf(i, 'collect-geo').optional = false)), 'flow', 'collect-geo');
    expect(change).toMatchObject({ areas: ['RIGHTS'], major: true, requiresRenewedConsent: true });
    expect(change.articles.map((a) => a.citation)).toContain('PIPL Art. 16');
  });

  it('weaker consent is a RIGHTS change; stronger consent is not major', () => {
    expect(only(diff((i) => (flowOf(i, 'share-vendor').consent = 'CONSENT')), 'flow', 'share-vendor')).toMatchObject({ areas: ['RIGHTS'], major: true });
    const stronger = only(diff((i) => (flowOf(i, 'entrust-processor').consent = 'SEPARATE_CONSENT')), 'flow', 'entrust-processor');
    expect(stronger).toMatchObject({ areas: ['EDITORIAL'], major: false, requiresRenewedConsent: false });
  });

  it("the handler's contact is CONTACT, its name CONTROL (a change of owner)", () => {
    const d = diff((i) => Object.assign(partyOf(i, 'servers'), { contact: 'dpo@example.cn', name: 'Example Holdings' }));
    expect(only(d, 'party', 'servers')).toMatchObject({ areas: ['CONTROL', 'CONTACT'], major: true, requiresRenewedConsent: false });
  });

  it('a recipient moving abroad makes its flows cross-border: separate consent needed (Art. 39)', () => {
    const d = diff((i) => (partyOf(i, 'vendor').country = 'US'));
    expect(only(d, 'party', 'vendor')).toMatchObject({ areas: ['RECIPIENTS'], requiresRenewedConsent: true });
    const flow = only(d, 'flow', 'share-vendor');
    expect(flow.properties).toEqual([{ property: 'crossBorder', before: 'false', after: 'true' }]);
    expect(flow.articles.map((a) => a.citation)).toEqual(expect.arrayContaining(['PIPL Art. 39', 'PIPL Art. 38']));
  });

  it('a field becoming sensitive needs separate consent where collected on consent (Art. 29)', () => {
    const d = diff((i) => {
      const model = i.fields.find((f) => f.key === 'model')!;
      Object.assign(model, { sensitive: true, sensitiveClass: 'NETWORK_IDENTITY' });
      flowOf(i, 'collect-geo').fields!.push('model');
    });
    const field = only(d, 'field', 'model');
    expect(field.properties).toEqual([{ property: 'sensitivity', before: 'not sensitive', after: 'NETWORK_IDENTITY' }]);
    expect(field.requiresRenewedConsent).toBe(true);
  });

  it('retention is a NOTICE item, wording EDITORIAL: neither is major', () => {
    const d = diff((i) => {
      flowOf(i, 'upload-account').retention = { description: 'Three years', maximum: 'P3Y' };
      flowOf(i, 'upload-account').description = 'Reworded';
      i.purposes.find((p) => p.key === 'account')!.description = 'Sign-up';
    });
    expect(only(d, 'flow', 'upload-account')).toMatchObject({ areas: ['NOTICE'], major: false });
    expect(only(d, 'purpose', 'account')).toMatchObject({ areas: ['EDITORIAL'], major: false });
  });

  it('removals are major but ask no consent', () => {
    const d = diff((i) => {
      i.flows = i.flows.filter((f) => f.key !== 'share-vendor');
      i.parties = i.parties.filter((p) => p.key !== 'vendor');
    });
    expect(only(d, 'party', 'vendor')).toMatchObject({ change: 'REMOVED', areas: ['RECIPIENTS'], major: true, requiresRenewedConsent: false });
    expect(only(d, 'flow', 'share-vendor')).toMatchObject({ change: 'REMOVED', requiresRenewedConsent: false });
  });

  it("cites the policy's change clauses (§一.3, §一.4…) on the 进圈 inventory", () => {
    const seed = seedIndex();
    const changed = indexOf(variant((i) => {
      const user = i.flows.find((f) => f.key === 'user-app-location')!;
      user.optional = false;
    }, structuredClone(seed.manifest) as unknown as Inventory));
    const d = diffInventories(seed, changed, V1, NOW);
    expect(d.changePolicy.map((c) => c.ref)).toEqual(['一.3', '一.4', '四.1', '四.3', '四.4.10', '五.1.4', '五.2.2']);
    const change = only(d, 'flow', 'user-app-location');
    expect(change).toMatchObject({ areas: ['RIGHTS'], requiresRenewedConsent: true });
    expect(change.clauses.map((c) => c.ref)).toEqual(expect.arrayContaining(['四.4.4', '一.3', '一.4']));
  });
});

// With this file's stores closed, the test Neo4j holds nothing (and its admin driver is closed).
afterAll(expectNeo4jLeftEmpty);

describeEachStore('snapshots and diffs through the service', (kind) => {
  let store: InventoryStore | undefined;
  let compliance: () => ComplianceService;
  beforeEach(async () => {
    store = await openTestStore(kind);
    await seedIfEmpty(store);
    // A fresh service per step: each reads the inventory once.
    compliance = () => new ComplianceService(store!, () => new Date('2025-03-01T00:00:00Z'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('keeps a snapshot, then diffs it against the live inventory after a real change', async () => {
    await compliance().takeSnapshot('v2021-09-01');
    expect((await compliance().inventoryDiff('v2021-09-01')).changes).toEqual([]);
    // A new SDK that receives the IMEI on consent, the way the policy adds 友盟+ (四.2.5).
    await new InventoryService(store!).importManifest({
      parties: [{ key: 'new-sdk', name: 'New analytics SDK', kind: 'THIRD_PARTY', country: 'CN', sdkPackages: ['com.example.sdk'] }],
      flows: [{ key: 'app-new-sdk', from: 'jinquan-app', to: 'new-sdk', kind: 'PROVISION', fields: ['imei'], purposes: ['statistics'], legalBases: ['pipl-13-1-1-consent'], consent: 'CONSENT', optional: true }],
    });
    const d = await compliance().inventoryDiff('v2021-09-01', 'current');
    expect(d.from).toEqual({ label: 'v2021-09-01', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(d.to).toEqual({ label: 'current', createdAt: null });
    expect(d.changes.map((c) => `${c.change} ${c.nodeType}:${c.key}`)).toEqual(['ADDED party:new-sdk', 'ADDED flow:app-new-sdk']);
    expect(d.changes.every((c) => c.major && c.requiresRenewedConsent)).toBe(true);
    await compliance().takeSnapshot('v2');
    expect((await compliance().inventoryDiff('v2021-09-01', 'v2')).summary.added).toBe(2);
    expect((await compliance().inventoryDiff('v2', 'v2021-09-01')).summary.removed).toBe(2);
  });

  it('refuses a label taken, malformed, or "current", and names an unknown snapshot', async () => {
    await compliance().takeSnapshot('a');
    await expect(compliance().takeSnapshot('a')).rejects.toThrow(/already exists/);
    await expect(compliance().takeSnapshot('current')).rejects.toThrow(/names the live inventory/);
    await expect(compliance().takeSnapshot('two words')).rejects.toBeInstanceOf(ValidationError);
    await expect(compliance().inventoryDiff('missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(compliance().inventoryDiff('a', 'missing')).rejects.toThrow('snapshot "missing" does not exist');
    expect((await compliance().listSnapshots()).map((s) => s.label)).toEqual(['a']);
  });
});
