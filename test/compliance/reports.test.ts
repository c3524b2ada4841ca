/**
 * Rendered reports: HTML parsed strictly as XML (well-formed, nothing from the inventory becomes
 * markup), CSV read back as RFC 4180, XLSX reopened with exceljs, Markdown tables intact. Each
 * store kind runs the file; its inventories are opened one after another (never two at once:
 * the test Neo4j is one database).
 */
import ExcelJS from 'exceljs';
import { ComplianceService, FORMATS_OF, REPORT_KINDS, type ReportRequest } from '../../src/services/compliance/compliance-service';
import { InventoryService } from '../../src/services/inventory-service';
import { seedIfEmpty } from '../../src/services/seeds';
import type { InventoryStore } from '../../src/store/inventory-store';
import { ValidationError } from '../../src/domain/problems';
import { evaluateRules } from '../../src/domain/compliance/findings';
import { collectedInformationList, thirdPartySharingList } from '../../src/domain/compliance/regulator-lists';
import { COMPLIANCE_RULES } from '../../src/domain/compliance/rules';
import { compliantApp, flowOf, partyOf, seedIndex, variant } from './fixtures';
import { parseCsv, parseStrictly } from './parsers';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { describeEachStore, openTestStore } from '../support/stores';

const generated = () => new Date('2025-03-01T08:00:00Z');

// With this file's stores closed, the test Neo4j holds nothing (and its admin driver is closed).
afterAll(expectNeo4jLeftEmpty);

describeEachStore('reports', (storeKind) => {
  describe('on the seeded 进圈 inventory', () => {
    let store: InventoryStore | undefined;
    let service: ComplianceService;
    beforeAll(async () => {
      store = await openTestStore(storeKind);
      await seedIfEmpty(store);
      service = new ComplianceService(store, generated);
    });
    afterAll(() => store?.close());

    const render = (r: ReportRequest) => service.report(r);

    describe('one inventory, one answer', () => {
      it('the store (key-ordered export) and the seed file (policy order) give identical findings and lists', async () => {
        expect(await service.findings()).toEqual(evaluateRules(seedIndex(), COMPLIANCE_RULES));
        expect(await service.collectedInformation()).toEqual(collectedInformationList(seedIndex()));
        expect(await service.thirdPartySharing()).toEqual(thirdPartySharingList(seedIndex()));
      });
    });

    describe('the 进圈 impact assessment', () => {
      it('renders as well-formed HTML with the Art. 56 sections, every trigger and every clause quoted', async () => {
        const report = await render({ kind: 'pia', format: 'html' });
        expect(report).toMatchObject({ fileName: 'fieldtrail-pia-2025-03-01.html', mediaType: 'text/html; charset=utf-8' });
        const html = report.body as string;
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN"')).toBe(true);
        const doc = parseStrictly(html);
        expect(doc.root).toBe('html');
        expect(doc.elements.get('title')).toBe(1);
        expect(doc.elements.get('h1')).toBe(1);
        expect(doc.elements.get('script') ?? 0).toBe(0);
        expect(doc.text).toContain('Lawfulness, legitimacy and necessity of purposes and methods');
        expect(doc.text).toContain('Impact on rights and security risks');
        expect(doc.text).toContain('Protective measures recorded');
        expect(doc.text).toContain('Keep until 保存至');
        expect(doc.text).toContain('2028-03-01 (PIPL Art. 56');
        for (const item of ['PIPL Art. 55(1)', 'PIPL Art. 55(2)', 'PIPL Art. 55(3)', 'PIPL Art. 55(4)', 'PIPL Art. 55(5)']) expect(doc.text).toContain(item);
        // Every clause the assessment involves is quoted, and the policy's text survives escaping intact.
        expect(doc.elements.get('blockquote')).toBe((await service.impactAssessment()).clauses.length);
        expect(doc.text).toContain('经过您同意之后,我们将向友盟+SDK(aaid.umeng.com、com.umeng)传输您的IMEI个人信息');
      });

      it('renders as Markdown with the same sections, and as JSON with the same numbers', async () => {
        const md = (await render({ kind: 'pia', format: 'md' })).body as string;
        expect(md).toMatch(/^# 个人信息保护影响评估报告/);
        expect(md).toContain('## 2. Impact on rights and security risks 对个人权益的影响及安全风险 (Art. 56(2))');
        expect(md).toContain('| PIPL Art. 55(4) | Providing personal information abroad | no 否 | — |');
        const json = JSON.parse((await render({ kind: 'pia', format: 'json' })).body as string);
        expect(json.summary).toMatchObject({ flows: 57, wp248CriteriaMet: 5, piplAssessmentRequired: true });
      });

      it('scopes to the fields asked for', async () => {
        const json = JSON.parse((await render({ kind: 'pia', format: 'json', scope: { fieldKeys: ['imei'] } })).body as string);
        expect(json.scope).toMatchObject({ whole: false, description: 'fields IMEI' });
        expect(json.flows.map((f: { flowKey: string }) => f.flowKey)).toEqual(expect.arrayContaining(['app-umeng', 'app-liuti']));
      });
    });

    describe('records of processing as a spreadsheet', () => {
      it('XLSX reopens with the Art. 30 columns, one row per record, and an About sheet', async () => {
        const report = await render({ kind: 'ropa', format: 'xlsx' });
        expect(report.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        expect(Buffer.isBuffer(report.body)).toBe(true);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(report.body as unknown as ExcelJS.Buffer);
        expect(wb.worksheets.map((s) => s.name)).toEqual(['Records of processing', 'About']);
        const sheet = wb.worksheets[0];
        const header = (sheet.getRow(1).values as unknown[]).slice(1);
        expect(header).toEqual(expect.arrayContaining(['(a) Controller 处理者', '(b) Purpose 处理目的', '(c) Personal data 个人信息', '(d) Recipient 接收方', '(e) Third-country transfer 跨境提供', '(f) Retention 保存期限', '(g) Security measures 安全措施']));
        const ropa = await service.recordsOfProcessing();
        expect(sheet.rowCount).toBe(ropa.records.length + 1);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        const col = (name: string) => header.indexOf(name) + 1;
        const rows = Array.from({ length: ropa.records.length }, (_, i) => sheet.getRow(i + 2));
        const bodies = rows.find((r) => r.getCell(1).value === 'real-name-verification/certification-bodies')!;
        expect(bodies.getCell(col('(d) Recipient 接收方')).value).toBe('第三方认证机构 (certification-bodies)');
        expect(bodies.getCell(col('(c) Personal data 个人信息')).value).toBe('真实姓名、电话号码、身份证号码、面部特征');
        expect(bodies.getCell(col('(a) Controller 处理者')).value).toBe('厦门勇气网络科技有限公司');
        const about = wb.getWorksheet('About')!;
        expect(about.getCell('A1').value).toBe('Records of processing activities 个人信息处理活动记录');
        expect(String(about.getCell('A2').value)).toContain('2025-03-01T08:00:00.000Z');
      });

      it('CSV has the same rows', async () => {
        const rows = parseCsv((await render({ kind: 'ropa', format: 'csv' })).body as string);
        expect(rows.length).toBe((await service.recordsOfProcessing()).records.length + 1);
        expect(rows[1][0]).toBe('ad-effectiveness/handler');
      });
    });

    describe('the regulator lists', () => {
      it('已收集个人信息清单 as Markdown and CSV, Chinese with English headers', async () => {
        const md = (await render({ kind: 'collected-pi', format: 'md' })).body as string;
        expect(md).toMatch(/^# 已收集个人信息清单 Collected personal information/);
        expect(md).toContain('| 个人信息 Field | 类别 Category | 敏感 Sensitive | 使用目的 Purpose | 使用场景 Scenario | 权限 Permission | 收集方式 Collected | 可拒绝 Refusable | 条款 Clauses |');
        expect(md).toContain('| 地理位置信息 (Geographic location) | 精确定位信息 | 是 PRECISE_LOCATION |');
        const rows = parseCsv((await render({ kind: 'collected-pi', format: 'csv' })).body as string);
        expect(rows).toHaveLength(86);
      });

      it('第三方SDK目录 as Markdown and CSV', async () => {
        const md = (await render({ kind: 'third-parties', format: 'md' })).body as string;
        expect(md).toContain('| 友盟+ | 第三方 third party | aaid.umeng.com, com.umeng | SDK 在设备上收集 SDK on the device |');
        const rows = parseCsv((await render({ kind: 'third-parties', format: 'csv' })).body as string);
        expect(rows[0]).toEqual(['第三方名称 Recipient', '类型 Kind', 'SDK 包名 SDK package', '共享方式 Method', '共享的个人信息 Personal information', '使用目的 Purpose', '法律依据 Legal basis', '同意方式 Consent', '可拒绝 Refusable', '联系方式 Contact', '条款 Clauses']);
        expect(rows.slice(1).map((r) => r[0]).slice(0, 3)).toEqual(['个推', '北京流体网络科技有限公司', '友盟+']);
      });
    });

    describe('report requests', () => {
      it('every kind renders in each of its formats', async () => {
        await service.takeSnapshot('r1');
        for (const kind of REPORT_KINDS) {
          for (const format of FORMATS_OF[kind]) {
            const subject = { breach: 'umeng', withdrawal: 'android.permission.READ_CONTACTS', deletion: 'imei' }[kind as string] ?? null;
            const r = await render({ kind, format, subject, from: kind === 'diff' ? 'r1' : null });
            expect(r.fileName.endsWith(`.${format}`)).toBe(true);
            if (format === 'html') parseStrictly(r.body as string);
            if (format === 'json') JSON.parse(r.body as string);
            if (format === 'csv') parseCsv(r.body as string);
          }
        }
      });

      it('names a format a kind does not come in, and a missing subject', async () => {
        await expect(render({ kind: 'pia', format: 'xlsx' })).rejects.toThrow('the pia report comes as md, html, json, not "xlsx"');
        await expect(render({ kind: 'breach', format: 'md' })).rejects.toThrow('the breach report needs a party key');
        await expect(render({ kind: 'diff', format: 'md' })).rejects.toBeInstanceOf(ValidationError);
        await expect(render({ kind: 'nope' as never, format: 'md' })).rejects.toThrow('unknown report "nope"');
      });
    });
  });

  describe('nothing in the inventory can break a report', () => {
    const hostile = variant((i) => {
      Object.assign(partyOf(i, 'vendor'), { name: 'Evil <script>alert("x")</script> & Co', nameZh: '恶意 <b>厂商</b> & "引号"', contact: "a|b, 'c'\r\nd" });
      i.documents[0].clauses!.push({ ref: '5', text: 'Ends a cell </td></tr> and an entity &amp; and a bell \u0007 and | pipes | here' });
      flowOf(i, 'share-vendor').sources!.push('doc#5');
      flowOf(i, 'share-vendor').consent = 'CONSENT';
    });
    let hostileService: ComplianceService;
    let hostileStore: InventoryStore | undefined;
    beforeAll(async () => {
      hostileStore = await openTestStore(storeKind);
      await new InventoryService(hostileStore).importManifest(hostile, 'REPLACE');
      hostileService = new ComplianceService(hostileStore, generated);
    });
    afterAll(() => hostileStore?.close());

    it('HTML escapes names, contacts and clause text, and drops characters XML forbids', async () => {
      for (const kind of ['pia', 'findings', 'third-parties'] as const) {
        const html = (await hostileService.report({ kind, format: 'html' })).body as string;
        const doc = parseStrictly(html);
        expect(doc.elements.get('script') ?? 0).toBe(0);
        expect(doc.elements.get('b') ?? 0).toBe(0);
        expect(doc.text).toContain('恶意 <b>厂商</b> & "引号"');
      }
      const pia = parseStrictly((await hostileService.report({ kind: 'pia', format: 'html' })).body as string);
      expect(pia.text).toContain('Ends a cell </td></tr> and an entity &amp; and a bell  and | pipes | here');
    });

    it('Markdown keeps table rows whole: pipes and line breaks in cells are escaped', async () => {
      const md = (await hostileService.report({ kind: 'third-parties', format: 'md' })).body as string;
      const rows = md.split('\n').filter((l) => l.startsWith('| '));
      const width = rows[0].split(/(?<!\\)\|/).length;
      expect(rows.every((r) => r.split(/(?<!\\)\|/).length === width)).toBe(true);
      expect(md).toContain('恶意 \\<b\\>厂商\\</b\\> & "引号"');
    });

    it('CSV quotes what needs it and reads back cell for cell', async () => {
      const csv = (await hostileService.report({ kind: 'third-parties', format: 'csv' })).body as string;
      const rows = parseCsv(csv);
      expect(rows[0][0]).toBe('第三方名称 Recipient');
      const vendor = rows.find((r) => r[0] === '恶意 <b>厂商</b> & "引号"')!;
      expect(vendor[rows[0].indexOf('联系方式 Contact')]).toBe("a|b, 'c'\r\nd");
      expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
    });
  });

  describe('text a spreadsheet would run as a formula', () => {
    const formulas = variant((i) => {
      Object.assign(partyOf(i, 'vendor'), { name: '=1+2', nameZh: '@SUM(A1)', contact: '+86 10 1234' });
    });
    let formulaService: ComplianceService;
    let formulaStore: InventoryStore | undefined;
    beforeAll(async () => {
      formulaStore = await openTestStore(storeKind);
      await new InventoryService(formulaStore).importManifest(formulas, 'REPLACE');
      formulaService = new ComplianceService(formulaStore, generated);
    });
    afterAll(() => formulaStore?.close());

    it('CSV cells starting with = + - @ get a leading quote, and read back otherwise unchanged', async () => {
      const rows = parseCsv((await formulaService.report({ kind: 'third-parties', format: 'csv' })).body as string);
      const cells = rows.flat();
      expect(cells).toContain("'@SUM(A1)");
      expect(cells).toContain("'+86 10 1234");
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    });

    it('XLSX keeps them as text cells, formatted as text', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await formulaService.report({ kind: 'third-parties', format: 'xlsx' })).body as unknown as ExcelJS.Buffer);
      const found: ExcelJS.Cell[] = [];
      wb.worksheets[0].eachRow((row) => row.eachCell((cell) => {
        if (cell.value === '@SUM(A1)' || cell.value === '+86 10 1234') found.push(cell);
      }));
      expect(found.length).toBeGreaterThanOrEqual(2);
      for (const cell of found) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe('@');
      }
    });
  });

  describe('a clean inventory', () => {
    it('the compliant app renders a findings report that says there are none', async () => {
      const s = await openTestStore(storeKind);
      try {
        await new InventoryService(s).importManifest(compliantApp(), 'REPLACE');
        const md = (await new ComplianceService(s, generated).report({ kind: 'findings', format: 'md' })).body as string;
        expect(md).toContain('0 findings: 0 HIGH, 0 MEDIUM, 0 LOW, 0 INFO.');
        // A clean report says what it is clean of.
        expect(md).toContain('## Rules checked 检查规则 (19)');
        expect(md).toContain('| sensitive-pi-without-separate-consent | HIGH | PIPL Art. 29, PIPL Art. 28, PIPL Art. 30, GDPR Art. 9(2)(a) |');
      } finally {
        await s.close();
      }
    });
  });
});
