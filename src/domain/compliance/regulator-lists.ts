/**
 * The two lists Chinese regulators ask apps to publish beside the privacy policy:
 * 已收集个人信息清单 (what is collected, what for, when, behind which permission) and
 * 与第三方共享个人信息清单 / 第三方SDK目录 (who receives what, through which SDK, why, on what
 * basis, with what consent). Values are in Chinese where the inventory has the policy's words.
 */
import { compareKeys } from '../key-order';
import type { DataFlow, Permission } from '../manifest';
import type { PartyKind, SensitiveClass } from '../vocabulary';
import type { InventoryIndex } from './inventory-index';
import { both, CONSENT_LABEL, FLOW_KIND_LABEL } from './labels';

export const REFUSABILITY = ['YES', 'PARTLY', 'NO'] as const;
export const SHARING_METHODS = ['SDK_ON_DEVICE', 'FROM_SERVERS'] as const;

export interface CollectedInformationEntry {
  fieldKey: string;
  /** 个人信息: the policy's name for it. */
  field: string;
  fieldEn: string;
  category: string;
  sensitive: boolean;
  sensitiveClass: SensitiveClass | null;
  /** 使用目的 */
  purposes: string[];
  /** 使用场景: when it is collected, in the policy's words. */
  scenarios: string[];
  /** 权限 */
  permissions: string[];
  /** 收集方式: directly from the user, or from whom indirectly. */
  collectionMethods: string[];
  /** Whether the user may refuse it in every scenario, some, or none. */
  refusable: (typeof REFUSABILITY)[number];
  flowKeys: string[];
  clauseRefs: string[];
}

export interface ThirdPartySharingEntry {
  flowKey: string;
  recipientKey: string;
  /** 第三方名称 */
  recipient: string;
  recipientEn: string;
  recipientKind: PartyKind;
  /** SDK 包名 */
  sdkPackages: string[];
  /** 共享方式: an SDK collecting on the device, or sent from the handler's servers. */
  method: (typeof SHARING_METHODS)[number];
  sharingKind: string;
  /** 共享的个人信息 */
  fields: string[];
  sensitiveFields: string[];
  /** 使用目的 */
  purposes: string[];
  /** 法律依据 */
  legalBases: string[];
  /** 同意方式 */
  consent: string;
  refusable: boolean;
  /** 联系方式 */
  contact: string | null;
  country: string | null;
  clauseRefs: string[];
}

/** 已收集个人信息清单: one entry per field the handler collects, from the user or from others. */
export function collectedInformationList(index: InventoryIndex): CollectedInformationEntry[] {
  const byField = new Map<string, DataFlow[]>();
  for (const flow of index.manifest.flows) {
    if (!index.isHandler(flow.to) || index.isHandler(flow.from)) continue;
    for (const k of index.carriedFields(flow.key)) byField.set(k, [...(byField.get(k) ?? []), flow]);
  }
  const entries: CollectedInformationEntry[] = [];
  for (const [fieldKey, flows] of byField) {
    const field = index.fields.get(fieldKey)!;
    const optional = flows.filter((f) => f.optional).length;
    entries.push({
      fieldKey,
      field: index.fieldLabel(fieldKey),
      fieldEn: field.name,
      category: index.label(index.categories.get(field.category), field.category),
      sensitive: index.isSensitive(fieldKey),
      sensitiveClass: index.sensitiveClassOf(fieldKey),
      purposes: unique(flows.flatMap((f) => f.purposes.map((p) => index.purposeLabel(p)))),
      scenarios: unique(flows.map((f) => scenarioOf(index, f))),
      permissions: unique(flows.flatMap((f) => f.permissions.map((p) => permissionLabel(p, index.permissions.get(p))))),
      // Direct collection first, then each source it comes from indirectly.
      collectionMethods: unique([
        ...flows.filter((f) => index.isDataSubject(f.from)).map(() => '直接收集 from the user'),
        ...flows.filter((f) => !index.isDataSubject(f.from)).map((f) => `间接收集 from ${index.partyLabel(f.from)}`),
      ]),
      refusable: optional === flows.length ? 'YES' : optional === 0 ? 'NO' : 'PARTLY',
      flowKeys: flows.map((f) => f.key),
      clauseRefs: index.clauses(flows.flatMap((f) => f.sources)).map((c) => c.ref),
    });
  }
  // Grouped as a reader scans it: by category, then the policy's order of fields.
  const order = new Map(index.inReadingOrder(entries.map((e) => e.fieldKey)).map((k, i) => [k, i]));
  return entries.sort((a, b) => order.get(a.fieldKey)! - order.get(b.fieldKey)!);
}

/** 与第三方共享个人信息清单 / 第三方SDK目录: one entry per flow from the handler to a recipient (the public aside). */
export function thirdPartySharingList(index: InventoryIndex): ThirdPartySharingEntry[] {
  const onDevice = new Set(index.manifest.flows.filter((f) => index.isDataSubject(f.from) && index.isHandler(f.to)).map((f) => f.to));
  const entries: ThirdPartySharingEntry[] = [];
  for (const flow of index.manifest.flows) {
    if (!index.isHandler(flow.from) || !index.isRecipient(flow.to)) continue;
    const party = index.parties.get(flow.to)!;
    if (party.kind === 'PUBLIC') continue;
    const fields = index.inReadingOrder(index.carriedFields(flow.key));
    entries.push({
      flowKey: flow.key,
      recipientKey: party.key,
      recipient: index.label(party),
      recipientEn: party.name,
      recipientKind: party.kind,
      sdkPackages: party.sdkPackages,
      method: onDevice.has(flow.from) ? 'SDK_ON_DEVICE' : 'FROM_SERVERS',
      sharingKind: both(FLOW_KIND_LABEL[flow.kind]),
      fields: fields.map((k) => index.fieldLabel(k)),
      sensitiveFields: fields.filter((k) => index.isSensitive(k)).map((k) => index.fieldLabel(k)),
      purposes: flow.purposes.map((p) => index.purposeLabel(p)),
      legalBases: flow.legalBases.map((k) => index.legalBases.get(k)?.article ?? k),
      consent: both(CONSENT_LABEL[flow.consent]),
      refusable: flow.optional,
      contact: party.contact ?? null,
      country: party.country ?? null,
      clauseRefs: index.clauses(flow.sources).map((c) => c.ref),
    });
  }
  // SDKs first (what the 第三方SDK目录 is about), then by recipient.
  return entries.sort((a, b) => (a.method === b.method ? compareKeys(a.recipientKey, b.recipientKey) || compareKeys(a.flowKey, b.flowKey) : a.method === 'SDK_ON_DEVICE' ? -1 : 1));
}

/** `位置权限 (ACCESS_FINE_LOCATION)`: the policy's name and the permission itself. */
function permissionLabel(key: string, permission: Permission | undefined): string {
  const short = key.replace(/^android\.permission\./, '');
  const name = permission?.nameZh || permission?.name;
  return name && name !== short ? `${name} (${short})` : short;
}

function scenarioOf(index: InventoryIndex, flow: DataFlow): string {
  return (flow.scenario ?? index.flowLabel(flow.key)).replace(/\s+/g, ' ').trim();
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
