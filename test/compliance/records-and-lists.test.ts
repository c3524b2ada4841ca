/**
 * Records of processing (GDPR Art. 30(1) with the PIPL Art. 17 items) and the two lists Chinese
 * regulators ask for, on hand-built inventories and on the 进圈 inventory.
 */
import { recordsOfProcessing, type ProcessingRecord } from '../../src/domain/compliance/records-of-processing';
import { collectedInformationList, thirdPartySharingList } from '../../src/domain/compliance/regulator-lists';
import { compliantApp, flowOf, indexOf, partyOf, seedIndex, variant } from './fixtures';

const NOW = new Date('2025-03-01T00:00:00Z');

describe('records of processing', () => {
  it('has a row for what the handler processes per purpose, then one per recipient', () => {
    const ropa = recordsOfProcessing(indexOf(compliantApp()), NOW);
    expect(ropa.records.map((r) => r.id)).toEqual(['account/handler', 'account/processor', 'nearby/handler', 'nearby/vendor']);
    expect(ropa.controller).toBe('示例公司');
    expect(ropa.controllerContact).toBe('privacy@example.cn');
    expect(ropa.articles.map((a) => a.citation)).toEqual(['GDPR Art. 30(1)', 'PIPL Art. 17(1)(1)', 'PIPL Art. 17(1)(2)', 'PIPL Art. 17(1)(3)']);
  });

  it('fills Art. 30(1)(a)–(g) for a recipient row', () => {
    const row = recordsOfProcessing(indexOf(compliantApp()), NOW).records.find((r) => r.id === 'nearby/vendor')!;
    expect(row).toMatchObject<Partial<ProcessingRecord>>({
      controller: '示例公司',
      purpose: '附近的人',
      functionType: 'EXTENDED',
      legalBases: ['PIPL Art. 13(1)(1) Consent'],
      consent: ['SEPARATE_CONSENT'],
      processingMethods: ['提供 provision to another handler'],
      dataSubjects: ['用户'],
      dataCategories: ['位置信息'],
      fields: ['精确位置'],
      sensitiveFields: ['精确位置 (PRECISE_LOCATION)'],
      recipient: '供应商',
      recipientKind: 'THIRD_PARTY',
      recipientContact: 'dpo@vendor.cn',
      thirdCountryTransfer: null,
      retention: ['Vendor keeps it 30 days (maximum P30D)'],
      flowKeys: ['share-vendor'],
      clauses: ['doc#2'],
    });
  });

  it('records a third-country transfer with its safeguard, or the lack of one (Art. 30(1)(e))', () => {
    const abroad = variant((i) => (partyOf(i, 'vendor').country = 'SG'));
    expect(recordsOfProcessing(indexOf(abroad), NOW).records.find((r) => r.id === 'nearby/vendor')!.thirdCountryTransfer).toBe('SG; safeguards: none recorded');
    const safe = variant((i) => {
      i.legalBases.push({ key: 'scc', name: 'Standard contract', jurisdiction: 'CN', article: 'PIPL Art. 38(1)(3)' });
      flowOf(i, 'share-vendor').legalBases!.push('scc');
    }, abroad);
    expect(recordsOfProcessing(indexOf(safe), NOW).records.find((r) => r.id === 'nearby/vendor')!.thirdCountryTransfer).toBe('SG; safeguards: PIPL Art. 38(1)(3)');
  });

  it('on 进圈: every purpose × recipient, with the company as controller and its retention words', () => {
    const ropa = recordsOfProcessing(seedIndex(), NOW);
    expect(new Set(ropa.records.map((r) => r.id)).size).toBe(ropa.records.length);
    expect(ropa.records.every((r) => r.controller === '厦门勇气网络科技有限公司')).toBe(true);
    expect(ropa.records.every((r) => r.thirdCountryTransfer === null)).toBe(true);
    const ids = ropa.records.filter((r) => r.purposeKey === 'real-name-verification').map((r) => r.id);
    expect(ids).toEqual(['real-name-verification/handler', 'real-name-verification/certification-bodies']);
    const bodies = ropa.records.find((r) => r.id === 'real-name-verification/certification-bodies')!;
    expect(bodies).toMatchObject({ recipientKind: 'ENTRUSTED_PARTY', retention: [], processingMethods: ['委托处理 entrusted processing'] });
    expect(bodies.fields).toEqual(['真实姓名', '电话号码', '身份证号码', '面部特征']);
    const logs = ropa.records.find((r) => r.id === 'legal-compliance/handler')!;
    expect(logs.retention.join(' ')).toContain('(minimum P6M)');
    expect(logs.securityMeasures).toContain("handler's commitments: §七.1");
    expect(logs.rightsExercise).toContain('§八.1.1');
    const umeng = ropa.records.filter((r) => r.recipientKey === 'umeng').map((r) => r.purposeKey);
    expect(umeng).toEqual(['anti-cheating', 'nearby', 'push-notifications', 'statistics']);
  });
});

describe('已收集个人信息清单 (collected personal information)', () => {
  it('lists each collected field once with purposes, scenarios and permissions', () => {
    const list = collectedInformationList(indexOf(compliantApp()));
    expect(list.map((e) => e.fieldKey)).toEqual(['nickname', 'phone', 'geo', 'model']);
    expect(list.find((e) => e.fieldKey === 'geo')).toMatchObject({
      field: '精确位置', category: '位置信息', sensitive: true, sensitiveClass: 'PRECISE_LOCATION',
      purposes: ['附近的人'], scenarios: ['使用附近的人时'], permissions: ['位置权限 (ACCESS_FINE_LOCATION)'],
      collectionMethods: ['直接收集 from the user'], refusable: 'YES', clauseRefs: ['2'],
    });
  });

  it('on 进圈: the phone number comes from the user, the carriers and partners; location is refusable for 同城 but not for security', () => {
    const list = collectedInformationList(seedIndex());
    const phone = list.find((e) => e.fieldKey === 'phone-number')!;
    expect(phone.collectionMethods).toEqual(['直接收集 from the user', '间接收集 from 第三方业务合作伙伴', '间接收集 from 运营商']);
    expect(phone.purposes).toEqual(expect.arrayContaining(['帮助您完成注册及/或登录', '一键登录功能', '客户服务']));
    const geo = list.find((e) => e.fieldKey === 'geolocation')!;
    expect(geo).toMatchObject({ field: '地理位置信息', refusable: 'PARTLY', sensitiveClass: 'PRECISE_LOCATION' });
    expect(geo.purposes).toEqual(['浏览查看同城', '安全保障功能']);
    expect(geo.permissions).toEqual(expect.arrayContaining(['位置权限 (ACCESS_FINE_LOCATION)', '地理位置 (ACCESS_COARSE_LOCATION)']));
    expect(geo.scenarios[0]).toContain('浏览查看同城');
    const imei = list.find((e) => e.fieldKey === 'imei')!;
    expect(imei.permissions).toContain('获取用户的IMEI敏感信息、IMSI信息 (READ_PHONE_STATE)');
    // The policy names no field it does not collect: all 85 are listed, each once, grouped by category.
    expect(list.map((e) => e.fieldKey).sort()).toEqual([...seedIndex().fields.keys()].sort());
    expect(list.find((e) => e.fieldKey === 'wechat-account-info')!.collectionMethods).toEqual(['间接收集 from 微信']);
  });
});

describe('与第三方共享个人信息清单 / 第三方SDK目录 (third-party sharing)', () => {
  it('lists each flow to a recipient, SDKs on the device first, the public aside', () => {
    const list = thirdPartySharingList(indexOf(variant((i) => {
      flowOf(i, 'share-vendor').from = 'app';
      i.parties.push({ key: 'public', name: 'Public', kind: 'PUBLIC', country: 'CN' });
      i.flows.push({ key: 'publish', from: 'servers', to: 'public', kind: 'PUBLIC_DISCLOSURE', fields: ['nickname'], purposes: ['account'], legalBases: ['consent'], consent: 'SEPARATE_CONSENT', optional: true });
    })));
    expect(list.map((e) => [e.flowKey, e.method])).toEqual([['share-vendor', 'SDK_ON_DEVICE'], ['entrust-processor', 'FROM_SERVERS']]);
    expect(list[0]).toMatchObject({ recipient: '供应商', sdkPackages: ['com.vendor'], consent: '单独同意 separate consent', refusable: true, contact: 'dpo@vendor.cn', legalBases: ['PIPL Art. 13(1)(1)'] });
  });

  it('on 进圈: 个推, 北京流体 and 友盟+ collect on the device; only 友盟+ names packages; no one gives a contact', () => {
    const list = thirdPartySharingList(seedIndex());
    expect(list.filter((e) => e.method === 'SDK_ON_DEVICE').map((e) => e.recipientKey)).toEqual(['getui', 'liuti', 'umeng']);
    const umeng = list.find((e) => e.recipientKey === 'umeng')!;
    expect(umeng).toMatchObject({ recipient: '友盟+', sdkPackages: ['aaid.umeng.com', 'com.umeng'], consent: '同意 consent', refusable: true, contact: null });
    expect(umeng.sensitiveFields).toEqual(['IMEI', '地理位置信息']);
    expect(umeng.clauseRefs).toEqual(expect.arrayContaining(['四.2.5', '四.2.5.a']));
    expect(list.find((e) => e.recipientKey === 'research-institutions')).toMatchObject({ legalBases: ['GB/T 35273-2020 §5.6 j) (no PIPL Art. 13 counterpart)'], consent: '无需同意(依法豁免) no consent (exemption claimed)' });
    expect(list.every((e) => e.contact === null)).toBe(true);
    expect(list.some((e) => e.recipientKind === 'PUBLIC')).toBe(false);
    // 16 flows leave the company; the two public disclosures (五.3.1) are not sharing.
    expect(list).toHaveLength(14);
  });
});
