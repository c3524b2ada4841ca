/**
 * One inventory, two stores, one answer: the bundled 进圈 seed loaded into the embedded SQLite
 * store and into the project's Neo4j gives byte-identical `fieldtrail export` text (YAML and JSON,
 * through the CLI's own serialiser), and every finding, impact assessment, record of processing,
 * regulator list and rendered report is identical (the clock fixed, so the date stamps agree).
 * Runs only when Neo4j is configured (CI must have one); the M-scale `fieldtrail copy` round trip
 * is in copy-round-trip.test.ts.
 */
import { ComplianceService, FORMATS_OF, REPORT_KINDS, type ReportRequest } from '../../src/services/compliance/compliance-service';
import type { AssessmentScope } from '../../src/domain/compliance/scope';
import { InventoryService } from '../../src/services/inventory-service';
import { serializeManifest, type ManifestFormat } from '../../src/services/manifest-files';
import { seedIfEmpty } from '../../src/services/seeds';
import type { InventoryStore } from '../../src/store/inventory-store';
import { expectNeo4jLeftEmpty } from '../support/neo4j';
import { openTestStore, testStoreKinds, type StoreKind } from '../support/stores';

const KINDS = ['sqlite', 'neo4j'] as const satisfies readonly StoreKind[];
const CLOCK = () => new Date('2025-03-01T08:00:00Z');

/** What `fieldtrail export --format F` prints for the store (src/cli.ts, case 'export'). */
async function exportText(store: InventoryStore, format: ManifestFormat): Promise<string> {
  return serializeManifest(await new InventoryService(store).exportManifest(), format);
}

/** Identical: equal values (undefined properties included) and the same JSON text, key order and all. */
function expectIdentical<T>(neo4j: T, sqlite: T): void {
  expect(neo4j).toStrictEqual(sqlite);
  expect(JSON.stringify(neo4j)).toBe(JSON.stringify(sqlite));
}

if (testStoreKinds().includes('neo4j')) {
  // After the stores are closed the test database holds nothing: no inventory, versions, audit entries or keys.
  afterAll(expectNeo4jLeftEmpty);

  describe('the 进圈 seed loaded into each store', () => {
    const stores = {} as Record<StoreKind, InventoryStore>;
    /** A fresh service per store and question, reading the store it is given (no shared cache). */
    const compliance = (kind: StoreKind) => new ComplianceService(stores[kind], CLOCK);
    /** The same question asked of both stores: [sqlite, neo4j]. */
    const both = <T>(ask: (kind: StoreKind) => Promise<T>) => Promise.all(KINDS.map(ask));

    beforeAll(async () => {
      for (const kind of KINDS) {
        stores[kind] = await openTestStore(kind);
        expect(await seedIfEmpty(stores[kind])).toHaveLength(1);
      }
    }, 120_000);
    afterAll(async () => {
      for (const kind of KINDS) await stores[kind]?.close();
    });

    it.each(['yaml', 'json'] as const)('gives byte-identical `fieldtrail export --format %s` text', async (format) => {
      const [sqlite, neo4j] = await both((kind) => exportText(stores[kind], format));
      // Not two empty answers: the whole 进圈 policy is in there.
      expect(sqlite).toContain('jinquan-privacy-2021');
      expect(sqlite.length).toBeGreaterThan(100_000);
      expect(neo4j).toBe(sqlite);
    });

    it('gives every finding identically, most severe first', async () => {
      const [sqlite, neo4j] = await both((kind) => compliance(kind).findings());
      expect(sqlite.length).toBeGreaterThan(0);
      expectIdentical(neo4j, sqlite);
    });

    it('gives the same impact assessment, whole and scoped to each recipient, field, purpose and flow', async () => {
      const [whole, wholeNeo4j] = await both((kind) => compliance(kind).impactAssessment());
      expect(whole.scope.whole).toBe(true);
      expectIdentical(wholeNeo4j, whole);

      const { manifest } = await compliance('sqlite').inventory();
      const scopes: AssessmentScope[] = [
        ...manifest.parties.map((p) => ({ recipientKeys: [p.key] })),
        ...manifest.fields.map((f) => ({ fieldKeys: [f.key] })),
        ...manifest.purposes.map((p) => ({ purposeKeys: [p.key] })),
        ...manifest.flows.map((f) => ({ flowKeys: [f.key] })),
      ];
      expect(scopes.length).toBeGreaterThan(150);
      // One service per store for all scopes: each reads its inventory once. A refusal is an answer too.
      const [sqlite, neo4j] = KINDS.map(compliance);
      const answer = (service: ComplianceService, scope: AssessmentScope) =>
        service.impactAssessment(scope).then((assessment) => ({ assessment }), (err: Error) => ({ error: err.message }));
      for (const scope of scopes) {
        const [a, b] = await Promise.all([answer(sqlite, scope), answer(neo4j, scope)]);
        expectIdentical({ scope, ...b }, { scope, ...a });
      }
    });

    it('gives the same records of processing and regulator lists', async () => {
      const [ropa, ropaNeo4j] = await both((kind) => compliance(kind).recordsOfProcessing());
      expect(ropa.records.length).toBeGreaterThan(0);
      expectIdentical(ropaNeo4j, ropa);
      const [collected, collectedNeo4j] = await both((kind) => compliance(kind).collectedInformation());
      expect(collected.length).toBeGreaterThan(0);
      expectIdentical(collectedNeo4j, collected);
      const [shared, sharedNeo4j] = await both((kind) => compliance(kind).thirdPartySharing());
      expectIdentical(sharedNeo4j, shared);
    });

    it('renders every report (every kind, every text format) byte for byte the same', async () => {
      const subject: Partial<Record<string, string>> = { breach: 'umeng', withdrawal: 'android.permission.READ_CONTACTS', deletion: 'imei' };
      let rendered = 0;
      for (const kind of REPORT_KINDS) {
        // A diff needs snapshots, which carry their own creation times; XLSX zips carry theirs.
        if (kind === 'diff') continue;
        for (const format of FORMATS_OF[kind]) {
          if (format === 'xlsx') continue;
          const request: ReportRequest = { kind, format, subject: subject[kind] ?? null };
          const [sqlite, neo4j] = await both((store) => compliance(store).report(request));
          expect({ request, body: neo4j.body }).toStrictEqual({ request, body: sqlite.body });
          expect(neo4j.fileName).toBe(sqlite.fileName);
          rendered++;
        }
      }
      expect(rendered).toBeGreaterThan(10);
    });
  });
} else {
  test.skip('cross-store identity (no Neo4j configured: run npm run neo4j:start)', () => undefined);
}
