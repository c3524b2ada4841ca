/**
 * The compliance API over real HTTP, against each real store seeded with 进圈: typed
 * documents from test/documents/compliance.graphql.
 */
import ExcelJS from 'exceljs';
import {
  BlastRadiusDocument,
  ComplianceReportDocument,
  ComplianceRulesDocument,
  ConsentWithdrawalDocument,
  DeletionPlanDocument,
  FindingsDocument,
  ImpactAssessmentDocument,
  ImportInventoryDocument,
  InventoryDiffDocument,
  RecordsOfProcessingDocument,
  RegulatorListsDocument,
  SnapshotsDocument,
  TakeSnapshotDocument,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore } from '../support/stores';
import { countCalls, type CountingStore } from '../support/counting-store';
import { parseStrictly } from './parsers';

// With this file's stores closed, the test Neo4j holds nothing (and its admin driver is closed).
afterAll(expectNeo4jLeftEmpty);

describeEachStore('compliance API', (kind) => {
  let app: TestApp;
  let counter: CountingStore;
  beforeAll(async () => {
    app = await startTestApp({ seed: 'jinquan', store: kind, wrap: (store) => (counter = countCalls(store)).store });
  });
  afterAll(() => app?.stop());

  describe('findings', () => {
    it('lists the real findings, most severe first, with counts, articles and quoted clauses', async () => {
      const { findings } = await app.query(FindingsDocument, {});
      expect(findings.totalCount).toBe(61);
      expect(findings.bySeverity).toEqual([
        { severity: 'HIGH', count: 27 },
        { severity: 'MEDIUM', count: 24 },
        { severity: 'LOW', count: 10 },
        { severity: 'INFO', count: 0 },
      ]);
      const umeng = findings.nodes.find((f) => f.id === 'provision-without-separate-consent:FLOW:app-umeng')!;
      expect(umeng).toMatchObject({ severity: 'HIGH', subject: { type: 'FLOW', key: 'app-umeng', name: 'Umeng+ SDK receives IMEI and collects identifiers and location' } });
      expect(umeng.articles[0]).toEqual({ law: 'PIPL', citation: 'PIPL Art. 23', title: expect.stringContaining('separate consent') });
      expect(umeng.clauses.find((c) => c.ref === '四.2.5')).toMatchObject({ citation: 'jinquan-privacy-2021#四.2.5', documentKey: 'jinquan-privacy-2021' });
      expect(umeng.involves.parties).toEqual(['jinquan-app', 'umeng']);
    });

    it('filters by severity, involvement, subject type, rule and law', async () => {
      const high = (await app.query(FindingsDocument, { filter: { minSeverity: 'HIGH' } })).findings;
      expect(high.totalCount).toBe(27);
      expect(high.nodes.every((f) => f.severity === 'HIGH')).toBe(true);
      const imei = (await app.query(FindingsDocument, { filter: { involving: 'imei', subjectType: 'FLOW' } })).findings;
      expect(imei.nodes.map((f) => f.subject.key)).toEqual(expect.arrayContaining(['app-umeng', 'app-liuti', 'user-app-security-device']));
      const parties = (await app.query(FindingsDocument, { filter: { rules: ['recipient-not-identified'], law: 'PIPL' } })).findings;
      expect(parties.totalCount).toBe(8);
    });

    it('names an unknown rule with BAD_USER_INPUT and the path of the problem', async () => {
      const res = await app.send(FindingsDocument, { filter: { rules: ['made-up'] } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'filter.rules[0]', message: expect.stringContaining('unknown rule "made-up"') }] });
    });

    it('publishes the rule catalogue', async () => {
      const { complianceRules } = await app.query(ComplianceRulesDocument);
      expect(complianceRules.map((r) => r.id)).toEqual(expect.arrayContaining(['sensitive-pi-without-separate-consent', 'cross-border-without-safeguards', 'minors-without-guardian-consent']));
      expect(complianceRules.find((r) => r.id === 'provision-without-separate-consent')!.articles.map((a) => a.citation)).toContain('PIPL Art. 25');
    });

    it('reads the inventory once per request, however many compliance fields it asks', async () => {
      counter.reset();
      await app.query(ImpactAssessmentDocument, {});
      expect(counter.calls.get('exportManifest')).toBe(1);
    });

    it('is readable by a viewer', async () => {
      expect((await app.query(FindingsDocument, { filter: { minSeverity: 'HIGH' } }, 'viewer')).findings.totalCount).toBe(27);
    });
  });

  describe('impactAssessment', () => {
    it('assesses the whole inventory', async () => {
      const { impactAssessment: a } = await app.query(ImpactAssessmentDocument, {});
      expect(a.scope.whole).toBe(true);
      expect(a.summary).toMatchObject({ flows: 57, piplAssessmentRequired: true, wp248CriteriaMet: 5, gdprDpiaLikely: true, overallRisk: 'HIGH' });
      expect(a.summary.openFindings).toEqual([{ severity: 'HIGH', count: 27 }, { severity: 'MEDIUM', count: 24 }, { severity: 'LOW', count: 10 }, { severity: 'INFO', count: 0 }]);
      expect(a.piplTriggers.filter((t) => t.applies).map((t) => t.trigger)).toEqual(['SENSITIVE_PI', 'AUTOMATED_DECISION_MAKING', 'ENTRUSTING_PROVIDING_DISCLOSING', 'OTHER_SIGNIFICANT_IMPACT']);
      expect(a.wp248Criteria.map((c) => c.status)).toEqual(['MET', 'UNKNOWN', 'MET', 'MET', 'UNKNOWN', 'MET', 'UNKNOWN', 'MET', 'UNKNOWN']);
      expect(a.measures.map((m) => m.kind)).toEqual(expect.arrayContaining(['DATA_LOCALISATION', 'SECURITY_COMMITMENT', 'DEIDENTIFICATION']));
      expect(a.keepUntil.slice(0, 4)).toBe(String(new Date().getUTCFullYear() + 3));
    });

    it('assesses a scope of recipients', async () => {
      const { impactAssessment: a } = await app.query(ImpactAssessmentDocument, { scope: { recipientKeys: ['umeng', 'liuti'] } });
      expect(a.flows.map((f) => f.flowKey)).toEqual(['app-liuti', 'app-umeng']);
      expect(a.flows.every((f) => f.risk === 'HIGH' && f.recipientKind === 'THIRD_PARTY')).toBe(true);
      expect(a.scope.description).toBe('recipients 友盟+, 北京流体网络科技有限公司');
    });

    it('names unknown scope keys with BAD_USER_INPUT', async () => {
      const res = await app.send(ImpactAssessmentDocument, { scope: { fieldKeys: ['imei', 'shoe-size'] } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'scope.fieldKeys[1]', message: 'unknown field "shoe-size"' }] });
    });
  });

  describe('records and lists', () => {
    it('gives the records of processing, one row per purpose × recipient', async () => {
      const { recordsOfProcessing: r } = await app.query(RecordsOfProcessingDocument);
      expect(r.controller).toBe('厦门勇气网络科技有限公司');
      const row = r.records.find((x) => x.id === 'payment/payment-institutions')!;
      expect(row).toMatchObject({ recipient: '支付机构', recipientKind: 'THIRD_PARTY', consent: ['CONSENT'], processingMethods: ['提供 provision to another handler'] });
      expect(row.sensitiveFields).toEqual(expect.arrayContaining(['银行卡信息 (FINANCIAL)', '身份证信息 (IDENTITY_DOCUMENT)']));
    });

    it('gives both regulator lists', async () => {
      const { collectedPersonalInformation: collected, thirdPartySharing: shared } = await app.query(RegulatorListsDocument);
      expect(collected).toHaveLength(85);
      expect(collected.find((e) => e.fieldKey === 'contact-list')).toMatchObject({ field: '通讯录信息', sensitiveClass: 'CONTACTS', permissions: ['通讯录权限 (READ_CONTACTS)'], refusable: 'YES' });
      expect(shared.filter((e) => e.method === 'SDK_ON_DEVICE').map((e) => e.recipient)).toEqual(['个推', '北京流体网络科技有限公司', '友盟+']);
    });
  });

  describe('snapshots and diffs', () => {
    it('an editor takes a snapshot; a change to the live inventory then shows as a major change needing consent', async () => {
      const { takeSnapshot } = await app.query(TakeSnapshotDocument, { label: 'before-new-sdk' });
      expect(takeSnapshot.label).toBe('before-new-sdk');
      await app.query(ImportInventoryDocument, {
        manifest: {
          parties: [{ key: 'crash-sdk', name: 'Crash reporting SDK', kind: 'THIRD_PARTY', country: 'US', sdkPackages: ['com.example.crash'] }],
          flows: [{ key: 'app-crash-sdk', from: 'jinquan-app', to: 'crash-sdk', kind: 'PROVISION', fields: ['device-model', 'android-id'], purposes: ['security'], legalBases: ['pipl-13-1-1-consent'], consent: 'CONSENT', optional: true }],
        },
        mode: 'MERGE',
      });
      const { inventoryDiff: d } = await app.query(InventoryDiffDocument, { from: 'before-new-sdk' });
      expect(d.to).toEqual({ label: 'current', createdAt: null });
      expect(d.summary).toEqual({ added: 2, removed: 0, changed: 0, major: 2, requiringRenewedConsent: 2 });
      const flow = d.changes.find((c) => c.key === 'app-crash-sdk')!;
      expect(flow).toMatchObject({ nodeType: 'flow', change: 'ADDED', areas: ['SERVICE_MODEL', 'RECIPIENTS'], major: true, requiresRenewedConsent: true });
      expect(flow.clauses.map((c) => c.ref)).toEqual(expect.arrayContaining(['一.3', '一.4']));
      expect(d.changePolicy.map((c) => c.ref)).toContain('一.3');
      expect((await app.query(SnapshotsDocument)).snapshots.map((s) => s.label)).toEqual(['before-new-sdk']);
      // The new flow is cross-border with no mechanism: the findings see it too.
      const { findings } = await app.query(FindingsDocument, { filter: { involving: 'crash-sdk', rules: ['cross-border-without-safeguards'] } });
      expect(findings.nodes.map((f) => f.subject.key)).toEqual(['app-crash-sdk']);
    });

    it('a viewer may not take snapshots; labels are checked; unknown snapshots are NOT_FOUND', async () => {
      expect((await app.send(TakeSnapshotDocument, { label: 'v-viewer' }, 'viewer')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const bad = await app.send(TakeSnapshotDocument, { label: 'current' });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'label', message: expect.stringContaining('live inventory') }] });
      const missing = await app.send(InventoryDiffDocument, { from: 'never-taken' });
      expect(missing.errors?.[0]).toMatchObject({ message: 'snapshot "never-taken" does not exist', extensions: { code: 'NOT_FOUND' } });
    });
  });

  describe('breach, withdrawal and deletion', () => {
    it('blastRadius of 友盟+', async () => {
      const { blastRadius: b } = await app.query(BlastRadiusDocument, { partyKey: 'umeng' });
      expect(b.exposed.map((e) => e.sensitiveClass)).toEqual(['NETWORK_IDENTITY', 'PRECISE_LOCATION', null]);
      expect(b.policyClauses.map((c) => c.ref)).toEqual(['七.6']);
      expect(b.notification).toHaveLength(5);
    });

    it('consentWithdrawal of the contacts permission', async () => {
      const { consentWithdrawal: w } = await app.query(ConsentWithdrawalDocument, { permissionKey: 'android.permission.READ_CONTACTS' });
      expect(w).toMatchObject({ basicFunctionSurvives: true, fieldsNoLongerCollected: ['contact-list'], permission: { runtime: true, group: 'CONTACTS' } });
      expect(w.functions).toEqual([{ purposeKey: 'block-contacts', functionType: 'EXTENDED', effect: 'STOPS', stoppedFlowKeys: ['user-app-contacts', 'app-servers-contacts-encrypted'], limitedFlowKeys: [] }]);
    });

    it('deletionPlan of the IP address', async () => {
      const { deletionPlan: d } = await app.query(DeletionPlanDocument, { fieldKey: 'ip-address' });
      expect(d.stores.find((s) => s.partyKey === 'jinquan-servers')).toMatchObject({ action: 'KEEP_FOR_LEGAL_PERIOD', keepAtLeast: 'P6M' });
      expect(d.recipients.map((r) => r.action)).toEqual(['REQUEST_DELETION', 'NO_REQUEST_LAWFUL_DISCLOSURE', 'REQUEST_DELETION']);
    });

    it('unknown keys are NOT_FOUND', async () => {
      for (const [doc, vars] of [
        [BlastRadiusDocument, { partyKey: 'nobody' }],
        [ConsentWithdrawalDocument, { permissionKey: 'nope' }],
        [DeletionPlanDocument, { fieldKey: 'nope' }],
      ] as const) {
        const res = await app.send(doc as typeof BlastRadiusDocument, vars as { partyKey: string });
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('complianceReport', () => {
    it('renders the PIA as well-formed HTML', async () => {
      const { complianceReport: r } = await app.query(ComplianceReportDocument, { kind: 'PIA', format: 'HTML', scope: { fieldKeys: ['facial-features'] } });
      expect(r).toMatchObject({ kind: 'PIA', format: 'HTML', encoding: 'utf-8', mediaType: 'text/html; charset=utf-8' });
      expect(parseStrictly(r.content).text).toContain('面部特征');
    });

    it('sends XLSX as base64 that exceljs reopens', async () => {
      const { complianceReport: r } = await app.query(ComplianceReportDocument, { kind: 'COLLECTED_PI', format: 'XLSX' });
      expect(r.encoding).toBe('base64');
      expect(r.fileName).toMatch(/^fieldtrail-collected-pi-\d{4}-\d\d-\d\d\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(r.content, 'base64') as unknown as ExcelJS.Buffer);
      const sheet = wb.worksheets[0];
      expect(sheet.getCell('A1').value).toBe('个人信息 Field');
      expect(sheet.rowCount).toBeGreaterThanOrEqual(86);
    });

    it('names a format the kind does not come in', async () => {
      const res = await app.send(ComplianceReportDocument, { kind: 'BREACH', format: 'CSV', subject: 'umeng' });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'format', message: 'the breach report comes as md, html, json, not "csv"' }] });
    });
  });
});
