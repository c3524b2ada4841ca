/**
 * The findings on the seeded 进圈 inventory, every one checked by hand against the policy text
 * (seeds/jinquan-2021.yaml quotes it; clause refs in the comments). The policy took effect two
 * months before PIPL and follows GB/T 35273, so the gaps are real: if a rule or the seed drifts,
 * this list fails.
 */
import { evaluateRules, filterFindings, type Finding } from '../../src/domain/compliance/findings';
import { COMPLIANCE_RULES } from '../../src/domain/compliance/rules';
import { seedIndex } from './fixtures';

let findings: Finding[];
beforeAll(() => {
  findings = evaluateRules(seedIndex(), COMPLIANCE_RULES);
});

const find = (id: string) => {
  const f = findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}; found: ${findings.map((x) => x.id).join(', ')}`);
  return f;
};
const refs = (f: Finding) => f.clauses.map((c) => c.ref);
const cites = (f: Finding) => f.articles.map((a) => a.citation);

const EXPECTED: Array<[rule: string, type: string, key: string, severity: string]> = [
  // Sensitive PI on bundled consent, never 单独同意 (PIPL Art. 29): face and ID (四.4.1¶2, 四.4.6),
  // location (四.4.4 "该信息是个人敏感信息"), contacts (四.4.7¶3), payment data (四.4.8 "该等信息是个人敏感信息"),
  // marketing name/address/bank account (五.1.6¶5 "这些信息是个人敏感信息"), and what §三.2 files as
  // sensitive 网络身份标识信息 (IP address 四.4.11¶3–4, account and email 四.4.9, WeChat account 四.4.1)
  // or GB/T 35273 App. B lists (browsing records 四.4.5, cookies 六.1, friend list 四.4.7¶2).
  ['sensitive-pi-without-separate-consent', 'FLOW', 'business-partners-servers', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-contacts', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-cookies', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-customer-service', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-location', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-marketing', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-network-logs', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-payment', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-real-name', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-search', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-security-device', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'user-app-social', 'HIGH'],
  ['sensitive-pi-without-separate-consent', 'FLOW', 'wechat-servers-login', 'HIGH'],
  // Provision to other handlers on "经过您同意" only (四.2.5, 四.2.8, 五.1.4, 五.1.6¶2–¶5), research
  // sharing on a GB/T exemption with no consent at all (五.1.5), public disclosure on no or bundled
  // consent (五.3.1): PIPL Art. 23 and 25 want separate consent.
  ['provision-without-separate-consent', 'FLOW', 'app-getui', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'app-liuti', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'app-umeng', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'servers-affiliates', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'servers-affiliates-marketing', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'servers-marketing-partners', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'servers-payment-institutions', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'servers-public-notices', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'servers-public-ugc', 'HIGH'],
  ['provision-without-separate-consent', 'FLOW', 'servers-research', 'HIGH'],
  // 四.4.12¶11 "统计或学术研究" is GB/T 35273 §5.6 j), not PIPL Art. 13: the research flow has no basis.
  ['legal-basis-not-in-pipl', 'FLOW', 'servers-research', 'HIGH'],
  // Research sharing (五.1.5) and profiling statistics (五.1.6¶4 "您确认我们有权使用") cannot be refused.
  ['required-for-extended-function', 'FLOW', 'servers-research', 'HIGH'],
  ['required-for-extended-function', 'FLOW', 'servers-service-providers', 'HIGH'],
  // 四.4.11¶3: location and phone state collected in the background as "必须收集的基本信息", though
  // 四.2.3/四.4.4 promise location only for 同城 and refusing it "不影响…其他功能".
  ['required-flow-behind-runtime-permission', 'FLOW', 'user-app-security-device', 'HIGH'],
  // 四.4.12¶10 "安全稳定运行" is GB/T 35273 §5.6 h), not a PIPL basis; the security flows lean on it.
  ['legal-basis-not-in-pipl', 'FLOW', 'app-servers-security', 'MEDIUM'],
  ['legal-basis-not-in-pipl', 'FLOW', 'user-app-security-apps', 'MEDIUM'],
  ['legal-basis-not-in-pipl', 'FLOW', 'user-app-security-device', 'MEDIUM'],
  // Bundled consent for what cannot be refused: 一.2 "一旦您使用…即表示您同意", 四.2.1 "您须授权",
  // 六.2 cookies, 五.1.4 affiliates, 五.1.6¶4 "您确认".
  ['consent-not-freely-given', 'FLOW', 'servers-affiliates', 'MEDIUM'],
  ['consent-not-freely-given', 'FLOW', 'servers-service-providers', 'MEDIUM'],
  ['consent-not-freely-given', 'FLOW', 'user-app-cookies', 'MEDIUM'],
  ['consent-not-freely-given', 'FLOW', 'user-app-device-info', 'MEDIUM'],
  ['consent-not-freely-given', 'FLOW', 'user-app-security-apps', 'MEDIUM'],
  ['consent-not-freely-given', 'FLOW', 'user-app-security-device', 'MEDIUM'],
  // Extras riding on basic functions: winner lists on penalty notices (五.3.1), product improvement
  // on search (四.4.5 "同时亦为了改进我们的产品和服务").
  ['required-for-extended-function', 'FLOW', 'servers-public-notices', 'MEDIUM'],
  ['required-for-extended-function', 'FLOW', 'user-app-search', 'MEDIUM'],
  // The avatar completes registration (四.2.7) and needs the SD-card permission to upload it.
  ['required-flow-behind-runtime-permission', 'FLOW', 'user-app-avatar', 'MEDIUM'],
  // 间接用户画像 (五.1.6¶4) with no way to refuse it (PIPL Art. 24).
  ['profiling-without-opt-out', 'PURPOSE', 'indirect-profiling', 'MEDIUM'],
  // No recipient's contact is given: 个推 (no company, no package, 四.2.4), 友盟+ (a host name and
  // package only, 四.2.5), 北京流体 (四.2.8), unnamed affiliates (二.1), payment institutions,
  // co-organisers, research institutes (五.1.5–1.6), and the successor (五.2.2, PIPL Art. 22).
  ['recipient-not-identified', 'PARTY', 'affiliates', 'MEDIUM'],
  ['recipient-not-identified', 'PARTY', 'getui', 'MEDIUM'],
  ['recipient-not-identified', 'PARTY', 'liuti', 'MEDIUM'],
  ['recipient-not-identified', 'PARTY', 'marketing-partners', 'MEDIUM'],
  ['recipient-not-identified', 'PARTY', 'payment-institutions', 'MEDIUM'],
  ['recipient-not-identified', 'PARTY', 'research-institutions', 'MEDIUM'],
  ['recipient-not-identified', 'PARTY', 'successor', 'MEDIUM'],
  ['recipient-not-identified', 'PARTY', 'umeng', 'MEDIUM'],
  // No period for entrusted processing (四.4.6, 五.1.6¶4–¶5: PIPL Art. 21 期限) …
  ['no-retention-statement', 'FLOW', 'servers-certification-bodies', 'MEDIUM'],
  ['no-retention-statement', 'FLOW', 'servers-entrusted-reward-fulfilment', 'MEDIUM'],
  ['no-retention-statement', 'FLOW', 'servers-service-providers', 'MEDIUM'],
  // … nor for what independent recipients keep.
  ['no-retention-statement', 'FLOW', 'app-getui', 'LOW'],
  ['no-retention-statement', 'FLOW', 'app-liuti', 'LOW'],
  ['no-retention-statement', 'FLOW', 'app-umeng', 'LOW'],
  ['no-retention-statement', 'FLOW', 'servers-affiliates', 'LOW'],
  ['no-retention-statement', 'FLOW', 'servers-affiliates-marketing', 'LOW'],
  ['no-retention-statement', 'FLOW', 'servers-marketing-partners', 'LOW'],
  ['no-retention-statement', 'FLOW', 'servers-payment-institutions', 'LOW'],
  ['no-retention-statement', 'FLOW', 'servers-research', 'LOW'],
  // 十.2 "最短时间" and 八.5's six-month minimum for logs: no maximum period anywhere.
  ['retention-without-period', 'PARTY', 'jinquan-servers', 'LOW'],
  // 九: adults only, but no age check; minors' data is deleted only "如我们发现".
  ['minors-excluded-without-age-check', 'CATEGORY', 'minors-under-14', 'LOW'],
];

describe('findings on the 进圈 inventory', () => {
  it('are exactly the gaps the policy has, most severe first', () => {
    expect(findings.map((f) => [f.rule, f.subject.type, f.subject.key, f.severity])).toEqual(EXPECTED);
  });

  it('count 27 HIGH, 24 MEDIUM and 10 LOW', () => {
    expect(filterFindings(findings, { minSeverity: 'HIGH' })).toHaveLength(27);
    expect(findings.filter((f) => f.severity === 'MEDIUM')).toHaveLength(24);
    expect(findings.filter((f) => f.severity === 'LOW')).toHaveLength(10);
  });

  it('find nothing the policy gets right: no cross-border flow (十.1), every purpose has a basis, every field and permission a purpose', () => {
    const silent = ['cross-border-without-safeguards', 'purpose-without-legal-basis', 'sensitive-pi-without-purpose', 'field-without-purpose', 'permission-gates-no-purpose', 'minors-without-guardian-consent', 'handler-contact-missing', 'entrustment-incomplete'];
    expect(findings.filter((f) => silent.includes(f.rule))).toEqual([]);
  });
});

describe('what the findings say', () => {
  it('友盟+ gets the IMEI "经过您同意" only: Art. 23 and 29, citing 四.2.5', () => {
    const f = find('provision-without-separate-consent:FLOW:app-umeng');
    expect(cites(f)).toEqual(['PIPL Art. 23', 'PIPL Art. 29', 'GDPR Art. 7(2)']);
    expect(f.message).toContain('友盟+ (umeng), an independent handler, on CONSENT');
    expect(f.message).toContain('IMEI (NETWORK_IDENTITY)');
    expect(refs(f)).toEqual(expect.arrayContaining(['四.2.5', '四.2.5.a', '五.1.6¶3']));
    expect(f.clauses.find((c) => c.ref === '四.2.5')!.text).toContain('经过您同意之后,我们将向友盟+SDK');
  });

  it('face and ID data for real-name verification need separate consent (四.4.6)', () => {
    const f = find('sensitive-pi-without-separate-consent:FLOW:user-app-real-name');
    expect(f.involves.fields).toEqual(['facial-features', 'id-card-number', 'real-name', 'telephone-number']);
    expect(f.message).toContain('真实姓名 (IDENTITY_DOCUMENT), 电话号码 (IDENTITY_DOCUMENT), 身份证号码 (IDENTITY_DOCUMENT), 面部特征 (BIOMETRIC)');
    expect(refs(f)).toEqual(['四.4.1¶2', '四.4.3¶2', '四.4.6']);
  });

  it('the research flow rests on a GB/T exemption, with de-identified data still personal information', () => {
    const f = find('legal-basis-not-in-pipl:FLOW:servers-research');
    expect(f.message).toContain('gbt-35273-statistics-research');
    expect(f.message).toContain('PIPL Art. 73');
    expect(cites(f)).toEqual(['PIPL Art. 13', 'PIPL Art. 73']);
    expect(refs(f)).toEqual(['四.4.12¶11', '五.1.5']);
  });

  it('the background security collection is required yet needs location and phone-state permissions', () => {
    const f = find('required-flow-behind-runtime-permission:FLOW:user-app-security-device');
    expect(f.involves.permissions).toEqual(['android.permission.ACCESS_COARSE_LOCATION', 'android.permission.ACCESS_FINE_LOCATION', 'android.permission.READ_PHONE_STATE']);
    expect(refs(f)).toEqual(expect.arrayContaining(['四.2.3', '四.4.4', '四.4.11¶3']));
  });

  it('个推 and 北京流体 collect on the device with no contact and no SDK package; 友盟+ names packages', () => {
    expect(find('recipient-not-identified:PARTY:getui').message).toContain('no SDK package is named');
    expect(find('recipient-not-identified:PARTY:liuti').message).toContain('no SDK package is named');
    expect(find('recipient-not-identified:PARTY:umeng').message).not.toContain('SDK package');
    expect(cites(find('recipient-not-identified:PARTY:successor'))[0]).toBe('PIPL Art. 22');
  });

  it('retention is open-ended everywhere; network logs give only the six-month minimum (八.5)', () => {
    const f = find('retention-without-period:PARTY:jinquan-servers');
    expect(f.involves.flows).toHaveLength(20);
    expect(f.message).toContain('app-servers-network-logs gives only a minimum of P6M');
    expect(refs(f)).toEqual(expect.arrayContaining(['十.2', '八.5', '八.3¶4']));
  });

  it('the minors note quotes §九 and sees that ID numbers are asked only in refusable flows', () => {
    const f = find('minors-excluded-without-age-check:CATEGORY:minors-under-14');
    expect(refs(f)).toEqual(['九']);
    expect(f.clauses[0].text).toContain('仅面向成年人');
    expect(f.message).toContain('身份证号码 (IDENTITY_DOCUMENT), 身份证信息 (IDENTITY_DOCUMENT) are collected only in flows the user may refuse');
  });

  it('every finding cites at least one policy clause and one PIPL article', () => {
    for (const f of findings) {
      expect(f.clauses.length).toBeGreaterThan(0);
      expect(f.articles.some((a) => a.law === 'PIPL')).toBe(true);
    }
  });
});
