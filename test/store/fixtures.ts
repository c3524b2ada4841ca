/**
 * Hand-built inventories for the store contract and the domain tests.
 *
 * `inventoryInput()` is a small app ("Jinquan") that exercises every feature of the model:
 *
 *   categories (sensitivity in brackets; `=` inherited, `!` stated on the node itself)
 *     device ─ device.ids                                      [not sensitive]
 *     location [!PRECISE_LOCATION]
 *       ├─ location.precise [=] ─ location.precise.gps [=]
 *       └─ location.coarse [! sensitive: false] ─ location.coarse.city [= not sensitive]
 *     identity [!IDENTITY_DOCUMENT] ─ identity.face [!BIOMETRIC]
 *     account, logs                                            [not sensitive]
 *
 *   flows (→ party; fields carried, `cat:` = through a category subtree)
 *     user ─collect-device (imei, android-id)──────────▶ app
 *     user ─collect-location (cat: location)───────────▶ app
 *     user ─collect-account (phone-number, contacts)───▶ app
 *     user ─collect-face (cat: identity)───────────────▶ app
 *     app ─upload (cat: device, phone-number)──────────▶ backend
 *     app ─share-umeng (imei)──────────────────────────▶ umeng (CN)
 *     backend ─share-firebase (android-id)─────────────▶ firebase (US): cross-border
 *     backend ─disclose-police (id-number)─────────────▶ police (no country): not cross-border
 *     backend ─sync-to-crm─▶ crm ─sync-from-crm─▶ backend (phone-number): a cycle
 *     user ─crash-1─▶ app ─crash-2─▶ backend ─crash-3─▶ warehouse ─crash-4─▶ bi ─crash-5─▶ partner
 *          ─crash-6─▶ archive (SG) (crash-log): a chain of 6 hops, deeper than the default 5
 *
 * Sections are deliberately not in key order (the store must order them), optional values are
 * left out rather than null (so a written manifest exports equal to its input), and clause refs
 * are in document order, which is not their sort order.
 */
import type { DataFlow, Manifest, ManifestInput } from '../../src/domain/manifest';
import { SECTION_OF } from '../../src/domain/references';
import type { Sensitivity } from '../../src/domain/sensitivity';
import { parseManifest } from '../../src/domain/validate';
import { NODE_TYPES, type NodeType, type SensitiveClass } from '../../src/domain/vocabulary';

export const POLICY = 'privacy-2021';
export const SDK_LIST = 'sdk-list-2021';
export const TERMS = 'old-terms';

/** `doc#ref` */
export const cite = (documentKey: string, ref: string): string => `${documentKey}#${ref}`;

/** The policy's clauses in document order (一 < 二 < 四 in code-point order, so not sorted). */
export const POLICY_CLAUSES = ['四.2.5', '一.1', '二.3'].map((ref) => cite(POLICY, ref));
const [DEVICE_CLAUSE, SCOPE_CLAUSE, SDK_CLAUSE] = POLICY_CLAUSES;
const UMENG_LISTING = cite(SDK_LIST, '1');

type FlowInput = NonNullable<ManifestInput['flows']>[number];

/** A flow with the usual defaults; `overrides` name what matters to the test. */
function flow(key: string, from: string, to: string, overrides: Partial<FlowInput>): FlowInput {
  return { key, from, to, kind: 'INTERNAL', consent: 'NONE', optional: false, ...overrides };
}

const crashChain = ['user', 'app', 'backend', 'warehouse', 'bi', 'partner', 'archive'];
const CRASH_KINDS = ['COLLECTION', 'INTERNAL', 'INTERNAL', 'ENTRUSTED_PROCESSING', 'PROVISION', 'ENTRUSTED_PROCESSING'] as const;

export function inventoryInput(): ManifestInput {
  return {
    documents: [
      { key: TERMS, title: '用户协议', updatedAt: '2020-01-01', effectiveAt: '2020-01-01' },
      {
        key: POLICY,
        title: '金泉隐私政策',
        titleEn: 'Jinquan Privacy Policy',
        url: 'https://example.com/privacy',
        updatedAt: '2021-11-01',
        effectiveAt: '2021-11-08',
        clauses: [
          { ref: '四.2.5', title: '设备信息', text: '我们会收集您的设备识别码（IMEI、Android ID）。' },
          { ref: '一.1', text: '本政策适用于金泉App。' },
          { ref: '二.3', title: '第三方SDK', text: '我们接入了友盟统计SDK。' },
        ],
      },
      { key: SDK_LIST, title: '第三方SDK清单', updatedAt: '2021-11-01', effectiveAt: '2021-11-01', clauses: [{ ref: '1', text: '友盟+ U-App 统计SDK' }] },
    ],
    categories: [
      { key: 'location.precise.gps', name: 'Satellite positioning', parent: 'location.precise' },
      { key: 'location', name: 'Location', nameZh: '位置信息', sensitive: true, sensitiveClass: 'PRECISE_LOCATION' },
      { key: 'location.precise', name: 'Precise location', parent: 'location' },
      { key: 'location.coarse', name: 'Coarse location', parent: 'location', sensitive: false },
      { key: 'location.coarse.city', name: 'City-level location', parent: 'location.coarse' },
      { key: 'device', name: 'Device information', nameZh: '设备信息', description: 'Hardware and OS identifiers.', sources: [DEVICE_CLAUSE] },
      { key: 'device.ids', name: 'Device identifiers', parent: 'device' },
      { key: 'identity', name: 'Identity documents', sensitive: true, sensitiveClass: 'IDENTITY_DOCUMENT' },
      { key: 'identity.face', name: 'Face', parent: 'identity', sensitiveClass: 'BIOMETRIC' },
      { key: 'account', name: 'Account' },
      { key: 'logs', name: 'Logs' },
    ],
    fields: [
      { key: 'imei', name: 'IMEI', nameZh: '国际移动设备识别码', description: 'Device serial number.', category: 'device.ids', sources: [DEVICE_CLAUSE, SCOPE_CLAUSE] },
      { key: 'android-id', name: 'Android ID', nameZh: '安卓设备ID', category: 'device.ids' },
      { key: 'gps-coordinates', name: 'Latitude and longitude', nameZh: '经纬度', category: 'location.precise.gps' },
      { key: 'wifi-bssid', name: 'Wi-Fi BSSID', category: 'location.precise' },
      { key: 'city', name: 'City', nameZh: '所在城市', category: 'location.coarse.city' },
      { key: 'cell-id', name: 'Cell tower ID', nameZh: '基站信息', category: 'location.coarse', sensitive: true, sensitiveClass: 'PRECISE_LOCATION' },
      { key: 'id-number', name: 'ID card number', nameZh: '身份证号码', category: 'identity' },
      { key: 'id-expiry', name: 'ID card expiry date', category: 'identity', sensitive: false },
      { key: 'face-image', name: 'Face image', nameZh: '人脸图像', category: 'identity.face' },
      { key: 'phone-number', name: 'Phone number', nameZh: '手机号码', category: 'account' },
      { key: 'contacts', name: 'Répertoire (address book)', category: 'account', sensitiveClass: 'CONTACTS' },
      { key: 'crash-log', name: 'Crash log', nameZh: '崩溃日志', category: 'logs' },
    ],
    purposes: [
      { key: 'navigation', name: 'Navigation', functionType: 'BASIC' },
      { key: 'analytics', name: 'Usage analytics', nameZh: '统计分析', functionType: 'EXTENDED', sources: [SDK_CLAUSE] },
      { key: 'account-management', name: 'Account management', functionType: 'BASIC' },
      { key: 'identity-verification', name: 'Identity verification', functionType: 'BASIC' },
      { key: 'crash-reporting', name: 'Crash reporting', functionType: 'EXTENDED' },
      { key: 'marketing', name: 'Marketing', functionType: 'EXTENDED' },
    ],
    permissions: [
      { key: 'READ_PHONE_STATE', name: 'Read phone state', sources: [DEVICE_CLAUSE] },
      { key: 'ACCESS_FINE_LOCATION', name: 'Precise location' },
      { key: 'android.permission.CAMERA', name: 'Camera' },
      { key: 'ACCESS_COARSE_LOCATION', name: 'Approximate location', platform: 'android' },
      { key: 'NSCameraUsageDescription', name: 'Camera (iOS)', platform: 'ios' },
    ],
    parties: [
      { key: 'user', name: 'User', nameZh: '用户', kind: 'DATA_SUBJECT', country: 'CN' },
      { key: 'app', name: 'Jinquan app', nameZh: '金泉App', kind: 'FIRST_PARTY', country: 'CN' },
      { key: 'backend', name: 'Jinquan servers', nameZh: '金泉服务器', kind: 'FIRST_PARTY', country: 'CN' },
      { key: 'crm', name: 'CRM', kind: 'FIRST_PARTY', country: 'CN' },
      { key: 'warehouse', name: 'Data warehouse', kind: 'FIRST_PARTY', country: 'CN' },
      { key: 'bi', name: 'BI contractor', kind: 'ENTRUSTED_PARTY', country: 'CN' },
      { key: 'partner', name: 'Générale Assurances', kind: 'THIRD_PARTY', country: 'CN' },
      { key: 'archive', name: 'Offshore archive', kind: 'ENTRUSTED_PARTY', country: 'SG' },
      {
        key: 'umeng', name: 'Umeng+', nameZh: '友盟', kind: 'THIRD_PARTY', country: 'CN', contact: 'privacy@umeng.com',
        sdkPackages: ['com.umeng.commonsdk', 'com.umeng.analytics'], sources: [UMENG_LISTING],
      },
      { key: 'firebase', name: 'Google Firebase', kind: 'THIRD_PARTY', country: 'US', sdkPackages: ['com.google.firebase'] },
      { key: 'police', name: 'Public security organs', nameZh: '公安机关', kind: 'AUTHORITY' },
    ],
    legalBases: [
      { key: 'pipl-13-1-1', name: 'Consent', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(1)', sources: [SCOPE_CLAUSE] },
      { key: 'pipl-13-1-2', name: 'Contract', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(2)' },
      { key: 'pipl-13-1-3', name: 'Legal obligation', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(3)' },
    ],
    flows: [
      flow('upload', 'app', 'backend', { name: 'Upload', categories: ['device'], fields: ['phone-number'], purposes: ['account-management', 'analytics'] }),
      flow('collect-device', 'user', 'app', {
        kind: 'COLLECTION', fields: ['imei', 'android-id'], purposes: ['analytics'], permissions: ['READ_PHONE_STATE'],
        legalBases: ['pipl-13-1-1'], consent: 'CONSENT', optional: true, sources: [DEVICE_CLAUSE],
      }),
      flow('collect-location', 'user', 'app', {
        kind: 'COLLECTION', categories: ['location'], purposes: ['navigation'], permissions: ['ACCESS_FINE_LOCATION', 'ACCESS_COARSE_LOCATION'],
        legalBases: ['pipl-13-1-1'], consent: 'CONSENT', optional: true, retention: { description: 'Six months', maximum: 'P6M' },
      }),
      flow('collect-account', 'user', 'app', {
        kind: 'COLLECTION', fields: ['phone-number', 'contacts'], purposes: ['account-management'], legalBases: ['pipl-13-1-2'],
        retention: { description: 'While the account exists', minimum: 'P30D', maximum: 'P3Y' },
      }),
      flow('collect-face', 'user', 'app', {
        kind: 'COLLECTION', categories: ['identity'], purposes: ['identity-verification'], permissions: ['android.permission.CAMERA'],
        legalBases: ['pipl-13-1-1'], consent: 'SEPARATE_CONSENT', nameZh: '实名认证',
      }),
      flow('share-umeng', 'app', 'umeng', {
        kind: 'PROVISION', fields: ['imei'], purposes: ['analytics'], legalBases: ['pipl-13-1-1'], consent: 'CONSENT', optional: true,
        deidentified: true, scenario: 'App start', description: 'Umeng statistics SDK', sources: [SDK_CLAUSE, UMENG_LISTING],
      }),
      flow('share-firebase', 'backend', 'firebase', { kind: 'PROVISION', fields: ['android-id'], purposes: ['analytics'] }),
      flow('disclose-police', 'backend', 'police', { kind: 'PROVISION', fields: ['id-number'], legalBases: ['pipl-13-1-3'] }),
      flow('sync-to-crm', 'backend', 'crm', { fields: ['phone-number'], purposes: ['account-management'] }),
      flow('sync-from-crm', 'crm', 'backend', { fields: ['phone-number'], purposes: ['account-management'] }),
      ...CRASH_KINDS.map((kind, i) =>
        flow(`crash-${i + 1}`, crashChain[i], crashChain[i + 1], { kind, fields: ['crash-log'], purposes: ['crash-reporting'] }),
      ),
    ],
  };
}

export const inventory = (): Manifest => parseManifest(inventoryInput());

/** What the store must derive for each node (hand-written, not computed). */
const notSensitive: Sensitivity = { sensitive: false, sensitiveClass: null };
const sensitive = (sensitiveClass: SensitiveClass): Sensitivity => ({ sensitive: true, sensitiveClass });

export const EFFECTIVE_CATEGORY_SENSITIVITY: Record<string, Sensitivity> = {
  device: notSensitive,
  'device.ids': notSensitive,
  location: sensitive('PRECISE_LOCATION'),
  'location.precise': sensitive('PRECISE_LOCATION'),
  'location.precise.gps': sensitive('PRECISE_LOCATION'),
  'location.coarse': notSensitive,
  'location.coarse.city': notSensitive,
  identity: sensitive('IDENTITY_DOCUMENT'),
  'identity.face': sensitive('BIOMETRIC'),
  account: notSensitive,
  logs: notSensitive,
};

export const EFFECTIVE_FIELD_SENSITIVITY: Record<string, Sensitivity> = {
  imei: notSensitive,
  'android-id': notSensitive,
  'gps-coordinates': sensitive('PRECISE_LOCATION'), // two categories up
  'wifi-bssid': sensitive('PRECISE_LOCATION'),
  city: notSensitive, // location.coarse stopped the inheritance
  'cell-id': sensitive('PRECISE_LOCATION'), // the field's own statement
  'id-number': sensitive('IDENTITY_DOCUMENT'),
  'id-expiry': notSensitive, // the field's own `sensitive: false`
  'face-image': sensitive('BIOMETRIC'), // its category's override
  'phone-number': notSensitive,
  contacts: sensitive('CONTACTS'), // a class alone makes a field sensitive
  'crash-log': notSensitive,
};

/** The smallest complete inventory: one node of each type, one flow. */
export function tinyInventoryInput(): ManifestInput {
  return {
    documents: [{ key: 'tiny-policy', title: 'Tiny policy', updatedAt: '2024-01-01', effectiveAt: '2024-02-01', clauses: [{ ref: '1', text: 'We collect e-mail addresses.' }] }],
    categories: [{ key: 'contact', name: 'Contact details' }],
    fields: [{ key: 'email', name: 'E-mail address', category: 'contact', sources: ['tiny-policy#1'] }],
    purposes: [{ key: 'newsletter', name: 'Newsletter', functionType: 'EXTENDED' }],
    permissions: [{ key: 'INTERNET', name: 'Internet' }],
    parties: [
      { key: 'subscriber', name: 'Subscriber', kind: 'DATA_SUBJECT' },
      { key: 'mailer', name: 'Mailer', kind: 'FIRST_PARTY' },
    ],
    legalBases: [{ key: 'gdpr-6-1-a', name: 'Consent', jurisdiction: 'EU', article: 'GDPR Art. 6(1)(a)' }],
    flows: [{ key: 'subscribe', from: 'subscriber', to: 'mailer', kind: 'COLLECTION', fields: ['email'], purposes: ['newsletter'], permissions: ['INTERNET'], legalBases: ['gdpr-6-1-a'], consent: 'CONSENT', optional: true }],
  };
}

// ---- manifest helpers ----------------------------------------------------------------------

type AnyNode = { key: string };
const sectionOf = (m: Manifest, type: NodeType) => m[SECTION_OF[type]] as AnyNode[];

/** Code-point order, the order the contract asks stores to list keys in. */
export const byKey = (a: AnyNode, b: AnyNode): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
export const sortedKeys = (keys: Iterable<string>): string[] => [...keys].sort();

/** The nodes of one type in a manifest. */
export function nodesOf(m: Manifest, type: NodeType): AnyNode[] {
  return sectionOf(m, type);
}

/** The manifest as `exportManifest` must return it: every section ordered by key. */
export function ordered(m: Manifest): Manifest {
  const out = { ...m } as Record<string, unknown>;
  for (const type of NODE_TYPES) out[SECTION_OF[type]] = [...sectionOf(m, type)].sort(byKey);
  return out as Manifest;
}

/** The model of a MERGE: the overlay's nodes replace same-keyed ones whole, the rest stay. */
export function merged(base: Manifest, overlay: Manifest): Manifest {
  const out = { ...base } as Record<string, unknown>;
  for (const type of NODE_TYPES) {
    const byKeyMap = new Map(sectionOf(base, type).map((n) => [n.key, n]));
    for (const n of sectionOf(overlay, type)) byKeyMap.set(n.key, n);
    out[SECTION_OF[type]] = [...byKeyMap.values()].sort(byKey);
  }
  return out as Manifest;
}

/** The manifest without the named nodes. */
export function without(m: Manifest, type: NodeType, keys: readonly string[]): Manifest {
  return { ...m, [SECTION_OF[type]]: sectionOf(m, type).filter((n) => !keys.includes(n.key)) } as Manifest;
}

export function nodeCount(m: Manifest): number {
  return NODE_TYPES.reduce((n, type) => n + sectionOf(m, type).length, 0);
}

/** The fixture flow with this key (for building edited copies). */
export function fixtureFlow(key: string): DataFlow {
  const found = inventory().flows.find((f) => f.key === key);
  if (!found) throw new Error(`no fixture flow "${key}"`);
  return found;
}
