/**
 * Every rule on small hand-built inventories: the compliant app has no finding at all; each test
 * breaks one thing, checks the rule reports it (subject, severity, articles, clauses), and checks
 * what clears it.
 */
import { evaluateRules, checkFindingFilter, filterFindings, type Finding } from '../../src/domain/compliance/findings';
import { classifyLegalBasis, flowBases } from '../../src/domain/compliance/legal-bases';
import { COMPLIANCE_RULES } from '../../src/domain/compliance/rules';
import { ValidationError } from '../../src/domain/problems';
import { compliantApp, flowOf, indexOf, partyOf, variant, type Inventory } from './fixtures';

function findings(inv: Inventory): Finding[] {
  return evaluateRules(indexOf(inv), COMPLIANCE_RULES);
}

function byRule(inv: Inventory, rule: string): Finding[] {
  return findings(inv).filter((f) => f.rule === rule);
}

const citations = (f: Finding) => f.articles.map((a) => a.citation);

describe('the compliant app', () => {
  it('has no finding under any rule', () => {
    expect(findings(compliantApp())).toEqual([]);
  });

  it('every rule has an id, a severity, a description and articles, and ids are unique', () => {
    const ids = COMPLIANCE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of COMPLIANCE_RULES) {
      expect(r.id).toMatch(/^[a-z0-9-]+$/);
      expect(r.description.length).toBeGreaterThan(40);
      expect(r.articles.length).toBeGreaterThan(0);
      expect(r.articles[0].law).toBe('PIPL');
    }
  });
});

describe('sensitive-pi-without-separate-consent (PIPL Art. 29)', () => {
  const rule = 'sensitive-pi-without-separate-consent';

  it('reports sensitive data collected on plain consent, naming the fields and citing the flow\'s clauses', () => {
    const [f, ...more] = byRule(variant((i) => (flowOf(i, 'collect-geo').consent = 'CONSENT')), rule);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ id: `${rule}:FLOW:collect-geo`, severity: 'HIGH', subject: { type: 'FLOW', key: 'collect-geo' } });
    expect(f.involves.fields).toEqual(['geo']);
    expect(f.message).toContain('精确位置 (PRECISE_LOCATION)');
    expect(citations(f)).toEqual(expect.arrayContaining(['PIPL Art. 29', 'PIPL Art. 28', 'GDPR Art. 9(2)(a)']));
    expect(f.clauses.map((c) => c.citation)).toEqual(['doc#2']);
  });

  it('does not re-check moves inside the handler: consent attaches to collection', () => {
    expect(byRule(variant((i) => (flowOf(i, 'upload-geo').consent = 'CONSENT')), rule)).toEqual([]);
  });

  it('does not ask for consent where another PIPL basis carries the flow', () => {
    const inv = variant((i) => {
      i.legalBases.push({ key: 'duty', name: 'Legal duty', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(3)' });
      Object.assign(flowOf(i, 'collect-geo'), { consent: 'CONSENT', legalBases: ['duty'] });
    });
    expect(byRule(inv, rule)).toEqual([]);
  });

  it('counts written and guardian consent as separate', () => {
    expect(byRule(variant((i) => (flowOf(i, 'collect-geo').consent = 'WRITTEN_CONSENT')), rule)).toEqual([]);
  });
});

describe('sensitive-pi-without-purpose (PIPL Art. 28)', () => {
  const rule = 'sensitive-pi-without-purpose';
  const withIdNumber = (i: Inventory) => {
    i.categories.push({ key: 'identity', name: 'Identity', sensitive: true, sensitiveClass: 'IDENTITY_DOCUMENT' });
    i.fields.push({ key: 'id-number', name: 'ID number', nameZh: '身份证号码', category: 'identity' });
  };

  it('reports a sensitive field nothing carries', () => {
    const [f] = byRule(variant(withIdNumber), rule);
    expect(f).toMatchObject({ severity: 'HIGH', subject: { type: 'FIELD', key: 'id-number' } });
    expect(f.message).toContain('no flow carries it');
  });

  it('reports a sensitive field carried only by flows without a purpose, and clears once one states it', () => {
    const carried = variant((i) => {
      withIdNumber(i);
      i.flows.push({ key: 'collect-id', from: 'user', to: 'app', kind: 'COLLECTION', fields: ['id-number'], legalBases: ['consent'], consent: 'SEPARATE_CONSENT', optional: true });
      i.flows.push({ key: 'upload-id', from: 'app', to: 'servers', kind: 'INTERNAL', fields: ['id-number'], legalBases: ['consent'], consent: 'SEPARATE_CONSENT', optional: true, retention: { description: 'x', maximum: 'P1Y' } });
    });
    expect(byRule(carried, rule).map((f) => f.involves.flows)).toEqual([['collect-id', 'upload-id']]);
    expect(byRule(variant((i) => (flowOf(i, 'collect-id').purposes = ['account']), carried), rule)).toEqual([]);
  });
});

describe('provision-without-separate-consent (PIPL Art. 23, 25)', () => {
  const rule = 'provision-without-separate-consent';

  it('reports provision on plain consent, adding Art. 29 for sensitive data', () => {
    const [f] = byRule(variant((i) => (flowOf(i, 'share-vendor').consent = 'CONSENT')), rule);
    expect(f).toMatchObject({ severity: 'HIGH', subject: { key: 'share-vendor' } });
    expect(citations(f)).toEqual(['PIPL Art. 23', 'PIPL Art. 29', 'GDPR Art. 7(2)']);
    expect(f.message).toContain('an independent handler, on CONSENT');
  });

  it('does not add Art. 29 when nothing sensitive is provided', () => {
    const inv = variant((i) => i.flows.push({ key: 'share-model', from: 'servers', to: 'vendor', kind: 'PROVISION', fields: ['model'], purposes: ['account'], legalBases: ['consent'], consent: 'CONSENT', optional: true, retention: { description: 'x', maximum: 'P1M' } }));
    const [f] = byRule(inv, rule);
    expect(citations(f)).toEqual(['PIPL Art. 23', 'GDPR Art. 7(2)']);
  });

  it('reports provision with no consent and no PIPL basis', () => {
    const inv = variant((i) => {
      i.legalBases.push({ key: 'research', name: 'Research exemption', jurisdiction: 'CN', article: 'GB/T 35273-2020 §5.6 j)' });
      Object.assign(flowOf(i, 'share-vendor'), { consent: 'NONE', legalBases: ['research'] });
    });
    expect(byRule(inv, rule)[0].message).toContain('with no consent and no PIPL basis (research)');
  });

  it('leaves alone provision to an authority under a legal duty', () => {
    const inv = variant((i) => {
      i.parties.push({ key: 'police', name: 'Police', kind: 'AUTHORITY', country: 'CN' });
      i.legalBases.push({ key: 'duty', name: 'Legal duty', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(3)' });
      i.flows.push({ key: 'to-police', from: 'servers', to: 'police', kind: 'PROVISION', fields: ['phone'], purposes: ['account'], legalBases: ['duty'], consent: 'NONE', optional: false });
    });
    expect(byRule(inv, rule)).toEqual([]);
  });

  it('reports public disclosure without separate consent unless a law requires it (Art. 25)', () => {
    const disclose = (bases: string[]) => variant((i) => {
      i.parties.push({ key: 'public', name: 'The public', kind: 'PUBLIC', country: 'CN' });
      i.legalBases.push({ key: 'duty', name: 'Legal duty', jurisdiction: 'CN', article: 'PIPL Art. 13(1)(3)' });
      i.flows.push({ key: 'winners', from: 'servers', to: 'public', kind: 'PUBLIC_DISCLOSURE', fields: ['nickname'], purposes: ['account'], legalBases: bases, consent: 'NONE', optional: true });
    });
    const [f] = byRule(disclose(['contract']), rule);
    expect(f.subject.key).toBe('winners');
    expect(citations(f)[0]).toBe('PIPL Art. 25');
    expect(f.message).toContain('with no consent at all');
    expect(byRule(disclose(['duty']), rule)).toEqual([]);
  });
});

describe('cross-border-without-safeguards (PIPL Art. 38, 39)', () => {
  const rule = 'cross-border-without-safeguards';
  const abroad = (i: Inventory) => (partyOf(i, 'vendor').country = 'US');

  it('reports a flow to another country with no Art. 38 mechanism', () => {
    const [f] = byRule(variant(abroad), rule);
    expect(f).toMatchObject({ severity: 'HIGH', subject: { key: 'share-vendor' } });
    expect(f.message).toContain('from CN to 供应商 (vendor) in US');
    expect(f.message).toContain('no transfer mechanism');
    expect(f.message).not.toContain('not separate consent');
  });

  it('also names missing separate consent, and clears with a mechanism and separate consent', () => {
    const plain = variant((i) => {
      abroad(i);
      flowOf(i, 'share-vendor').consent = 'CONSENT';
    });
    expect(byRule(plain, rule)[0].message).toContain('its consent is CONSENT, not separate consent (Art. 39)');
    const safe = variant((i) => {
      abroad(i);
      i.legalBases.push({ key: 'scc', name: 'Standard contract', jurisdiction: 'CN', article: 'PIPL Art. 38(1)(3)' });
      flowOf(i, 'share-vendor').legalBases!.push('scc');
    });
    expect(byRule(safe, rule)).toEqual([]);
  });

  it('reports a recipient with no country, LOW: Art. 38/39 cannot be assessed', () => {
    const [f] = byRule(variant((i) => (partyOf(i, 'processor').country = null)), rule);
    expect(f).toMatchObject({ severity: 'LOW', subject: { type: 'PARTY', key: 'processor' } });
  });
});

describe('purpose-without-legal-basis (PIPL Art. 13)', () => {
  const rule = 'purpose-without-legal-basis';

  it('reports the purpose a basis-less flow serves', () => {
    const [f] = byRule(variant((i) => (flowOf(i, 'upload-geo').legalBases = [])), rule);
    expect(f).toMatchObject({ severity: 'HIGH', subject: { type: 'PURPOSE', key: 'nearby' } });
    expect(f.involves.flows).toEqual(['upload-geo']);
  });

  it('reports a flow with neither purpose nor basis', () => {
    const [f] = byRule(variant((i) => Object.assign(flowOf(i, 'entrust-processor'), { purposes: [], legalBases: [] })), rule);
    expect(f.subject).toMatchObject({ type: 'FLOW', key: 'entrust-processor' });
  });
});

describe('legal-basis-not-in-pipl (PIPL Art. 13)', () => {
  const rule = 'legal-basis-not-in-pipl';

  it('is MEDIUM when the flow leans on a GB/T exemption beside a valid basis', () => {
    const inv = variant((i) => {
      i.legalBases.push({ key: 'gbt-security', name: 'Secure operation', jurisdiction: 'CN', article: 'GB/T 35273-2020 §5.6 h)' });
      flowOf(i, 'entrust-processor').legalBases!.push('gbt-security');
    });
    const [f] = byRule(inv, rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', subject: { key: 'entrust-processor' } });
    expect(f.message).toContain('contract necessity (Art. 13(1)(2))');
  });

  it('is HIGH when "legitimate interests" is the only basis and no consent is sought', () => {
    const inv = variant((i) => {
      i.legalBases.push({ key: 'li', name: 'Legitimate interests', jurisdiction: 'EU', article: 'GDPR Art. 6(1)(f)' });
      flowOf(i, 'entrust-processor').legalBases = ['li'];
    });
    const [f] = byRule(inv, rule);
    expect(f.severity).toBe('HIGH');
    expect(f.message).toContain('"legitimate interests", which PIPL Art. 13 does not have');
  });

  it('adds Art. 73 for de-identified data relying on such an exemption', () => {
    const inv = variant((i) => {
      i.legalBases.push({ key: 'research', name: 'Research', jurisdiction: 'CN', article: 'GB/T 35273-2020 §5.6 j)' });
      Object.assign(flowOf(i, 'entrust-processor'), { legalBases: ['research'], deidentified: true });
    });
    expect(citations(byRule(inv, rule)[0])).toContain('PIPL Art. 73');
  });
});

describe('legal basis classification', () => {
  const lb = (article: string, jurisdiction = 'CN', name = 'x') => classifyLegalBasis({ key: 'k', name, jurisdiction, article, sources: [] });

  it('knows the seven PIPL bases, statutory duties of other PRC laws, transfer rules and what PIPL lacks', () => {
    expect(lb('PIPL Art. 13(1)(1)')).toMatchObject({ standing: 'PIPL_BASIS', piplBasis: 'CONSENT' });
    expect(lb('PIPL Art. 13(1)(7)')).toMatchObject({ standing: 'PIPL_BASIS', piplBasis: 'OTHER_LAW' });
    expect(lb('Cybersecurity Law Art. 21(3)')).toMatchObject({ standing: 'STATUTORY_DUTY', piplBasis: 'LEGAL_DUTY' });
    expect(lb('PIPL Art. 22')).toMatchObject({ standing: 'MERGER_TRANSFER' });
    expect(lb('PIPL Art. 38(1)(3)')).toMatchObject({ standing: 'TRANSFER_MECHANISM' });
    expect(lb('GDPR Art. 46(2)(c)', 'EU')).toMatchObject({ standing: 'TRANSFER_MECHANISM' });
    expect(lb('GB/T 35273-2020 §5.6 h) (no PIPL Art. 13 counterpart)')).toMatchObject({ standing: 'NOT_IN_PIPL' });
    expect(lb('GDPR Art. 6(1)(f)', 'EU')).toMatchObject({ standing: 'NOT_IN_PIPL' });
    expect(lb('GDPR Art. 6(1)(b)', 'EU')).toMatchObject({ standing: 'FOREIGN_LAW' });
    expect(lb('PIPL Art. 13')).toMatchObject({ standing: 'UNRECOGNISED' });
  });

  it('accepts PIPL Art. 22 only for a TRANSFER', () => {
    const inv = variant((i) => {
      i.legalBases.push({ key: 'merger', name: 'Merger', jurisdiction: 'CN', article: 'PIPL Art. 22' });
      i.parties.push({ key: 'buyer', name: 'Buyer', kind: 'THIRD_PARTY', country: 'CN', contact: 'x' });
      i.flows.push({ key: 'sale', from: 'servers', to: 'buyer', kind: 'TRANSFER', fields: ['phone'], purposes: ['account'], legalBases: ['merger'], consent: 'NONE', optional: false });
      i.flows.push({ key: 'not-a-sale', from: 'servers', to: 'buyer', kind: 'PROVISION', fields: ['phone'], purposes: ['account'], legalBases: ['merger'], consent: 'NONE', optional: false });
    });
    const index = indexOf(inv);
    expect(flowBases(index, index.flows.get('sale')!).valid).toEqual(['OTHER_LAW']);
    expect(flowBases(index, index.flows.get('not-a-sale')!).invalid[0].explanation).toContain('only a TRANSFER');
  });
});

describe('minors-without-guardian-consent (PIPL Art. 31)', () => {
  const rule = 'minors-without-guardian-consent';
  const withChild = (consent: 'CONSENT' | 'GUARDIAN_CONSENT') => variant((i) => {
    i.categories.push({ key: 'children', name: 'Children under 14', sensitive: true, sensitiveClass: 'MINOR_UNDER_14' });
    i.fields.push({ key: 'child-name', name: "Child's name", category: 'children' });
    i.purposes.push({ key: 'family', name: 'Family accounts', functionType: 'EXTENDED' });
    i.flows.push({ key: 'collect-child', from: 'user', to: 'app', kind: 'COLLECTION', fields: ['child-name'], purposes: ['family'], legalBases: ['consent'], consent, optional: true });
    i.flows.push({ key: 'upload-child', from: 'app', to: 'servers', kind: 'INTERNAL', fields: ['child-name'], purposes: ['family'], legalBases: ['consent'], consent, optional: true, retention: { description: 'x', maximum: 'P1Y' } });
  });

  it("reports under-14 data collected without the guardian's consent", () => {
    const [f] = byRule(withChild('CONSENT'), rule);
    expect(f).toMatchObject({ severity: 'HIGH', subject: { key: 'collect-child' } });
    expect(citations(f)).toEqual(['PIPL Art. 31', 'PIPL Art. 28', 'GDPR Art. 8']);
  });

  it("clears with the guardian's consent", () => {
    expect(byRule(withChild('GUARDIAN_CONSENT'), rule)).toEqual([]);
  });
});

describe('minors-excluded-without-age-check (PIPL Art. 31)', () => {
  const rule = 'minors-excluded-without-age-check';
  const adultsOnly = (i: Inventory) => i.documents[0].clauses!.push({ ref: '9', text: '本产品仅面向成年人,未满18周岁的未成年人不应使用本产品。' });

  it('notes an adults-only policy when nothing collected from every user tells age', () => {
    const [f] = byRule(variant(adultsOnly), rule);
    expect(f).toMatchObject({ severity: 'LOW', subject: { type: 'DOCUMENT', key: 'doc' } });
    expect(f.clauses.map((c) => c.ref)).toEqual(['9']);
    expect(f.message).toContain('no age, birth date or identity document is collected');
  });

  it('clears when a birth date is asked of every user', () => {
    const inv = variant((i) => {
      adultsOnly(i);
      i.fields.push({ key: 'birth-date', name: 'Date of birth', nameZh: '出生日期', category: 'profile' });
      flowOf(i, 'collect-account').fields!.push('birth-date');
      flowOf(i, 'upload-account').fields!.push('birth-date');
    });
    expect(byRule(inv, rule)).toEqual([]);
  });

  it('is not fooled by a table of contents that only names the minors section', () => {
    expect(byRule(variant((i) => i.documents[0].clauses!.push({ ref: 'toc', text: '九、我们如何处理未成年人的个人信息' })), rule)).toEqual([]);
  });
});

describe('consent-not-freely-given (PIPL Art. 14, 16)', () => {
  const rule = 'consent-not-freely-given';

  it('reports required processing resting on consent alone', () => {
    const [f] = byRule(variant((i) => Object.assign(flowOf(i, 'collect-account'), { legalBases: ['consent'], consent: 'CONSENT' })), rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', subject: { key: 'collect-account' } });
    expect(citations(f)).toContain('GDPR Art. 7(4)');
  });

  it('leaves alone required processing on the contract, and refusable processing on consent', () => {
    expect(byRule(compliantApp(), rule)).toEqual([]);
    expect(byRule(variant((i) => Object.assign(flowOf(i, 'collect-account'), { legalBases: ['consent'], consent: 'CONSENT', optional: true })), rule)).toEqual([]);
  });
});

describe('required-for-extended-function (PIPL Art. 16)', () => {
  const rule = 'required-for-extended-function';

  it('is HIGH when a flow serving only extended purposes cannot be refused', () => {
    const [f] = byRule(variant((i) => (flowOf(i, 'share-vendor').optional = false)), rule);
    expect(f).toMatchObject({ severity: 'HIGH', subject: { key: 'share-vendor' } });
    expect(f.message).toContain('serves only the extended purpose 附近的人');
  });

  it('is MEDIUM when an extended purpose rides on a basic one', () => {
    const [f] = byRule(variant((i) => flowOf(i, 'collect-account').purposes!.push('nearby')), rule);
    expect(f.severity).toBe('MEDIUM');
    expect(f.message).toContain('is required for 账号注册 but also serves the extended purpose 附近的人');
  });
});

describe('required-flow-behind-runtime-permission (PIPL Art. 16)', () => {
  const rule = 'required-flow-behind-runtime-permission';

  it('is HIGH for a required flow of sensitive data behind a runtime permission', () => {
    const [f] = byRule(variant((i) => (flowOf(i, 'collect-geo').optional = false)), rule);
    expect(f).toMatchObject({ severity: 'HIGH', subject: { key: 'collect-geo' } });
    expect(f.involves.permissions).toEqual(['android.permission.ACCESS_FINE_LOCATION']);
  });

  it('is MEDIUM without sensitive data, and ignores normal (install-time) permissions', () => {
    const camera = variant((i) => {
      i.permissions.push({ key: 'android.permission.CAMERA', name: 'Camera' }, { key: 'android.permission.ACCESS_NETWORK_STATE', name: 'Network state' });
      flowOf(i, 'collect-account').permissions = ['android.permission.CAMERA'];
    });
    expect(byRule(camera, rule).map((f) => f.severity)).toEqual(['MEDIUM']);
    const normal = variant((i) => {
      i.permissions.push({ key: 'android.permission.ACCESS_NETWORK_STATE', name: 'Network state' });
      flowOf(i, 'collect-account').permissions = ['android.permission.ACCESS_NETWORK_STATE'];
    });
    expect(byRule(normal, rule)).toEqual([]);
  });
});

describe('profiling-without-opt-out (PIPL Art. 24)', () => {
  const rule = 'profiling-without-opt-out';
  const profiling = (optional: boolean) => variant((i) => {
    i.purposes.push({ key: 'ads', name: 'Personalised ads', nameZh: '基于用户画像的个性化广告', functionType: 'EXTENDED' });
    i.flows.push({ key: 'ad-profile', from: 'app', to: 'servers', kind: 'INTERNAL', fields: ['model'], purposes: ['ads'], legalBases: ['consent'], consent: 'CONSENT', optional, retention: { description: 'x', maximum: 'P1Y' } });
  });

  it('reports profiling served by flows the user cannot refuse, quoting the words that show it', () => {
    const [f] = byRule(profiling(false), rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', subject: { type: 'PURPOSE', key: 'ads' } });
    expect(f.message).toContain('"画像", "个性化"');
  });

  it('clears when the user can refuse it', () => {
    expect(byRule(profiling(true), rule)).toEqual([]);
  });
});

describe('recipient-not-identified (PIPL Art. 23, 22)', () => {
  const rule = 'recipient-not-identified';

  it('reports a recipient with no contact', () => {
    const [f] = byRule(variant((i) => (partyOf(i, 'vendor').contact = null)), rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', subject: { type: 'PARTY', key: 'vendor' } });
    expect(f.message).not.toContain('SDK package');
  });

  it('adds the missing SDK package for a recipient collecting on the device', () => {
    const inv = variant((i) => {
      Object.assign(partyOf(i, 'vendor'), { contact: null, sdkPackages: [] });
      Object.assign(flowOf(i, 'share-vendor'), { from: 'app' });
    });
    expect(byRule(inv, rule)[0].message).toContain('no SDK package is named');
  });

  it('cites Art. 22 for a transfer to an unnamed successor', () => {
    const inv = variant((i) => {
      i.legalBases.push({ key: 'merger', name: 'Merger', jurisdiction: 'CN', article: 'PIPL Art. 22' });
      i.parties.push({ key: 'successor', name: 'Successor', kind: 'THIRD_PARTY', country: 'CN' });
      i.flows.push({ key: 'sale', from: 'servers', to: 'successor', kind: 'TRANSFER', fields: ['phone'], purposes: ['account'], legalBases: ['merger'], consent: 'NONE', optional: false });
    });
    expect(citations(byRule(inv, rule)[0])[0]).toBe('PIPL Art. 22');
  });
});

describe('entrustment-incomplete (PIPL Art. 21)', () => {
  const rule = 'entrustment-incomplete';

  it('reports entrusted processing with no purpose', () => {
    const [f] = byRule(variant((i) => (flowOf(i, 'entrust-processor').purposes = [])), rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', subject: { type: 'FLOW', key: 'entrust-processor' } });
  });

  it('reports an entrusted party passing the data on', () => {
    const inv = variant((i) => i.flows.push({ key: 'sub-processing', from: 'processor', to: 'vendor', kind: 'ENTRUSTED_PROCESSING', fields: ['model'], purposes: ['account'], legalBases: ['contract'], consent: 'NONE', optional: false, retention: { description: 'x', maximum: 'P1M' } }));
    const found = byRule(inv, rule);
    expect(found.map((f) => f.id)).toEqual(expect.arrayContaining([`${rule}:PARTY:processor`, `${rule}:FLOW:sub-processing`]));
    expect(found.find((f) => f.subject.key === 'sub-processing')!.severity).toBe('LOW');
  });
});

describe('field-without-purpose and permission-gates-no-purpose (PIPL Art. 6)', () => {
  it('reports a field nothing carries, and one carried without a purpose', () => {
    const idle = variant((i) => i.fields.push({ key: 'hobby', name: 'Hobby', category: 'profile' }));
    expect(byRule(idle, 'field-without-purpose').map((f) => [f.subject.key, f.severity])).toEqual([['hobby', 'MEDIUM']]);
    const purposeless = variant((i) => i.flows.push({ key: 'collect-hobby', from: 'user', to: 'app', kind: 'COLLECTION', fields: ['hobby'], legalBases: ['consent'], consent: 'CONSENT', optional: true }), idle);
    expect(byRule(purposeless, 'field-without-purpose')[0].message).toContain('none of which states a purpose');
  });

  it('reports a permission that gates nothing with a purpose', () => {
    const [f] = byRule(variant((i) => i.permissions.push({ key: 'android.permission.READ_CONTACTS', name: 'Contacts' })), 'permission-gates-no-purpose');
    expect(f).toMatchObject({ severity: 'LOW', subject: { type: 'PERMISSION', key: 'android.permission.READ_CONTACTS' } });
  });
});

describe('no-retention-statement (PIPL Art. 17, 19, 21)', () => {
  const rule = 'no-retention-statement';

  it("is MEDIUM where the handler's own store states none", () => {
    const [f] = byRule(variant((i) => (flowOf(i, 'upload-account').retention = null)), rule);
    expect(f).toMatchObject({ severity: 'MEDIUM', subject: { key: 'upload-account' } });
    expect(citations(f)).toEqual(['PIPL Art. 17(1)(2)', 'PIPL Art. 19', 'GDPR Art. 5(1)(e)', 'GDPR Art. 13(2)(a)']);
  });

  it('is MEDIUM with Art. 21 for an entrustment, LOW for an independent recipient', () => {
    const inv = variant((i) => {
      flowOf(i, 'entrust-processor').retention = null;
      flowOf(i, 'share-vendor').retention = null;
    });
    const found = Object.fromEntries(byRule(inv, rule).map((f) => [f.subject.key, f]));
    expect(found['entrust-processor'].severity).toBe('MEDIUM');
    expect(citations(found['entrust-processor'])[0]).toBe('PIPL Art. 21');
    expect(found['share-vendor'].severity).toBe('LOW');
  });

  it('asks nothing of a collection leg into the app that passes every field on, but does when the app keeps one', () => {
    expect(byRule(compliantApp(), rule)).toEqual([]);
    const kept = variant((i) => flowOf(i, 'upload-account').fields = ['phone', 'nickname']);
    expect(byRule(kept, rule).map((f) => f.subject.key)).toEqual(['collect-account']);
  });
});

describe('retention-without-period (PIPL Art. 17(1)(2))', () => {
  it('reports once per keeping party, naming a legal minimum given alone', () => {
    const inv = variant((i) => {
      flowOf(i, 'upload-geo').retention = { description: 'As long as necessary' };
      flowOf(i, 'upload-account').retention = { description: 'Logs: at least six months', minimum: 'P6M' };
    });
    const found = byRule(inv, 'retention-without-period');
    expect(found.map((f) => [f.subject.key, f.severity])).toEqual([['servers', 'LOW']]);
    expect(found[0].involves.flows).toEqual(['upload-account', 'upload-geo']);
    expect(found[0].message).toContain('upload-account gives only a minimum of P6M');
  });
});

describe('handler-contact-missing (PIPL Art. 17(1)(1))', () => {
  it("reports a handler whose parties record no contact", () => {
    const [f] = byRule(variant((i) => (partyOf(i, 'servers').contact = null)), 'handler-contact-missing');
    expect(f).toMatchObject({ severity: 'MEDIUM', subject: { type: 'PARTY', key: 'app' } });
  });
});

describe('filters', () => {
  const broken = findings(variant((i) => {
    flowOf(i, 'collect-geo').consent = 'CONSENT';
    flowOf(i, 'share-vendor').consent = 'CONSENT';
    i.permissions.push({ key: 'android.permission.READ_CONTACTS', name: 'Contacts' });
  }));

  it('sorts most severe first and filters by severity, rule, subject type, involvement and law', () => {
    expect(broken.map((f) => f.severity)).toEqual(['HIGH', 'HIGH', 'LOW']);
    expect(filterFindings(broken, { minSeverity: 'MEDIUM' })).toHaveLength(2);
    expect(filterFindings(broken, { rules: ['permission-gates-no-purpose'] }).map((f) => f.subject.key)).toEqual(['android.permission.READ_CONTACTS']);
    expect(filterFindings(broken, { subjectType: 'PERMISSION' })).toHaveLength(1);
    expect(filterFindings(broken, { involving: 'vendor' }).map((f) => f.subject.key)).toEqual(['share-vendor']);
    expect(filterFindings(broken, { involving: 'geo' })).toHaveLength(2);
    expect(filterFindings(broken, { law: 'EDPB' })).toEqual([]);
  });

  it('names an unknown rule in a filter', () => {
    expect(() => checkFindingFilter({ rules: ['no-such-rule'] }, COMPLIANCE_RULES)).toThrow(ValidationError);
    expect(() => checkFindingFilter({ rules: ['sensitive-pi-without-separate-consent', 'no-such-rule'] }, COMPLIANCE_RULES)).toThrow(
      expect.objectContaining({ problems: [{ path: 'filter.rules[1]', message: expect.stringContaining('unknown rule "no-such-rule"') }] }),
    );
  });
});
