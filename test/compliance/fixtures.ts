/**
 * Hand-built inventories for the compliance tests: a small app that gets everything right (no
 * finding at all), and tweaks that break one rule at a time. Also the seeded 进圈 inventory, read
 * straight from seeds/ (validated like an import), for the pure domain tests.
 */
import type { ManifestInput } from '../../src/domain/manifest';
import { InventoryIndex } from '../../src/domain/compliance/inventory-index';
import { validateManifest } from '../../src/domain/validate';
import { readManifestFile } from '../../src/services/manifest-files';
import { seedFiles } from '../../src/services/seeds';

export type Inventory = {
  documents: NonNullable<ManifestInput['documents']>;
  categories: NonNullable<ManifestInput['categories']>;
  fields: NonNullable<ManifestInput['fields']>;
  purposes: NonNullable<ManifestInput['purposes']>;
  permissions: NonNullable<ManifestInput['permissions']>;
  parties: NonNullable<ManifestInput['parties']>;
  legalBases: NonNullable<ManifestInput['legalBases']>;
  flows: NonNullable<ManifestInput['flows']>;
};

/**
 * A compliant app: account data on the contract, location on separate consent (refusable, behind
 * the location permission), shared with a named vendor on separate consent, device model entrusted
 * to a processor; every store states a maximum retention; the handler gives its contact.
 */
export function compliantApp(): Inventory {
  return {
    documents: [{
      key: 'doc', title: 'Example privacy policy', updatedAt: '2024-01-01', effectiveAt: '2024-01-15',
      clauses: [
        { ref: '1', text: 'We collect your phone number and nickname to create your account.' },
        { ref: '2', text: 'With your separate consent we collect your precise location for nearby friends and share it with Vendor Ltd.' },
        { ref: '3', text: 'We keep account data for two years after your last login, location for 30 days.' },
        { ref: '4', text: 'Contact our privacy office at privacy@example.cn.' },
      ],
    }],
    categories: [
      { key: 'profile', name: 'Profile', nameZh: '基本资料', sensitive: false },
      { key: 'location', name: 'Location', nameZh: '位置信息', sensitive: true, sensitiveClass: 'PRECISE_LOCATION' },
      { key: 'device', name: 'Device', nameZh: '设备信息' },
    ],
    fields: [
      { key: 'phone', name: 'Phone number', nameZh: '手机号码', category: 'profile', sources: ['doc#1'] },
      { key: 'nickname', name: 'Nickname', nameZh: '昵称', category: 'profile', sources: ['doc#1'] },
      { key: 'geo', name: 'Precise location', nameZh: '精确位置', category: 'location', sources: ['doc#2'] },
      { key: 'model', name: 'Device model', nameZh: '设备型号', category: 'device' },
    ],
    purposes: [
      { key: 'account', name: 'Account', nameZh: '账号注册', functionType: 'BASIC', sources: ['doc#1'] },
      { key: 'nearby', name: 'Nearby friends', nameZh: '附近的人', functionType: 'EXTENDED', sources: ['doc#2'] },
    ],
    permissions: [{ key: 'android.permission.ACCESS_FINE_LOCATION', name: 'Precise location', nameZh: '位置权限', sources: ['doc#2'] }],
    parties: [
      { key: 'user', name: 'User', nameZh: '用户', kind: 'DATA_SUBJECT', country: 'CN' },
      { key: 'app', name: 'App', nameZh: '应用', kind: 'FIRST_PARTY', country: 'CN' },
      { key: 'servers', name: 'Example Co.', nameZh: '示例公司', kind: 'FIRST_PARTY', country: 'CN', contact: 'privacy@example.cn', sources: ['doc#4'] },
      { key: 'vendor', name: 'Vendor Ltd.', nameZh: '供应商', kind: 'THIRD_PARTY', country: 'CN', contact: 'dpo@vendor.cn', sdkPackages: ['com.vendor'], sources: ['doc#2'] },
      { key: 'processor', name: 'Processor Ltd.', nameZh: '受托公司', kind: 'ENTRUSTED_PARTY', country: 'CN', contact: 'ops@processor.cn' },
    ],
    legalBases: [
      { key: 'consent', name: 'Consent', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(1)' },
      { key: 'contract', name: 'Contract', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(2)' },
    ],
    flows: [
      { key: 'collect-account', from: 'user', to: 'app', kind: 'COLLECTION', fields: ['phone', 'nickname', 'model'], purposes: ['account'], legalBases: ['contract'], consent: 'NONE', optional: false, scenario: '注册账号时', sources: ['doc#1'] },
      { key: 'upload-account', from: 'app', to: 'servers', kind: 'INTERNAL', fields: ['phone', 'nickname', 'model'], purposes: ['account'], legalBases: ['contract'], consent: 'NONE', optional: false,
        retention: { description: 'Two years after the last login', maximum: 'P2Y' }, sources: ['doc#1', 'doc#3'] },
      { key: 'collect-geo', from: 'user', to: 'app', kind: 'COLLECTION', fields: ['geo'], purposes: ['nearby'], legalBases: ['consent'], permissions: ['android.permission.ACCESS_FINE_LOCATION'],
        consent: 'SEPARATE_CONSENT', optional: true, scenario: '使用附近的人时', sources: ['doc#2'] },
      { key: 'upload-geo', from: 'app', to: 'servers', kind: 'INTERNAL', fields: ['geo'], purposes: ['nearby'], legalBases: ['consent'], consent: 'SEPARATE_CONSENT', optional: true,
        retention: { description: '30 days', maximum: 'P30D' }, sources: ['doc#2', 'doc#3'] },
      { key: 'share-vendor', from: 'servers', to: 'vendor', kind: 'PROVISION', fields: ['geo'], purposes: ['nearby'], legalBases: ['consent'], consent: 'SEPARATE_CONSENT', optional: true,
        retention: { description: 'Vendor keeps it 30 days', maximum: 'P30D' }, sources: ['doc#2'] },
      { key: 'entrust-processor', from: 'servers', to: 'processor', kind: 'ENTRUSTED_PROCESSING', fields: ['model'], purposes: ['account'], legalBases: ['contract'], consent: 'NONE', optional: false,
        retention: { description: 'One year', maximum: 'P1Y' } },
    ],
  };
}

/** A deep copy with one change applied: each test breaks one thing. */
export function variant(change: (inv: Inventory) => void, base: Inventory = compliantApp()): Inventory {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

export function flowOf(inv: Inventory, key: string) {
  const flow = inv.flows.find((f) => f.key === key);
  if (!flow) throw new Error(`no flow ${key} in the fixture`);
  return flow;
}

export function partyOf(inv: Inventory, key: string) {
  const party = inv.parties.find((p) => p.key === key);
  if (!party) throw new Error(`no party ${key} in the fixture`);
  return party;
}

/** Validated like an import (shape and references), then indexed. */
export function indexOf(inv: Inventory | ManifestInput): InventoryIndex {
  return new InventoryIndex(validateManifest(inv));
}

let seed: InventoryIndex | undefined;
/** The bundled 进圈 inventory, indexed once per test file. */
export function seedIndex(): InventoryIndex {
  if (!seed) {
    const files = seedFiles();
    if (files.length !== 1) throw new Error(`expected the one 进圈 seed, found ${files.join(', ')}`);
    seed = indexOf(readManifestFile(files[0]) as ManifestInput);
  }
  return seed;
}
