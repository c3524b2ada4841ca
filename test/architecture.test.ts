/**
 * The layering, enforced: no import runs from a lower layer to a higher one (issue 17).
 *
 *   domain (no I/O)  ←  store port  ←  adapters (sqlite/, neo4j/)
 *                            ↑
 *                        services  ←  graphql  ←  server entry
 *                            ↑                        ↑
 *   composition root (the only code that names an adapter)  ←  CLI
 *
 * Every src/**.ts file belongs to exactly one layer below; a new file outside them fails here
 * until it is given one. Imports are read with a regex over import/export/require lines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = join(__dirname, '..');

type Layer = 'domain' | 'util' | 'port' | 'sqlite' | 'neo4j' | 'services' | 'graphql' | 'server' | 'config' | 'composition' | 'cli';

/** Which layer a file (path relative to the repository, with /) belongs to; null: none, an error. */
function layerOf(file: string): Layer | null {
  if (file.startsWith('src/domain/')) return 'domain';
  if (file.startsWith('src/util/')) return 'util';
  if (file === 'src/store/inventory-store.ts' || file === 'src/store/errors.ts') return 'port';
  if (file.startsWith('src/store/sqlite/')) return 'sqlite';
  if (file.startsWith('src/store/neo4j/')) return 'neo4j';
  if (file.startsWith('src/services/')) return 'services';
  if (file.startsWith('src/graphql/')) return 'graphql';
  // src/http/: the HTTP layer's helpers (headers, Host check, body decoding) that server.ts uses.
  if (file === 'src/server.ts' || file === 'src/dashboard.ts' || file.startsWith('src/http/')) return 'server';
  if (file === 'src/config.ts') return 'config';
  // The composition root: opening stores by kind or URL, copy and restore between them.
  if (file === 'src/composition.ts') return 'composition';
  if (file === 'src/cli.ts' || file.startsWith('src/cli/')) return 'cli';
  return null;
}

/** The layers each layer may import from (its own always included). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  domain: [],
  util: [],
  port: ['domain'],
  sqlite: ['domain', 'port', 'util'],
  neo4j: ['domain', 'port', 'util'],
  services: ['domain', 'port', 'util'],
  // The port only as types, and only where listed in GRAPHQL_PORT_TYPES.
  graphql: ['domain', 'services', 'util'],
  server: ['domain', 'port', 'services', 'graphql', 'util'],
  config: ['domain', 'util'],
  composition: ['domain', 'port', 'sqlite', 'neo4j', 'services', 'config', 'util'],
  cli: ['domain', 'port', 'services', 'server', 'config', 'composition', 'util'],
};

/** Packages a layer may import; null: any. The domain stays pure: schemas, nothing that does I/O. */
const PACKAGES: Partial<Record<Layer, readonly string[]>> = {
  domain: ['zod'],
  port: [],
  util: ['node:fs', 'node:path'],
};

/**
 * Type-only imports of the port that resolvers still need, named one by one so no new one slips
 * in. createContext builds the request's reader from the store; it goes when context takes a reader.
 */
const GRAPHQL_PORT_TYPES: Record<string, readonly string[]> = {
  'src/graphql/context.ts': ['InventoryStore'],
};

interface Import {
  from: string;
  line: number;
  specifier: string;
  /** Resolved repository path for a relative import; null for a package. */
  target: string | null;
  typeOnly: boolean;
  names: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const repoPath = (path: string) => relative(ROOT, path).split(sep).join('/');

function resolveImport(file: string, specifier: string): string {
  const base = resolve(ROOT, dirname(file), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return repoPath(candidate);
  }
  throw new Error(`${file} imports "${specifier}", which resolves to no file`);
}

/** import … from '…', export … from '…', import '…', require('…'), import('…'): at line starts, so doc comments don't count. */
const STATIC = /^[ \t]*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const BARE = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const make = (index: number, specifier: string, typeOnly: boolean, names: string[]): Import => ({
    from: file,
    line: lineAt(index),
    specifier,
    target: specifier.startsWith('.') ? resolveImport(file, specifier) : null,
    typeOnly,
    names,
  });
  const found: Import[] = [];
  for (const m of text.matchAll(STATIC)) {
    const clause = m[3];
    const inner = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const specs = inner.split(',').map((s) => s.trim()).filter(Boolean);
    const outside = clause.replace(/\{[^}]*\}/, '').replace(/[\s,]/g, '');
    // Type-only: `import type …`, or every named specifier marked `type` and nothing else imported.
    const typeOnly = !!m[2] || (specs.length > 0 && outside === '' && specs.every((s) => s.startsWith('type ')));
    const names = specs.map((s) => s.replace(/^type\s+/, '').split(/\s+as\s+/)[0]);
    found.push(make(m.index!, m[4], typeOnly, names));
  }
  for (const m of text.matchAll(BARE)) found.push(make(m.index!, m[1], false, []));
  for (const m of text.matchAll(DYNAMIC)) found.push(make(m.index!, m[1], false, []));
  return found;
}

const FILES = sourceFiles(join(ROOT, 'src')).map(repoPath).sort();
const IMPORTS = FILES.flatMap(importsOf);

/** What is wrong with one import, or null when the layering allows it. */
function violation(imp: Import): string | null {
  const from = layerOf(imp.from);
  const where = `${imp.from}:${imp.line} imports "${imp.specifier}"`;
  if (from === null) return `${where}: ${imp.from} belongs to no layer`;
  if (imp.target === null) {
    const allowed = PACKAGES[from];
    const pkg = imp.specifier.startsWith('@') ? imp.specifier.split('/').slice(0, 2).join('/') : imp.specifier.split('/')[0];
    return allowed && !allowed.includes(pkg) ? `${where}: package not allowed in ${from}` : null;
  }
  const to = layerOf(imp.target);
  if (to === null) return `${where}: ${imp.target} belongs to no layer`;
  if (to === from || MAY_IMPORT[from].includes(to)) return null;
  if (from === 'graphql' && to === 'port' && imp.typeOnly) {
    const listed = GRAPHQL_PORT_TYPES[imp.from] ?? [];
    const extra = imp.names.filter((n) => !listed.includes(n));
    if (extra.length === 0) return null;
    return `${where}: graphql uses port types ${extra.join(', ')} (use domain types instead)`;
  }
  return `${where}: ${from} may not import ${to} (${imp.target})`;
}

it('reads the imports it checks (the regex has not gone blind)', () => {
  expect(FILES.length).toBeGreaterThan(50);
  const seen = (from: string, target: string) => IMPORTS.some((i) => i.from === from && i.target === target);
  expect(seen('src/server.ts', 'src/graphql/schema.ts')).toBe(true);
  // A multi-line, type-only import.
  expect(IMPORTS.some((i) => i.from === 'src/store/inventory-store.ts' && i.target === 'src/domain/manifest.ts' && i.typeOnly)).toBe(true);
  expect(IMPORTS.find((i) => i.from === 'src/domain/manifest.ts' && i.specifier === 'zod')).toBeDefined();
});

it('places every source file in a layer', () => {
  expect(FILES.filter((f) => layerOf(f) === null)).toEqual([]);
});

it('has no import from a lower layer to a higher one', () => {
  expect(IMPORTS.map(violation).filter((v): v is string => v !== null)).toEqual([]);
});

it('names concrete adapters only in the composition root', () => {
  const adapterUsers = [...new Set(IMPORTS.filter((i) => i.target && ['sqlite', 'neo4j'].includes(layerOf(i.target)!) && !['sqlite', 'neo4j'].includes(layerOf(i.from)!)).map((i) => i.from))];
  expect(adapterUsers).toEqual(['src/composition.ts']);
});

it('keeps the command line (arguments, terminal output, exit codes) in the CLI', () => {
  // Usage text, flags and exit codes are the CLI's: a service that writes to the terminal is CLI code in the wrong place.
  const terminal = /\bprocess\.(argv|stdin|stdout|stderr|exit|exitCode)\b/;
  const outside = FILES.filter((f) => layerOf(f) !== 'cli' && terminal.test(readFileSync(join(ROOT, f), 'utf8')));
  expect(outside).toEqual([]);
});
