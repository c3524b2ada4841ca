/**
 * What-if answers: a breach at one party (blast radius), a user revoking a permission, a user
 * cancelling their account — on hand-built inventories and on the 进圈 inventory.
 */
import { blastRadius } from '../../src/domain/compliance/blast-radius';
import { consentWithdrawal } from '../../src/domain/compliance/consent-withdrawal';
import { deletionPlan } from '../../src/domain/compliance/deletion-plan';
import { NotFoundError } from '../../src/domain/problems';
import { compliantApp, flowOf, indexOf, seedIndex, variant } from './fixtures';

describe('blastRadius', () => {
  it('on a small inventory: what the vendor holds, and who it passes it to', () => {
    const index = indexOf(variant((i) => {
      i.parties.push({ key: 'sub', name: 'Sub-vendor', kind: 'THIRD_PARTY', country: 'CN', contact: 'x' });
      i.flows.push({ key: 'vendor-sub', from: 'vendor', to: 'sub', kind: 'PROVISION', fields: ['geo'], purposes: ['nearby'], legalBases: ['consent'], consent: 'SEPARATE_CONSENT', optional: true });
      i.flows.push({ key: 'sub-back', from: 'sub', to: 'vendor', kind: 'PROVISION', fields: ['geo'], purposes: ['nearby'], legalBases: ['consent'], consent: 'SEPARATE_CONSENT', optional: true });
    }));
    const b = blastRadius(index, 'vendor');
    expect(b.fieldKeys).toEqual(['geo']);
    expect(b.exposed.map((e) => e.sensitiveClass)).toEqual(['PRECISE_LOCATION']);
    expect(b.onwardRecipients).toEqual([{ partyKey: 'sub', name: 'Sub-vendor', kind: 'THIRD_PARTY', fieldKeys: ['geo'], via: ['vendor-sub'], depth: 1 }]);
    expect(b.dataSubjects).toEqual(['用户']);
    expect(b.notification.map((n) => n.item)).toEqual(['安全事件的基本情况和可能的影响', '我们已经采取或将要采取的处置措施', '您可自主防范和降低风险的建议', '对您的补救措施', '联系方式']);
    expect(b.notification[4].draft).toBe('privacy@example.cn');
    expect(b.policyClauses).toEqual([]);
    expect(b.obligations.join(' ')).toContain('is a handler in its own right');
  });

  it('follows the data several hops, field by field', () => {
    const b = blastRadius(indexOf(compliantApp()), 'app');
    expect(b.onwardRecipients.map((o) => [o.partyKey, o.depth, o.fieldKeys])).toEqual([
      ['servers', 1, ['geo', 'model', 'nickname', 'phone']],
      ['processor', 2, ['model']],
      ['vendor', 2, ['geo']],
    ]);
  });

  it('on 进圈: a breach at 友盟+ exposes the IMEI and location, for four purposes, and drafts the §七.6 notice', () => {
    const b = blastRadius(seedIndex(), 'umeng');
    expect(b.party).toMatchObject({ name: '友盟+', kind: 'THIRD_PARTY', contact: null });
    expect(b.exposed.map((e) => [e.sensitiveClass, e.fieldKeys])).toEqual([
      ['NETWORK_IDENTITY', ['imei']],
      ['PRECISE_LOCATION', ['geolocation']],
      [null, ['app-list', 'android-id', 'mac-address', 'guid', 'idfa', 'imsi', 'openudid']],
    ]);
    expect(b.purposes.map((p) => p.name)).toEqual(['反舞弊功能', '浏览查看同城', '消息推送服务', '统计分析服务']);
    expect(b.onwardRecipients).toEqual([]);
    expect(b.policyClauses.map((c) => c.ref)).toEqual(['七.6']);
    expect(b.notification[0].draft).toContain('NETWORK_IDENTITY: IMEI; PRECISE_LOCATION: 地理位置信息');
    expect(b.notification[4].draft).toContain('北京市朝阳区北苑路北北辰泰岳大厦13层');
    expect(b.clauses.map((c) => c.ref)).toEqual(expect.arrayContaining(['四.2.5', '五.1.6¶3', '七.6']));
    expect(b.articles.map((a) => a.citation)).toEqual(['PIPL Art. 57', 'PIPL Art. 51', 'GDPR Art. 33', 'GDPR Art. 34']);
  });

  it("on 进圈: a breach of the company's servers reaches every recipient", () => {
    const b = blastRadius(seedIndex(), 'jinquan-servers');
    expect(b.exposed.map((e) => e.sensitiveClass)).toEqual(['BIOMETRIC', 'BROWSING_HISTORY', 'CONTACTS', 'FINANCIAL', 'IDENTITY_DOCUMENT', 'NETWORK_IDENTITY', 'PRECISE_LOCATION', null]);
    expect(b.onwardRecipients.map((o) => o.partyKey)).toEqual(['affiliates', 'authorities', 'certification-bodies', 'entrusted-parties', 'marketing-partners', 'payment-institutions', 'public', 'research-institutions', 'service-providers', 'successor']);
    expect(b.onwardRecipients.find((o) => o.partyKey === 'certification-bodies')!.fieldKeys).toEqual(['facial-features', 'id-card-number', 'real-name', 'telephone-number']);
  });

  it('names an unknown party', () => {
    expect(() => blastRadius(seedIndex(), 'nobody')).toThrow(NotFoundError);
  });
});

describe('consentWithdrawal', () => {
  it('on a small inventory: revoking location stops 附近的人 down to the vendor; the basic functions survive', () => {
    const w = consentWithdrawal(indexOf(compliantApp()), 'android.permission.ACCESS_FINE_LOCATION');
    expect(w.permission).toEqual({ key: 'android.permission.ACCESS_FINE_LOCATION', name: '位置权限', runtime: true, group: 'LOCATION' });
    expect(w.stoppedFlows.map((f) => f.flowKey)).toEqual(['collect-geo', 'share-vendor', 'upload-geo']);
    expect(w.stoppedFlows.find((f) => f.flowKey === 'share-vendor')!.reason).toContain('upload-geo stopped');
    expect(w.functions).toEqual([{ purposeKey: 'nearby', name: '附近的人', functionType: 'EXTENDED', effect: 'STOPS', stoppedFlowKeys: ['collect-geo', 'upload-geo', 'share-vendor'], limitedFlowKeys: [] }]);
    expect(w.fieldsNoLongerCollected).toEqual(['geo']);
    expect(w.basicFunctionSurvives).toBe(true);
    expect(w.requiredFlowsAffected).toEqual([]);
  });

  it('reports the basic functions lost when a basic purpose depends on the permission', () => {
    const index = indexOf(variant((i) => {
      i.permissions.push({ key: 'android.permission.READ_PHONE_STATE', name: 'Phone state' });
      flowOf(i, 'collect-account').permissions = ['android.permission.READ_PHONE_STATE'];
    }));
    const w = consentWithdrawal(index, 'android.permission.READ_PHONE_STATE');
    expect(w.functions.map((f) => [f.purposeKey, f.effect])).toEqual([['account', 'STOPS']]);
    expect(w.basicFunctionSurvives).toBe(false);
    expect(w.requiredFlowsAffected).toEqual(['collect-account']);
    expect(w.verdict).toContain('The basic functions do not survive: 账号注册 stops.');
  });

  it('keeps data collected for one purpose from feeding another: only the purpose that lost its collection stops', () => {
    const index = indexOf(variant((i) => {
      i.purposes.push({ key: 'safety', name: 'Safety', functionType: 'BASIC' });
      i.flows.push({ key: 'collect-geo-safety', from: 'user', to: 'app', kind: 'COLLECTION', fields: ['geo'], purposes: ['safety'], legalBases: ['contract'], consent: 'NONE', optional: false });
      i.flows.push({ key: 'upload-geo-safety', from: 'app', to: 'servers', kind: 'INTERNAL', fields: ['geo'], purposes: ['safety'], legalBases: ['contract'], consent: 'NONE', optional: false, retention: { description: 'x', maximum: 'P7D' } });
    }));
    const w = consentWithdrawal(index, 'android.permission.ACCESS_FINE_LOCATION');
    expect(w.stoppedFlows.map((f) => f.flowKey)).toEqual(['collect-geo', 'share-vendor', 'upload-geo']);
    expect(w.fieldsNoLongerCollected).toEqual([]);
  });

  it('on 进圈: revoking contacts stops the blocking function (§四.4.7¶3, §八.4.1) and nothing basic', () => {
    const w = consentWithdrawal(seedIndex(), 'android.permission.READ_CONTACTS');
    expect(w.stoppedFlows.map((f) => f.flowKey)).toEqual(['app-servers-contacts-encrypted', 'user-app-contacts']);
    expect(w.functions.map((f) => [f.purposeKey, f.effect])).toEqual([['block-contacts', 'STOPS']]);
    expect(w.limitedFlows.map((f) => f.flowKey)).toEqual(['servers-authorities-legal', 'servers-successor']);
    expect(w.fieldsNoLongerCollected).toEqual(['contact-list']);
    expect(w.basicFunctionSurvives).toBe(true);
    expect(w.clauses.map((c) => c.ref)).toEqual(expect.arrayContaining(['四.4.7¶3', '八.4.1', '八.4.2']));
    expect(w.articles.map((a) => a.citation)).toEqual(['PIPL Art. 15', 'PIPL Art. 16', 'GDPR Art. 7(3)']);
  });

  it('on 进圈: switching off location revokes fine and coarse together; 同城 loses its collection, and the required background security collection is exposed as depending on it', () => {
    const w = consentWithdrawal(seedIndex(), 'android.permission.ACCESS_COARSE_LOCATION');
    expect(w.revokedPermissions).toEqual(['android.permission.ACCESS_COARSE_LOCATION', 'android.permission.ACCESS_FINE_LOCATION']);
    expect(w.stoppedFlows.map((f) => f.flowKey)).toEqual(['app-servers-location', 'user-app-location']);
    expect(w.limitedFlows.map((f) => f.flowKey)).toEqual(['app-umeng', 'user-app-security-device']);
    const nearby = w.functions.find((f) => f.purposeKey === 'nearby')!;
    expect(nearby).toMatchObject({ effect: 'LIMITED', stoppedFlowKeys: ['user-app-location', 'app-servers-location'], limitedFlowKeys: ['app-umeng'] });
    expect(w.basicFunctionSurvives).toBe(true);
    expect(w.requiredFlowsAffected).toEqual(['user-app-security-device']);
    expect(w.verdict).toContain('But user-app-security-device — processing the user cannot refuse — also depends on this permission.');
  });

  it('names an unknown permission', () => {
    expect(() => consentWithdrawal(seedIndex(), 'android.permission.NOPE')).toThrow('permission "android.permission.NOPE" does not exist');
  });
});

describe('deletionPlan', () => {
  it('on a small inventory: the handler deletes, the processor is instructed, the vendor asked', () => {
    const d = deletionPlan(indexOf(variant((i) => flowOf(i, 'entrust-processor').fields!.push('geo'))), 'geo');
    expect(d.stores.map((s) => [s.partyKey, s.action])).toEqual([['app', 'DELETE_OR_ANONYMISE'], ['servers', 'DELETE_OR_ANONYMISE']]);
    expect(d.recipients.map((r) => [r.partyKey, r.action])).toEqual([['processor', 'INSTRUCT_TO_DELETE'], ['vendor', 'REQUEST_DELETION']]);
    expect(d.articles.map((a) => a.citation)).toEqual(['PIPL Art. 47', 'PIPL Art. 19', 'PIPL Art. 21', 'GDPR Art. 17', 'GDPR Art. 19']);
    expect(d.summary).toBe('On account cancellation 精确位置 is deleted or anonymised at 应用, 示例公司. 2 recipients must be told to delete it: 受托公司, 供应商.');
  });

  it('on 进圈: the IP address is deleted, except the network logs the Cybersecurity Law keeps ≥ 6 months (§八.5)', () => {
    const d = deletionPlan(seedIndex(), 'ip-address');
    const servers = d.stores.find((s) => s.partyKey === 'jinquan-servers')!;
    expect(servers).toMatchObject({ action: 'KEEP_FOR_LEGAL_PERIOD', keptFlowKeys: ['app-servers-network-logs'], deletedFlowKeys: ['app-servers-security'], keepAtLeast: 'P6M' });
    expect(servers.keptUnder).toEqual(expect.arrayContaining(['Cybersecurity Law Art. 21(3)']));
    expect(d.recipients.map((r) => [r.partyKey, r.action])).toEqual([
      ['affiliates', 'REQUEST_DELETION'],
      ['authorities', 'NO_REQUEST_LAWFUL_DISCLOSURE'],
      ['successor', 'REQUEST_DELETION'],
    ]);
    expect(d.articles.map((a) => a.citation)).toContain('CSL Art. 21(3)');
    expect(d.clauses.map((c) => c.ref)).toEqual(expect.arrayContaining(['八.3¶3', '八.3¶4', '八.5']));
    expect(d.summary).toContain('except the copy kept by app-servers-network-logs (at least P6M');
  });

  it('on 进圈: face data goes to the certification bodies, who must delete on instruction (§四.4.6)', () => {
    const d = deletionPlan(seedIndex(), 'facial-features');
    expect(d.field).toEqual({ key: 'facial-features', name: '面部特征', sensitiveClass: 'BIOMETRIC' });
    expect(d.stores.every((s) => s.action === 'DELETE_OR_ANONYMISE')).toBe(true);
    expect(d.recipients.find((r) => r.partyKey === 'certification-bodies')).toMatchObject({ action: 'INSTRUCT_TO_DELETE', kind: 'ENTRUSTED_PARTY' });
  });

  it('on 进圈: a published nickname is taken down but cannot be recalled (§八.3¶3… scraped copies)', () => {
    const d = deletionPlan(seedIndex(), 'nickname');
    expect(d.recipients.find((r) => r.partyKey === 'public')).toMatchObject({ action: 'TAKE_DOWN_CANNOT_RECALL' });
    expect(d.summary).toContain('What was published cannot be recalled from others.');
  });

  it('names an unknown field', () => {
    expect(() => deletionPlan(seedIndex(), 'shoe-size')).toThrow('field "shoe-size" does not exist');
  });
});
