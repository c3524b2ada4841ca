/**
 * The query plan of every statement the Neo4j adapter can send, on the project's live Neo4j 5.26
 * over the M inventory (10,000 fields, 1,000 parties, 50,000 flows): no AllNodesScan, no
 * CartesianProduct, an index seek wherever a node pattern names the properties of an index, and a
 * scan only where no index can serve the statement (each such case says why, in
 * ../support/neo4j-plans.ts, with the parameters and the rules). Reads run with PROFILE in a read
 * transaction (they change nothing) and their db hits and rows are recorded; writes are planned
 * with EXPLAIN and not run.
 *
 * Slow (loading M takes minutes on a small machine), so it is a file of its own:
 *   npx jest test/store/neo4j-plans.test.ts
 * With FIELDTRAIL_WRITE_PLANS=1 it also writes bench/results/neo4j-plans.json and the "Neo4j query
 * plans at M" section of BENCHMARKS.md (only when every statement passed).
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { DEFAULT_SEED, generateInventory } from '../../bench/generate';
import type { Manifest } from '../../src/domain/manifest';
import { ValidationError } from '../../src/domain/problems';
import { parseManifest } from '../../src/domain/validate';
import { newApiKey } from '../../src/services/access/api-keys';
import type { InventoryStore } from '../../src/store/inventory-store';
import { allStatements, readShapes } from '../../src/store/neo4j/cypher-reads';
import { boltParams } from '../../src/store/neo4j/transactions';
import { closeNeo4jAdmin, neo4jTestSettings, openTestNeo4jStore } from '../support/neo4j';
import {
  accessOf,
  expectationFor,
  filterValues,
  operatorNames,
  operatorsOf,
  paramsFor,
  PLAN_ACTOR,
  planProblems,
  planStatements,
  renderMarkdown,
  SCHEMA_STATEMENTS,
  shapeParams,
  stableJson,
  withPlansSection,
  writeOnTop,
  type FilterValues,
  type IndexInfo,
  type Operator,
  type PlanContext,
  type PlanLike,
  type PlanResult,
  type PlanRun,
} from '../support/neo4j-plans';
import { testStoreKinds } from '../support/stores';

const ROOT = path.resolve(__dirname, '..', '..');
const STATEMENTS = planStatements();
const WRITE_RESULTS = process.env.FIELDTRAIL_WRITE_PLANS === '1';
/** A read that takes longer than this at M is a finding in itself. */
const READ_TIMEOUT_MS = 120_000;

if (!testStoreKinds().includes('neo4j')) {
  test.skip('Neo4j query plans at M (no Neo4j configured: run npm run neo4j:start)', () => undefined);
} else {
  describe('Neo4j query plans at M', () => {
    const settings = neo4jTestSettings()!;
    let store: InventoryStore | undefined;
    let driver: Driver | undefined;
    let manifest: Manifest;
    let ctx: PlanContext;
    let values: FilterValues;
    let indexes: IndexInfo[];
    /** Half the NodeVersion nodes: a nested version lookup costing more per row reads them instead of seeking one. */
    let nestedMaxPerRow: number;
    let run: PlanRun;
    /** Only statements that kept every rule; the files are written when all have. */
    const results: Record<string, PlanResult> = {};

    const query = async (cypher: string, params: Record<string, unknown> = {}) =>
      (await driver!.executeQuery(cypher, boltParams(params) as Record<string, unknown>, { database: settings.database })).records.map((r) => r.toObject());

    beforeAll(async () => {
      const started = performance.now();
      store = await openTestNeo4jStore();
      manifest = parseManifest(generateInventory('M', DEFAULT_SEED).manifest);
      const loading = performance.now();
      await store.write(manifest, 'REPLACE');
      const loadSeconds = Math.round((performance.now() - loading) / 100) / 10;
      const { since, renamedField } = await writeOnTop(store, manifest);
      const apiKey = await newApiKey('plan check', 'viewer');
      await store.saveApiKey(apiKey.record);

      driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), { disableLosslessIntegers: true });
      const [control] = await query('MATCH (ctl:InventoryControl {id: 1}) RETURN ctl.activeVersion AS v, ctl.lastSeq AS seq');
      indexes = (
        await query(
          "SHOW INDEXES YIELD labelsOrTypes, properties, owningConstraint, entityType, type WHERE entityType = 'NODE' AND type = 'RANGE' " +
            'RETURN labelsOrTypes[0] AS label, properties, owningConstraint IS NOT NULL AS unique',
        )
      ).map((r) => r as unknown as IndexInfo);
      const [{ auditEntries }] = await query('MATCH (a:AuditEntry) RETURN count(a) AS auditEntries');
      const [{ nodeVersions }] = await query('MATCH (n:NodeVersion) RETURN count(n) AS nodeVersions');
      expect(nodeVersions).toBeGreaterThanOrEqual(1000);
      nestedMaxPerRow = Math.floor((nodeVersions as number) / 2);
      const [{ version }] = await query("CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] + ' ' + edition AS version");
      ctx = {
        manifest,
        v: control.v as number,
        apiKeyId: apiKey.record.id,
        audit: {
          entityType: 'field',
          entityKey: renamedField,
          actor: PLAN_ACTOR,
          operation: 'UPDATE',
          since,
          until: new Date(Date.now() + 86_400_000).toISOString(),
          afterSeq: Math.floor((control.seq as number) / 2),
        },
      };
      values = filterValues(ctx);
      run = {
        date: new Date().toISOString().slice(0, 10),
        neo4j: String(version).replace(/^(\S+) (\w)/, (_, v: string, e: string) => `${v} ${e.toUpperCase()}`),
        scale: 'M',
        seed: DEFAULT_SEED,
        counts: {
          field: manifest.fields.length,
          category: manifest.categories.length,
          party: manifest.parties.length,
          flow: manifest.flows.length,
          auditEntries: auditEntries as number,
          nodeVersions: nodeVersions as number,
        },
        loadSeconds,
        filters: values,
        skipped: [...SCHEMA_STATEMENTS].sort(),
      };
      // eslint-disable-next-line no-console
      console.log(`M loaded with REPLACE in ${loadSeconds} s; set up (open, load, MERGE writes) in ${Math.round((performance.now() - started) / 1000)} s`);
    }, 30 * 60_000);

    afterAll(async () => {
      try {
        const missing = STATEMENTS.filter((s) => !(s.name in results)).map((s) => s.name);
        if (WRITE_RESULTS && run && missing.length === 0) {
          fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'neo4j-plans.json'), stableJson({ run, statements: results }));
          const file = path.join(ROOT, 'BENCHMARKS.md');
          fs.writeFileSync(file, withPlansSection(fs.readFileSync(file, 'utf8'), renderMarkdown(run, results)));
        } else if (WRITE_RESULTS) {
          // eslint-disable-next-line no-console
          console.warn(`FIELDTRAIL_WRITE_PLANS: nothing written, ${missing.length} statements did not pass (${missing.slice(0, 5).join(', ')}…)`);
        }
      } finally {
        await driver?.close();
        await store?.close();
        await closeNeo4jAdmin();
      }
    }, 10 * 60_000);

    /** The plan of a statement: PROFILEd (and run) when the server says it only reads, else EXPLAINed. */
    async function planOf(text: string, params: Record<string, unknown>): Promise<{ ops: Operator[]; result: PlanResult }> {
      const bolt = boltParams(params) as Record<string, unknown>;
      const session = driver!.session({ database: settings.database });
      try {
        const explained = await session.run(`EXPLAIN ${text}`, bolt);
        const queryType = explained.summary.queryType;
        if (queryType === 'r') {
          const profiled = await session.executeRead((tx) => tx.run(`PROFILE ${text}`, bolt), { timeout: READ_TIMEOUT_MS });
          const ops = operatorsOf(profiled.summary.profile as unknown as PlanLike);
          return { ops, result: { kind: 'read', dbHits: ops.reduce((n, o) => n + o.dbHits, 0), rows: profiled.records.length, access: accessOf(ops) } };
        }
        const ops = operatorsOf(explained.summary.plan as unknown as PlanLike);
        return { ops, result: { kind: 'write', queryType, operators: operatorNames(ops), access: accessOf(ops) } };
      } finally {
        await session.close();
      }
    }

    test('every statement the adapter can send is checked once; only the schema statements are skipped, by name', () => {
      const names = STATEMENTS.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      const schema = /^(CREATE|DROP) (CONSTRAINT|INDEX) /;
      for (const s of allStatements()) {
        if (SCHEMA_STATEMENTS.includes(s.name)) expect(s.text).toMatch(schema);
        else expect(names).toContain(s.name);
      }
      for (const s of STATEMENTS) expect(s.text).not.toMatch(schema);
      for (const s of readShapes('all')) expect(names).toContain(s.name);
      expect(SCHEMA_STATEMENTS.every((n) => allStatements().some((s) => s.name === n))).toBe(true);
    });

    test.each(STATEMENTS.map((s) => [s.name, s] as const))(
      '%s',
      async (name, statement) => {
        const params = statement.sample ? shapeParams(name, statement.sample, values) : paramsFor(name, ctx);
        const { ops, result } = await planOf(statement.text, params);
        const problems = planProblems(ops, expectationFor(name, statement.text, indexes, { nestedMaxPerRow }));
        expect(problems).toEqual([]);
        results[name] = result;
      },
      READ_TIMEOUT_MS + 60_000,
    );

    describe('the check itself can fail', () => {
      const problemsOf = async (text: string, params: Record<string, unknown>, name = 'bad') => {
        const { ops } = await planOf(text, params);
        return planProblems(ops, expectationFor(name, text, indexes, { nestedMaxPerRow }));
      };

      it('catches an AllNodesScan: a node pattern without a label', async () => {
        expect(await problemsOf('MATCH (n) WHERE n.key = $key RETURN n.key', { key: 'fld-00001' })).toEqual([expect.stringMatching(/^AllNodesScan/)]);
      });

      it('catches a CartesianProduct (and the label scans under it)', async () => {
        const problems = await problemsOf('MATCH (a:Party), (b:Purpose) RETURN a.key, b.key', {});
        expect(problems).toContainEqual(expect.stringMatching(/^CartesianProduct/));
        expect(problems).toContainEqual(expect.stringMatching(/^NodeByLabelScan .*: a scan where a seek was expected/));
      });

      it('catches a CartesianProduct of index seeks that can give many rows', async () => {
        const problems = await problemsOf('MATCH (a:Party {v: $v}), (b:Purpose {key: $key, v: $v}) RETURN a.key, b.key', { key: 'purpose-01', v: ctx.v });
        expect(problems).toEqual([expect.stringMatching(/^CartesianProduct/)]);
      });

      it('catches a scan where a key is given', async () => {
        const problems = await problemsOf('MATCH (n:PersonalField {key: $key, v: $v})\nUSING SCAN n:PersonalField\nRETURN n.key', { key: 'fld-00001', v: ctx.v });
        expect(problems).toEqual([expect.stringMatching(/^NodeByLabelScan/), expect.stringMatching(/^no index seek on PersonalField\(key, v\)/)]);
      });

      it('catches a seek on a weaker index than the key gives', async () => {
        const problems = await problemsOf('MATCH (n:PersonalField {key: $key, v: $v})\nUSING INDEX n:PersonalField(v)\nRETURN n.key', { key: 'fld-00001', v: ctx.v });
        expect(problems).toEqual([expect.stringMatching(/^no index seek on PersonalField\(key, v\); access: NodeIndexSeek PersonalField\(v\)/)]);
      });

      it('catches a nested plan it cannot see (a subquery inside an expression: its label scan is not in the plan)', async () => {
        const text = "MATCH (n:Party {key: $key, v: $v})\nRETURN coalesce(COLLECT { MATCH (m:DataFlow) WHERE m.fromKey = n.key RETURN m.key }[0], '') AS first";
        const problems = await problemsOf(text, { key: 'app-0001', v: ctx.v });
        expect(problems).toEqual([expect.stringMatching(/hides a nested plan \(COLLECT \{ … \}\)/)]);
      });

      it('catches a nested NodeVersion lookup that reads every NodeVersion node (by its db hits: the plan does not show it)', async () => {
        const text = 'MATCH (n:Party {v: $v})\nRETURN n.key AS key, coalesce(COLLECT { MATCH (nv:NodeVersion) WHERE nv.key = n.key RETURN nv.version }[0], 1) AS version';
        expect(await problemsOf(text, { v: ctx.v })).toEqual([expect.stringMatching(/holding the nested NodeVersion lookup costs \d+ db hits per row/)]);
      });

      it('lets a scan through only where it is allowed, with its reason', async () => {
        const text = 'MATCH (a:AuditEntry)\nWHERE a.actor = $actor\nRETURN count(a) AS total';
        expect(await problemsOf(text, { actor: PLAN_ACTOR }, 'listAudit[actor].count')).toEqual([]);
        expect(await problemsOf(text, { actor: PLAN_ACTOR }, 'listApiKeys')).toEqual([expect.stringMatching(/^NodeByLabelScan .*AuditEntry/)]);
      });
    });

    test('danglingCitations on the live server: a document rewritten without a clause its citers still cite is refused, naming each of them', async () => {
      const doc = manifest.documents[0];
      const citation = `${doc.key}#${doc.clauses[0].ref}`;
      const sections = ['categories', 'fields', 'purposes', 'permissions', 'parties', 'legalBases', 'flows'] as const;
      const citing = sections.flatMap((s) => (manifest[s] as Array<{ key: string; sources: string[] }>).filter((n) => n.sources.includes(citation)).map((n) => n.key));
      expect(citing.length).toBeGreaterThan(100);
      const started = performance.now();
      const error = await store!.write(parseManifest({ documents: [{ ...doc, clauses: doc.clauses.slice(1) }] }), 'MERGE', { actor: PLAN_ACTOR }).catch((e: unknown) => e);
      const seconds = (performance.now() - started) / 1000;
      expect(error).toBeInstanceOf(ValidationError);
      const problems = (error as ValidationError).problems;
      expect(problems).toHaveLength(citing.length);
      expect(problems.every((p) => p.message === `cites clause "${citation}", which the new version of its document no longer has`)).toBe(true);
      expect(new Set(problems.map((p) => p.path.replace(/^\w+:(.*)\.sources$/, '$1')))).toEqual(new Set(citing));
      // Refused as a whole: the clause is still there.
      expect(await store!.getClauses([citation])).toEqual([expect.objectContaining({ ref: doc.clauses[0].ref })]);
      // eslint-disable-next-line no-console
      console.log(`refused MERGE with ${citing.length} dangling citations: ${seconds.toFixed(1)} s`);
    }, 5 * 60_000);
  });
}
