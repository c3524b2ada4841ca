/**
 * Impact assessments (PIPL Art. 55–56, WP248 alongside) on hand-built inventories and on the
 * seeded 进圈 inventory, whole and scoped.
 */
import { evaluateRules } from '../../src/domain/compliance/findings';
import { assessImpact, type ImpactAssessment } from '../../src/domain/compliance/impact-assessment';
import type { InventoryIndex } from '../../src/domain/compliance/inventory-index';
import { COMPLIANCE_RULES } from '../../src/domain/compliance/rules';
import type { AssessmentScope } from '../../src/domain/compliance/scope';
import { ValidationError } from '../../src/domain/problems';
import { compliantApp, indexOf, partyOf, seedIndex, variant } from './fixtures';

const NOW = new Date('2025-03-01T08:00:00Z');
function pia(index: InventoryIndex, scope?: AssessmentScope): ImpactAssessment {
  return assessImpact(index, scope, evaluateRules(index, COMPLIANCE_RULES), NOW);
}
const trigger = (a: ImpactAssessment, t: string) => a.piplTriggers.find((x) => x.trigger === t)!;
const criterion = (a: ImpactAssessment, c: string) => a.wp248Criteria.find((x) => x.criterion === c)!;

describe('on a small inventory', () => {
  it('finds the Art. 55 triggers the processing has, and dates the three-year keeping', () => {
    const a = pia(indexOf(compliantApp()));
    expect(a.generatedAt).toBe('2025-03-01T08:00:00.000Z');
    expect(a.keepUntil).toBe('2028-03-01');
    expect(a.piplTriggers.map((t) => [t.item, t.applies])).toEqual([
      ['PIPL Art. 55(1)', true], // precise location
      ['PIPL Art. 55(2)', false],
      ['PIPL Art. 55(3)', true], // provided to Vendor, entrusted to Processor
      ['PIPL Art. 55(4)', false],
      ['PIPL Art. 55(5)', false],
    ]);
    expect(trigger(a, 'ENTRUSTING_PROVIDING_DISCLOSING').evidence).toEqual(['entrusted: entrust-processor → 受托公司', 'provided: share-vendor → 供应商']);
    expect(a.summary).toMatchObject({ flows: 6, fields: 4, sensitiveFields: 1, recipients: 2, purposes: 2, piplAssessmentRequired: true, wp248CriteriaMet: 1, gdprDpiaLikely: false });
    expect(a.summary.conclusion).toContain('required before this processing (PIPL Art. 55(1), PIPL Art. 55(3))');
    expect(a.findings).toEqual([]);
  });

  it('adds cross-border provision (Art. 55(4)) and rates the flow HIGH', () => {
    const a = pia(indexOf(variant((i) => (partyOf(i, 'vendor').country = 'US'))));
    expect(trigger(a, 'CROSS_BORDER')).toMatchObject({ applies: true, flowKeys: ['share-vendor'], evidence: ['share-vendor: CN → US'] });
    const flow = a.flows.find((f) => f.flowKey === 'share-vendor')!;
    expect(flow.risk).toBe('HIGH');
    expect(flow.riskFactors).toEqual(expect.arrayContaining(['cross-border: CN → US', 'provided to an independent handler (THIRD_PARTY)', 'separate consent obtained']));
    expect(a.summary.openFindings.HIGH).toBe(1);
    expect(a.summary.overallRisk).toBe('HIGH');
  });

  it('rates flows from their factors: internal plain data LOW, sensitive required data HIGH, de-identification one level lower', () => {
    const a = pia(indexOf(variant((i) => {
      i.flows.find((f) => f.key === 'collect-geo')!.optional = false;
      i.flows.find((f) => f.key === 'entrust-processor')!.deidentified = true;
    })));
    const risk = Object.fromEntries(a.flows.map((f) => [f.flowKey, f.risk]));
    expect(risk).toMatchObject({ 'upload-account': 'LOW', 'collect-geo': 'HIGH', 'upload-geo': 'MEDIUM', 'share-vendor': 'HIGH', 'entrust-processor': 'LOW' });
    expect(a.flows.find((f) => f.flowKey === 'entrust-processor')!.riskFactors).toContain('risk lowered one level for de-identification');
  });

  it('screens WP248: minors, biometrics and profiling each count', () => {
    const a = pia(indexOf(variant((i) => {
      i.categories.push({ key: 'bio', name: 'Biometric', sensitive: true, sensitiveClass: 'BIOMETRIC' }, { key: 'kids', name: 'Children', sensitive: true, sensitiveClass: 'MINOR_UNDER_14' });
      i.fields.push({ key: 'face', name: 'Face', category: 'bio' }, { key: 'kid-age', name: 'Child age', category: 'kids' });
      i.purposes.push({ key: 'ads', name: 'Personalised ads', nameZh: '用户画像', functionType: 'EXTENDED' });
      i.flows.push({ key: 'collect-face', from: 'user', to: 'app', kind: 'COLLECTION', fields: ['face', 'kid-age'], purposes: ['ads'], legalBases: ['consent'], consent: 'GUARDIAN_CONSENT', optional: true });
    })));
    expect(a.wp248Criteria.map((c) => [c.number, c.status])).toEqual([
      [1, 'MET'], [2, 'UNKNOWN'], [3, 'NOT_MET'], [4, 'MET'], [5, 'UNKNOWN'], [6, 'NOT_MET'], [7, 'MET'], [8, 'MET'], [9, 'NOT_MET'],
    ]);
    expect(a.summary.gdprDpiaLikely).toBe(true);
    expect(trigger(a, 'AUTOMATED_DECISION_MAKING').evidence).toEqual(['purpose 用户画像 says "Personalised ads", "画像"']);
    expect(trigger(a, 'OTHER_SIGNIFICANT_IMPACT')).toMatchObject({ applies: true, fieldKeys: ['face', 'kid-age'] });
  });

  it('records the measures it can see: separate consent, choice, permissions, retention limits, entrustment, localisation', () => {
    const a = pia(indexOf(compliantApp()));
    expect(a.measures.map((m) => m.kind)).toEqual(['SEPARATE_CONSENT', 'USER_CHOICE', 'PERMISSION_AT_USE', 'RETENTION_LIMIT', 'ENTRUSTMENT', 'DATA_LOCALISATION']);
    expect(a.measures.find((m) => m.kind === 'SEPARATE_CONSENT')!.flowKeys).toEqual(['collect-geo', 'upload-geo', 'share-vendor']);
  });
});

describe('scopes', () => {
  const index = () => indexOf(compliantApp());

  it('narrows across kinds and widens within one', () => {
    expect(pia(index(), { fieldKeys: ['geo'] }).flows.map((f) => f.flowKey)).toEqual(['collect-geo', 'upload-geo', 'share-vendor']);
    expect(pia(index(), { fieldKeys: ['geo'], recipientKeys: ['vendor'] }).flows.map((f) => f.flowKey)).toEqual(['share-vendor']);
    expect(pia(index(), { fieldKeys: ['geo', 'model'], recipientKeys: ['vendor', 'processor'] }).flows.map((f) => f.flowKey)).toEqual(['entrust-processor', 'share-vendor']);
  });

  it('assesses only the fields named, and describes the scope', () => {
    const a = pia(index(), { fieldKeys: ['model'], purposeKeys: ['account'] });
    expect(a.scope).toMatchObject({ whole: false, description: 'fields 设备型号; purposes 账号注册', fieldKeys: ['model'] });
    expect(a.flows.every((f) => f.fieldKeys.join() === 'model')).toBe(true);
    expect(a.summary.fields).toBe(1);
    expect(trigger(a, 'SENSITIVE_PI').applies).toBe(false);
  });

  it('names every unknown key, and refuses a scope that matches nothing', () => {
    let error: ValidationError | undefined;
    try {
      pia(index(), { fieldKeys: ['geo', 'nope'], purposeKeys: ['missing'] });
    } catch (err) {
      error = err as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.problems).toEqual([
      { path: 'scope.fieldKeys[1]', message: 'unknown field "nope"' },
      { path: 'scope.purposeKeys[0]', message: 'unknown purpose "missing"' },
    ]);
    expect(() => pia(index(), { fieldKeys: ['phone'], recipientKeys: ['vendor'] })).toThrow(/no data flow matches this scope/);
  });
});

describe('on the 进圈 inventory', () => {
  let whole: ImpactAssessment;
  beforeAll(() => {
    whole = pia(seedIndex());
  });

  it('is required under Art. 55(1), (2), (3) and (5) — not (4): everything stays in the PRC (十.1)', () => {
    expect(whole.piplTriggers.filter((t) => t.applies).map((t) => t.item)).toEqual(['PIPL Art. 55(1)', 'PIPL Art. 55(2)', 'PIPL Art. 55(3)', 'PIPL Art. 55(5)']);
    expect(trigger(whole, 'AUTOMATED_DECISION_MAKING').evidence.join(' ')).toContain('间接用户画像');
    expect(trigger(whole, 'OTHER_SIGNIFICANT_IMPACT').fieldKeys).toEqual(['facial-features']);
  });

  it('meets five WP248 criteria, and says what the inventory cannot know', () => {
    expect(whole.wp248Criteria.filter((c) => c.status === 'MET').map((c) => c.number)).toEqual([1, 3, 4, 6, 8]);
    expect(criterion(whole, 'LARGE_SCALE').status).toBe('UNKNOWN');
    expect(criterion(whole, 'VULNERABLE_DATA_SUBJECTS')).toMatchObject({ status: 'UNKNOWN', evidence: [expect.stringContaining('excludes minors but nothing checks age')] });
    expect(criterion(whole, 'SYSTEMATIC_MONITORING').evidence.join(' ')).toContain('user-app-security-device: "Background", "后台", "静默"');
    expect(criterion(whole, 'MATCHING_OR_COMBINING_DATASETS').evidence.join(' ')).toContain('receives the same fields from 第三方业务合作伙伴 and 运营商');
    expect(whole.summary.gdprDpiaLikely).toBe(true);
  });

  it('summarises the whole inventory and carries every finding', () => {
    expect(whole.summary).toMatchObject({ flows: 57, fields: 85, sensitiveFields: 27, recipients: 14, purposes: 28, overallRisk: 'HIGH' });
    expect(whole.summary.openFindings).toEqual({ INFO: 0, LOW: 10, MEDIUM: 24, HIGH: 27 });
    expect(whole.findings).toHaveLength(61);
    expect(whole.handler).toEqual({ names: ['厦门勇气网络科技有限公司'], contact: expect.stringContaining('北京市朝阳区北苑路北北辰泰岳大厦13层') });
    expect(whole.documents).toEqual([{ key: 'jinquan-privacy-2021', title: '进圈用户隐私政策', updatedAt: '2021-08-31', effectiveAt: '2021-09-01' }]);
  });

  it("finds the policy's localisation and security commitments among the measures", () => {
    const measure = (k: string) => whole.measures.find((m) => m.kind === k)!;
    expect(measure('DATA_LOCALISATION').clauses.map((c) => c.ref)).toEqual(['十.1']);
    expect(measure('SECURITY_COMMITMENT').clauses.map((c) => c.ref)).toEqual(expect.arrayContaining(['七.1', '七.2', '七.3', '七.6']));
    expect(measure('DEIDENTIFICATION').flowKeys).toEqual(['app-servers-contacts-encrypted', 'servers-public-notices', 'servers-research', 'servers-service-providers']);
    expect(measure('SEPARATE_CONSENT')).toBeUndefined();
  });

  it('judges purposes by basis and choice (Art. 56(1))', () => {
    const research = whole.purposes.find((p) => p.purposeKey === 'scientific-research')!;
    expect(research).toMatchObject({ functionType: 'EXTENDED', refusable: false, legalBases: [{ key: 'gbt-35273-statistics-research', standing: 'not a PIPL basis' }] });
    const logs = whole.purposes.find((p) => p.purposeKey === 'legal-compliance')!;
    expect(logs.legalBases.find((b) => b.key === 'cn-cybersecurity-law-21')!.standing).toBe('a statutory duty: PIPL Art. 13(1)(3)');
  });

  it('scoped to face data: the real-name flows, the bodies, the authorities and a successor, with their clauses', () => {
    const face = pia(seedIndex(), { fieldKeys: ['facial-features'] });
    expect(face.flows.map((f) => f.flowKey)).toEqual(['user-app-real-name', 'app-servers-real-name', 'servers-authorities-legal', 'servers-certification-bodies', 'servers-successor']);
    expect(face.flows.every((f) => f.sensitiveClasses.join() === 'BIOMETRIC')).toBe(true);
    expect(face.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['sensitive-pi-without-separate-consent:FLOW:user-app-real-name', 'no-retention-statement:FLOW:servers-certification-bodies']));
    expect(face.findings.some((f) => f.rule === 'provision-without-separate-consent')).toBe(false);
    expect(face.clauses.map((c) => c.ref)).toEqual(expect.arrayContaining(['四.4.3¶2', '四.4.6', '五.2.2']));
    expect(face.summary.wp248CriteriaMet).toBeGreaterThanOrEqual(2);
  });
});
