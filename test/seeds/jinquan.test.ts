/**
 * Seed fidelity: questions asked of the seeded 进圈 graph over GraphQL, each answer checked by hand
 * against the policy text (clause refs in the test names). If the seed drifts from the policy,
 * these fail.
 */
import { FieldDetailDocument, FlowByKeyDocument, PartiesDocument, VocabularyDocument, FieldListDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore } from '../support/stores';

// With this file's stores closed, the test Neo4j holds nothing (and its admin driver is closed).
afterAll(expectNeo4jLeftEmpty);

describeEachStore('the 进圈 seed', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: 'jinquan', store: kind });
  });
  afterAll(() => app?.stop());

  const field = async (key: string, vars: { direction?: 'DOWNSTREAM' | 'UPSTREAM'; maxDepth?: number; from?: string } = {}) =>
    (await app.query(FieldDetailDocument, { key, ...vars })).personalField!;
  const flow = async (key: string) => (await app.query(FlowByKeyDocument, { key })).dataFlow!;
  const keys = (list: Array<{ key: string }>) => list.map((x) => x.key);

  describe('the policy document (一–十一)', () => {
    it('is the 2021-08-31 policy, effective 2021-09-01, quoted clause by clause', async () => {
      const { policyDocuments } = await app.query(VocabularyDocument);
      expect(policyDocuments).toHaveLength(1);
      const [doc] = policyDocuments;
      expect([doc.updatedAt, doc.effectiveAt]).toEqual(['2021-08-31', '2021-09-01']);
      const refs = doc.clauses.map((c) => c.ref);
      for (const ref of ['一.1', '四.2.5', '四.2.5.a', '四.2.8', '四.4.12', '五.1.6', '六.3', '八.4.3', '八.5', '九', '十.1', '十一.2']) {
        expect(refs).toContain(ref);
      }
      expect(doc.clauses.find((c) => c.ref === '十一.2')!.text).toContain('北京市朝阳区北苑路北北辰泰岳大厦13层');
    });
  });

  describe('IMEI (四.2.5, 四.2.8)', () => {
    it('is sensitive: the policy calls it "IMEI敏感信息" (四.2.5.a)', async () => {
      const imei = await field('imei');
      expect([imei.sensitive, imei.sensitiveClass]).toEqual([true, 'NETWORK_IDENTITY']);
    });

    it('reaches 友盟+ and 北京流体网络科技有限公司', async () => {
      const recipients = (await field('imei')).recipients;
      expect(keys(recipients)).toEqual(expect.arrayContaining(['umeng', 'liuti']));
      expect(recipients.find((r) => r.key === 'umeng')!.sdkPackages).toEqual(['aaid.umeng.com', 'com.umeng']);
      expect(recipients.find((r) => r.key === 'liuti')!.nameZh).toBe('北京流体网络科技有限公司');
    });

    it('goes to 友盟+ with consent, refusable, gated by READ_PHONE_STATE, citing 四.2.5 and 四.2.5.a', async () => {
      const f = await flow('app-umeng');
      expect(f).toMatchObject({ kind: 'PROVISION', consent: 'CONSENT', optional: true, from: { key: 'jinquan-app' }, to: { key: 'umeng' } });
      expect(keys(f.permissions)).toContain('android.permission.READ_PHONE_STATE');
      expect(keys(f.carriedFields)).toEqual(expect.arrayContaining(['imei']));
      expect(f.sources.map((s) => s.ref)).toEqual(expect.arrayContaining(['四.2.5', '四.2.5.a']));
      expect(f.sources.find((s) => s.ref === '四.2.5')!.text).toContain('经过您同意之后,我们将向友盟+SDK');
    });

    it('goes to 北京流体 with the OAID, for anti-cheating (四.2.8)', async () => {
      const f = await flow('app-liuti');
      expect(keys(f.carriedFields)).toEqual(expect.arrayContaining(['imei', 'oaid']));
      expect(f.sources.map((s) => s.ref)).toContain('四.2.8');
      expect(keys(f.purposes)).toContain('anti-cheating');
    });

    it('has a complete downstream lineage that starts at the user and ends at both SDK vendors', async () => {
      const { lineage } = await field('imei', { maxDepth: 10 });
      expect(lineage.truncated).toBe(false);
      expect(lineage.paths.every((p) => p.hops[0].from.key === 'user')).toBe(true);
      const destinations = lineage.paths.map((p) => p.destination.key);
      expect(destinations).toEqual(expect.arrayContaining(['umeng', 'liuti']));
    });
  });

  describe('one-click login (四.4.1)', () => {
    it('brings the phone number from the carriers: UPSTREAM lineage at our servers finds them', async () => {
      const f = await flow('carriers-servers-one-click-login');
      expect(f).toMatchObject({ kind: 'COLLECTION', consent: 'CONSENT', optional: true, from: { key: 'carriers' }, to: { key: 'jinquan-servers' } });
      expect(keys(f.purposes)).toEqual(['one-click-login']);
      expect(f.purposes[0].functionType).toBe('EXTENDED');
      const { lineage } = await field('phone-number', { direction: 'UPSTREAM', from: 'jinquan-servers' });
      expect(lineage.paths.map((p) => p.destination.key)).toEqual(expect.arrayContaining(['carriers', 'user']));
    });

    it('treats the phone-number/code match result as sensitive, as the policy says', async () => {
      expect((await field('phone-verification-result')).sensitive).toBe(true);
    });
  });

  describe('sensitive personal information', () => {
    it('face features go to the certification bodies with ordinary, not separate, consent (四.4.6; a PIPL Art. 29 gap)', async () => {
      const face = await field('facial-features');
      expect([face.sensitive, face.sensitiveClass]).toEqual([true, 'BIOMETRIC']);
      expect(keys(face.recipients)).toContain('certification-bodies');
      expect(face.flows.every((f) => f.consent !== 'SEPARATE_CONSENT')).toBe(true);
      expect(keys(face.permissions)).toContain('android.permission.CAMERA');
    });

    it('contacts are read with READ_CONTACTS and uploaded only irreversibly encrypted (四.4.7)', async () => {
      expect((await field('contact-list')).sensitiveClass).toBe('CONTACTS');
      const read = await flow('user-app-contacts');
      expect(keys(read.permissions)).toEqual(['android.permission.READ_CONTACTS']);
      expect(read.deidentified).toBe(false);
      expect((await flow('app-servers-contacts-encrypted')).deidentified).toBe(true);
    });

    it('precise location needs the location permission and may be refused (四.4.4)', async () => {
      const geo = await field('geolocation');
      expect(geo.sensitiveClass).toBe('PRECISE_LOCATION');
      const f = await flow('user-app-location');
      expect(keys(f.permissions).sort()).toEqual(['android.permission.ACCESS_COARSE_LOCATION', 'android.permission.ACCESS_FINE_LOCATION']);
      expect([f.consent, f.optional]).toEqual(['CONSENT', true]);
    });

    it('marketing campaigns share name, address, contact and bank account with consent (五.1.6)', async () => {
      const f = await flow('servers-marketing-partners');
      expect(keys(f.carriedFields)).toEqual(expect.arrayContaining(['real-name', 'mailing-address', 'contact-info', 'bank-account']));
      expect([f.consent, f.optional]).toEqual(['CONSENT', true]);
    });

    it('lists every sensitive field through the filter, and only sensitive ones', async () => {
      const { personalFields } = await app.query(FieldListDocument, { filter: { sensitive: true }, first: 200 });
      expect(keys(personalFields.nodes)).toEqual(expect.arrayContaining(['imei', 'facial-features', 'contact-list', 'geolocation', 'bank-account']));
      expect(personalFields.nodes.every((n) => n.sensitive)).toBe(true);
      expect(keys(personalFields.nodes)).not.toContain('nickname');
    });
  });

  describe('clipboard, logs, sharing exemptions', () => {
    it('reads the clipboard only for 口令码, refusable (八.4.3)', async () => {
      const f = await flow('user-app-clipboard');
      expect(keys(f.carriedFields)).toEqual(['clipboard-code']);
      expect(keys(f.permissions)).toEqual(['android.clipboard.read']);
      expect(f.optional).toBe(true);
      expect(keys(f.purposes)).toEqual(['clipboard-campaign']);
    });

    it('keeps network logs at least six months under the Cybersecurity Law (八.5)', async () => {
      const f = await flow('app-servers-network-logs');
      expect(f.retention?.minimum).toBe('P6M');
      expect(keys(f.legalBases)).toEqual(expect.arrayContaining(['cn-cybersecurity-law-21', 'pipl-13-1-3-legal-obligation']));
    });

    it('shares with authorities without consent on a legal obligation (五.1.2, 五.4.3)', async () => {
      const f = await flow('servers-authorities-legal');
      expect(f.consent).toBe('NONE');
      expect(keys(f.legalBases)).toContain('pipl-13-1-3-legal-obligation');
    });

    it('shares only de-identified data with research institutions (五.1.5)', async () => {
      const f = await flow('servers-research');
      expect([f.deidentified, f.consent]).toEqual([true, 'NONE']);
    });

    it('transfers on a merger and discloses published content to the public (五.2.2, 五.3.1)', async () => {
      expect((await flow('servers-successor')).kind).toBe('TRANSFER');
      const ugc = await flow('servers-public-ugc');
      expect(ugc.kind).toBe('PUBLIC_DISCLOSURE');
      expect(keys(ugc.carriedFields)).toEqual(expect.arrayContaining(['nickname', 'avatar', 'posts']));
    });

    it('wakes the app through auto-start for 个推 push (六.3, 四.2.4)', async () => {
      expect(keys((await flow('app-getui')).permissions)).toContain('android.permission.RECEIVE_BOOT_COMPLETED');
    });
  });

  describe('storage and recipients (十.1)', () => {
    it('keeps everything in China: every party is CN and no flow crosses a border', async () => {
      const { parties } = await app.query(PartiesDocument, {});
      expect(parties.length).toBeGreaterThanOrEqual(19);
      expect(parties.every((p) => p.country === 'CN')).toBe(true);
      const imei = await field('imei');
      expect(imei.flows.every((f) => !f.crossBorder)).toBe(true);
    });

    it('has one data subject and the company as first party', async () => {
      const { parties } = await app.query(PartiesDocument, { filter: { kind: 'FIRST_PARTY' } });
      expect(keys(parties)).toEqual(['jinquan-app', 'jinquan-servers']);
    });

    it('models every purpose and permission into at least one flow', async () => {
      const v = await app.query(VocabularyDocument);
      expect(v.purposes.filter((p) => p.flows.length === 0).map((p) => p.key)).toEqual([]);
      expect(v.permissions.filter((p) => p.fields.length === 0).map((p) => p.key)).toEqual([]);
      expect(v.purposes.length).toBeGreaterThanOrEqual(20);
      expect(v.permissions.length).toBeGreaterThanOrEqual(10);
    });
  });
});
