/**
 * What one change means, per node type: which areas of the policy's major-change definition
 * (§一.3) it touches, why, and whether PIPL requires the user's consent again before the changed
 * processing. inventory-diff.ts runs these over every node that was added, removed or changed.
 */
import type { DataFlow } from '../manifest';
import type { ConsentRequirement } from '../vocabulary';
import type { Citation } from './articles';
import type { ChangeArea, ChangeKind, PropertyChange } from './inventory-diff';
import type { InventoryIndex } from './inventory-index';
import { flowBases } from './legal-bases';

/** The inventories compared: the old one, and the new one. */
export interface InventoryPair {
  before: InventoryIndex;
  after: InventoryIndex;
}

/** What a classifier decides about one change. */
export interface Verdict {
  areas: ChangeArea[];
  renew: boolean;
  reasons: string[];
  cite: Citation[];
}

export type Classifier = (ctx: InventoryPair, key: string, change: ChangeKind, props: PropertyChange[]) => Verdict;

const CONSENT_STRENGTH: Record<ConsentRequirement, number> = { NONE: 0, CONSENT: 1, SEPARATE_CONSENT: 2, GUARDIAN_CONSENT: 2, WRITTEN_CONSENT: 3 };

const changed = (props: PropertyChange[], ...names: string[]) => props.filter((p) => names.includes(p.property));
const listDelta = (p: PropertyChange) => {
  const a = new Set((p.before ?? '').split(', ').filter(Boolean));
  const b = new Set((p.after ?? '').split(', ').filter(Boolean));
  return { added: [...b].filter((x) => !a.has(x)), removed: [...a].filter((x) => !b.has(x)) };
};
const verdict = (): Verdict => ({ areas: [], renew: false, reasons: [], cite: [] });

/** Flows (in the new inventory) that rest on consent and touch this node: where consent must be asked again. */
function consentFlows(index: InventoryIndex, touches: (f: DataFlow) => boolean): DataFlow[] {
  return index.manifest.flows.filter((f) => touches(f) && flowBases(index, f).reliesOnConsent);
}

export const classifyDocument: Classifier = (_ctx, key, change, props) => {
  const v = verdict();
  v.areas.push('EDITORIAL');
  if (change === 'CHANGED') {
    const clauses = props.filter((p) => p.property.startsWith('clause '));
    const dates = changed(props, 'updatedAt', 'effectiveAt');
    if (clauses.length) v.reasons.push(`${clauses.length} clause${clauses.length === 1 ? '' : 's'} added, removed or reworded (${clauses.map((p) => p.property.slice(7)).join(', ')}): check each against §一.3`);
    if (dates.length) v.reasons.push(`the policy's dates changed (${dates.map((p) => `${p.property} ${p.before} → ${p.after}`).join(', ')})`);
  } else {
    v.reasons.push(change === 'ADDED' ? `policy document ${key} added` : `policy document ${key} removed`);
  }
  return v;
};

export const classifyCategory: Classifier = (_ctx, key, change, props) => {
  const v = verdict();
  const sens = changed(props, 'sensitivity');
  if (sens.length) {
    v.areas.push('SERVICE_MODEL');
    v.reasons.push(`category ${key} is now ${sens[0].after} (was ${sens[0].before}); its fields change with it`);
    v.cite.push('PIPL Art. 28');
  } else {
    v.areas.push('EDITORIAL');
    if (change !== 'CHANGED') v.reasons.push(`category ${key} ${change === 'ADDED' ? 'added' : 'removed'}; what matters is which flows carry its fields`);
  }
  return v;
};

export const classifyField: Classifier = (ctx, key, change, props) => {
  const v = verdict();
  if (change === 'ADDED') {
    v.areas.push('SERVICE_MODEL');
    v.reasons.push(`a new type of personal information: ${ctx.after.fieldLabel(key)}`);
    const flows = consentFlows(ctx.after, (f) => ctx.after.carriedFields(f.key).includes(key));
    if (flows.length) {
      v.renew = true;
      v.reasons.push(`collected on consent in ${flows.map((f) => f.key).join(', ')}: consent covers only the types the user was told of`);
      if (ctx.after.isSensitive(key)) v.cite.push('PIPL Art. 29');
    }
  } else if (change === 'REMOVED') {
    v.areas.push('SERVICE_MODEL');
    v.reasons.push(`no longer processed: ${ctx.before.fieldLabel(key)}`);
  } else {
    const sens = changed(props, 'sensitivity');
    if (sens.length) {
      v.areas.push('SERVICE_MODEL');
      const nowSensitive = sens[0].after !== 'not sensitive';
      v.reasons.push(`sensitivity changed: ${sens[0].before} → ${sens[0].after}`);
      const flows = consentFlows(ctx.after, (f) => ctx.after.carriedFields(f.key).includes(key));
      if (nowSensitive && sens[0].before === 'not sensitive' && flows.length) {
        v.renew = true;
        v.reasons.push(`now sensitive: separate consent is needed where it is collected on consent (${flows.map((f) => f.key).join(', ')})`);
        v.cite.push('PIPL Art. 29');
      }
    } else {
      v.areas.push('EDITORIAL');
    }
  }
  return v;
};

export const classifyPurpose: Classifier = (ctx, key, change, props) => {
  const v = verdict();
  if (change === 'ADDED') {
    v.areas.push('SERVICE_MODEL');
    v.reasons.push(`a new purpose of processing: ${ctx.after.purposeLabel(key)}`);
    const flows = consentFlows(ctx.after, (f) => f.purposes.includes(key));
    if (flows.length) {
      v.renew = true;
      v.reasons.push(`served on consent by ${flows.map((f) => f.key).join(', ')}: consent given for other purposes does not cover it`);
    }
  } else if (change === 'REMOVED') {
    v.areas.push('SERVICE_MODEL');
    v.reasons.push(`purpose withdrawn: ${ctx.before.purposeLabel(key)}`);
  } else {
    const type = changed(props, 'functionType');
    if (type.length) {
      v.areas.push('SERVICE_MODEL', 'RIGHTS');
      if (type[0].after === 'BASIC') {
        v.reasons.push('the purpose became a basic function: users can no longer refuse it and keep the service');
        const flows = consentFlows(ctx.after, (f) => f.purposes.includes(key));
        if (flows.length) {
          v.renew = true;
          v.cite.push('PIPL Art. 16');
        }
      } else {
        v.reasons.push('the purpose became an extended function: users may now refuse it');
      }
    }
    const names = changed(props, 'name', 'nameZh');
    if (names.length) {
      v.areas.push('SERVICE_MODEL');
      v.reasons.push(`the purpose is worded differently (${names.map((p) => `"${p.before}" → "${p.after}"`).join(', ')}): if its meaning changed, consent must be asked again`);
    }
    if (!v.areas.length) v.areas.push('EDITORIAL');
  }
  return v;
};

export const classifyPermission: Classifier = (ctx, key, change) => {
  const v = verdict();
  if (change === 'ADDED') {
    v.areas.push('SERVICE_MODEL');
    v.reasons.push(`a new OS permission is requested: ${key}`);
    const flows = consentFlows(ctx.after, (f) => f.permissions.includes(key));
    if (flows.length) {
      v.renew = true;
      v.reasons.push(`it gates consent-based flows: ${flows.map((f) => f.key).join(', ')}`);
    }
  } else if (change === 'REMOVED') {
    v.areas.push('SERVICE_MODEL');
    v.reasons.push(`permission no longer requested: ${key}`);
  } else {
    v.areas.push('EDITORIAL');
  }
  return v;
};

export const classifyParty: Classifier = (ctx, key, change, props) => {
  const v = verdict();
  const party = ctx.after.parties.get(key) ?? ctx.before.parties.get(key)!;
  const wasRecipient = ctx.before.isRecipient(key);
  const isRecipient = ctx.after.isRecipient(key);
  if (change === 'ADDED' || change === 'REMOVED') {
    if (isRecipient || wasRecipient) {
      v.areas.push('RECIPIENTS');
      v.reasons.push(`${change === 'ADDED' ? 'a new' : 'a former'} recipient: ${ctx.after.partyLabel(key) || ctx.before.partyLabel(key)} (${party.kind})`);
      if (change === 'ADDED') {
        const flows = consentFlows(ctx.after, (f) => f.to === key && ctx.after.isHandler(f.from));
        if (flows.length) {
          v.renew = true;
          v.reasons.push(`receives data on consent (${flows.map((f) => f.key).join(', ')}): the user has not agreed to this recipient`);
          v.cite.push('PIPL Art. 23');
        }
      }
    } else if (party.kind === 'FIRST_PARTY') {
      v.areas.push('SERVICE_MODEL');
      v.reasons.push(`the handler ${change === 'ADDED' ? 'added' : 'removed'} a system: ${party.name}`);
    } else {
      v.areas.push('EDITORIAL');
    }
    return v;
  }
  const kind = changed(props, 'kind');
  const names = changed(props, 'name', 'nameZh');
  const contact = changed(props, 'contact');
  if (party.kind === 'FIRST_PARTY' || kind.some((p) => p.before === 'FIRST_PARTY')) {
    if (names.length || kind.length) {
      v.areas.push('CONTROL');
      v.reasons.push(`the handler's identity changed (${[...names, ...kind].map((p) => `${p.property}: "${p.before}" → "${p.after}"`).join(', ')})`);
      v.cite.push('PIPL Art. 22');
    }
    if (contact.length) {
      v.areas.push('CONTACT');
      v.reasons.push(`the handler's contact details changed: "${contact[0].before ?? 'none'}" → "${contact[0].after ?? 'none'}"`);
      v.cite.push('PIPL Art. 17(1)(1)');
    }
  } else if (party.kind === 'DATA_SUBJECT') {
    if (changed(props, 'description', 'sources').length) {
      v.areas.push('RIGHTS');
      v.reasons.push("the description of the data subject's rights and how to exercise them changed");
      v.cite.push('PIPL Art. 17(1)(3)');
    }
  } else if (isRecipient || wasRecipient) {
    if (names.length || kind.length || contact.length || changed(props, 'sdkPackages', 'country').length) v.areas.push('RECIPIENTS');
    if (names.length) v.reasons.push(`the recipient is named differently (${names.map((p) => `"${p.before}" → "${p.after}"`).join(', ')}): if it is a different company, consent must be asked again`);
    if (contact.length) v.reasons.push("the recipient's contact details changed");
    if (changed(props, 'sdkPackages').length) v.reasons.push("the recipient's SDK packages changed");
    if (kind.length) {
      v.reasons.push(`the recipient's role changed: ${kind[0].before} → ${kind[0].after}`);
      // An entrusted party acts on instructions; one that now decides for itself is a new handler to the user.
      if (kind[0].before === 'ENTRUSTED_PARTY' && (kind[0].after === 'THIRD_PARTY' || kind[0].after === 'AFFILIATE')) {
        const flows = consentFlows(ctx.after, (f) => f.to === key);
        if (flows.length) {
          v.renew = true;
          v.cite.push('PIPL Art. 23');
        }
      }
    }
    const country = changed(props, 'country');
    if (country.length) {
      v.reasons.push(`the recipient now processes in ${country[0].after ?? 'an unstated country'} (was ${country[0].before ?? 'unstated'})`);
      const abroad = ctx.after.inbound(key).filter((f) => ctx.after.isCrossBorder(f) && !ctx.before.isCrossBorder(ctx.before.flows.get(f.key) ?? f));
      if (abroad.length) {
        v.renew = true;
        v.reasons.push(`now a cross-border provision (${abroad.map((f) => f.key).join(', ')}): separate consent and a transfer mechanism are needed`);
        v.cite.push('PIPL Art. 39', 'PIPL Art. 38');
      }
    }
  }
  if (!v.areas.length) v.areas.push('EDITORIAL');
  return v;
};

export const classifyLegalBasis: Classifier = (_ctx, key, change, props) => {
  const v = verdict();
  if (change === 'CHANGED' && changed(props, 'article', 'jurisdiction').length) {
    v.areas.push('RIGHTS');
    v.reasons.push(`legal basis ${key} now cites ${changed(props, 'article')[0]?.after ?? 'another jurisdiction'}: the rights a user has (withdrawal, objection) follow the basis`);
    v.cite.push('PIPL Art. 13');
  } else {
    v.areas.push('EDITORIAL');
  }
  return v;
};

export const classifyFlow: Classifier = (ctx, key, change, props) => {
  const v = verdict();
  const { before, after } = ctx;
  const flow = after.flows.get(key) ?? before.flows.get(key)!;
  const index = after.flows.has(key) ? after : before;
  const discloses = index.isHandler(flow.from) && index.isRecipient(flow.to);
  const relies = after.flows.has(key) && flowBases(after, after.flows.get(key)!).reliesOnConsent;
  const sensitive = index.sensitiveFieldsOf(key);
  if (change === 'ADDED' || change === 'REMOVED') {
    v.areas.push('SERVICE_MODEL');
    if (discloses) v.areas.push('RECIPIENTS');
    v.reasons.push(change === 'ADDED'
      ? `new processing: ${index.flowLabel(key)} (${flow.kind}${discloses ? ` to ${index.partyLabel(flow.to)}` : ''})`
      : `processing stopped: ${index.flowLabel(key)}`);
    if (change === 'ADDED' && relies) {
      v.renew = true;
      v.reasons.push(flow.consent === 'SEPARATE_CONSENT' || flow.consent === 'WRITTEN_CONSENT' ? 'it rests on consent, which must be obtained for it' : 'it rests on consent, which must be obtained for it (separate consent where it provides, discloses or carries sensitive data)');
      if (flow.kind === 'PROVISION') v.cite.push('PIPL Art. 23');
      if (flow.kind === 'PUBLIC_DISCLOSURE') v.cite.push('PIPL Art. 25');
      if (sensitive.length) v.cite.push('PIPL Art. 29');
    }
    return v;
  }
  const renewIf = (cond: boolean, reason: string, ...cite: Citation[]) => {
    if (cond && relies) {
      v.renew = true;
      v.reasons.push(reason);
      v.cite.push(...cite);
    }
  };
  for (const p of changed(props, 'carriedFields')) {
    const d = listDelta(p);
    v.areas.push('SERVICE_MODEL');
    if (d.added.length) {
      v.reasons.push(`now also carries ${d.added.map((k) => after.fieldLabel(k)).join(', ')}`);
      renewIf(true, 'the added types of personal information are not covered by the consent given', ...(d.added.some((k) => after.isSensitive(k)) ? (['PIPL Art. 29'] as Citation[]) : []));
    }
    if (d.removed.length) v.reasons.push(`no longer carries ${d.removed.map((k) => before.fieldLabel(k)).join(', ')}`);
  }
  for (const p of changed(props, 'purposes')) {
    const d = listDelta(p);
    v.areas.push('SERVICE_MODEL');
    if (d.added.length) {
      v.reasons.push(`now also for ${d.added.map((k) => after.purposeLabel(k)).join(', ')}`);
      renewIf(true, 'a new purpose is not covered by the consent given');
    }
    if (d.removed.length) v.reasons.push(`no longer for ${d.removed.map((k) => before.purposeLabel(k)).join(', ')}`);
  }
  const ends = changed(props, 'from', 'to');
  if (ends.length) {
    const recipientEnd = ends.some((p) => (p.before && (before.isRecipient(p.before))) || (p.after && after.isRecipient(p.after)));
    v.areas.push(recipientEnd ? 'RECIPIENTS' : 'SERVICE_MODEL');
    v.reasons.push(ends.map((p) => `${p.property} ${p.before} → ${p.after}`).join(', '));
    renewIf(recipientEnd && after.isRecipient(flow.to), 'the data goes to a recipient the user did not agree to', 'PIPL Art. 23');
  }
  const kind = changed(props, 'kind');
  if (kind.length) {
    const outward = ['PROVISION', 'PUBLIC_DISCLOSURE', 'TRANSFER'].includes(kind[0].after ?? '');
    v.areas.push('SERVICE_MODEL');
    if (outward) v.areas.push('RECIPIENTS');
    v.reasons.push(`the way the data is handled changed: ${kind[0].before} → ${kind[0].after}`);
    renewIf(true, 'a different method of processing is not covered by the consent given', ...(kind[0].after === 'PROVISION' ? (['PIPL Art. 23'] as Citation[]) : kind[0].after === 'PUBLIC_DISCLOSURE' ? (['PIPL Art. 25'] as Citation[]) : []));
  }
  const consent = changed(props, 'consent');
  if (consent.length) {
    const weaker = CONSENT_STRENGTH[consent[0].after as ConsentRequirement] < CONSENT_STRENGTH[consent[0].before as ConsentRequirement];
    if (weaker) {
      v.areas.push('RIGHTS');
      v.reasons.push(`weaker consent: ${consent[0].before} → ${consent[0].after}`);
    } else {
      v.areas.push('EDITORIAL');
      v.reasons.push(`stronger consent: ${consent[0].before} → ${consent[0].after}`);
    }
  }
  const optional = changed(props, 'optional');
  if (optional.length) {
    v.areas.push('RIGHTS');
    if (optional[0].after === 'false') {
      v.reasons.push('users can no longer refuse this processing and keep the basic functions');
      renewIf(true, 'processing that was refusable became a condition of the service', 'PIPL Art. 16');
    } else {
      v.reasons.push('users may now refuse this processing');
    }
  }
  const bases = changed(props, 'legalBases');
  if (bases.length) {
    v.areas.push('RIGHTS');
    const d = listDelta(bases[0]);
    v.reasons.push(`legal bases changed${d.added.length ? `: + ${d.added.join(', ')}` : ''}${d.removed.length ? `${d.added.length ? ';' : ':'} − ${d.removed.join(', ')}` : ''}`);
  }
  const perms = changed(props, 'permissions');
  if (perms.length) {
    const d = listDelta(perms[0]);
    if (d.added.length) {
      v.areas.push('SERVICE_MODEL');
      v.reasons.push(`now needs ${d.added.join(', ')}`);
      renewIf(true, 'a new permission changes how the data is collected');
    }
    if (d.removed.length && !d.added.length) v.areas.push('EDITORIAL');
  }
  const deid = changed(props, 'deidentified');
  if (deid.length) {
    if (deid[0].after === 'false') {
      v.areas.push('SERVICE_MODEL');
      v.reasons.push('no longer de-identified: the data now identifies users');
      renewIf(true, 'identifiable data where de-identified data was agreed to');
    } else {
      v.areas.push('EDITORIAL');
      v.reasons.push('now de-identified');
    }
  }
  const abroad = changed(props, 'crossBorder');
  if (abroad.length && abroad[0].after === 'true') {
    v.areas.push('RECIPIENTS');
    v.reasons.push('now crosses a border');
    v.renew = true;
    v.cite.push('PIPL Art. 39', 'PIPL Art. 38');
  }
  if (changed(props, 'retention').length) {
    v.areas.push('NOTICE');
    v.reasons.push('the retention statement changed (a notice item of PIPL Art. 17(1)(2))');
  }
  if (!v.areas.length) v.areas.push('EDITORIAL');
  return v;
};
