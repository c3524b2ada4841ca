/**
 * The audit log over HTTP, attacked the ways issue 12 names: a snapshot taken over the API is in
 * it; a day's entries are not lost to a text comparison; a bound that is no instant is refused,
 * naming it; and no one but an admin reads an API key's id (half of its token) out of it.
 */
import { startTestApp, type SendAs, type TestApp } from '../support/app';
import { syntheticInventory } from '../support/synthetic';

let app: TestApp;
/** The ids of the app's keys, as in their tokens (`ft_<id>_<secret>`). */
let keyIds: Record<'viewer' | 'editor' | 'admin', string>;
beforeAll(async () => {
  app = await startTestApp({ seed: syntheticInventory(5) });
  keyIds = {
    viewer: app.tokens.viewer.split('_')[1],
    editor: app.tokens.editor.split('_')[1],
    admin: app.tokens.admin.split('_')[1],
  };
});
afterAll(() => app.stop());

interface Entry {
  id: string;
  at: string;
  actor: string;
  operation: string;
  entityType: string;
  entityKey: string;
  after: unknown;
  previousHash: string | null;
  hash: string | null;
}
interface Answer {
  data?: { auditLog: { totalCount: number; nodes: Entry[] } } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

const AUDIT_LOG = `query AuditLog($filter: AuditFilterInput, $first: Int) {
  auditLog(filter: $filter, first: $first) {
    totalCount
    nodes { id at actor operation entityType entityKey after }
  }
}`;
/** The same, with each entry's link in the hash chain. */
const AUDIT_CHAIN = AUDIT_LOG.replace('entityKey after }', 'entityKey after previousHash hash }');

/** A real GraphQL document over real HTTP, with variables, as `as` (an API key of that role, or nobody). */
async function post(query: string, variables: Record<string, unknown>, as: SendAs): Promise<Answer> {
  const res = await fetch(app.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as === 'anonymous' ? {} : { authorization: `Bearer ${app.tokens[as]}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}

async function auditLog(filter: Record<string, unknown>, as: SendAs = 'admin', query = AUDIT_LOG): Promise<Entry[]> {
  const answer = await post(query, { filter, first: 1000 }, as);
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data!.auditLog.nodes;
}

it('records a snapshot taken over the API, by the editor who took it', async () => {
  const taken = await post('mutation Take($label: String!) { takeSnapshot(label: $label) { label createdAt } }', { label: 'audited-snapshot' }, 'editor');
  expect(taken.errors).toBeUndefined();
  const [entry] = await auditLog({ operation: 'SNAPSHOT' });
  expect(entry).toMatchObject({ operation: 'SNAPSHOT', entityType: 'snapshot', entityKey: 'audited-snapshot', actor: `key:${keyIds.editor}` });
  const [linked] = await auditLog({ operation: 'SNAPSHOT' }, 'admin', AUDIT_CHAIN);
  expect(linked.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(linked.previousHash).toMatch(/^[0-9a-f]{64}$/);
});

it("finds the day's entries with an until on that day's last instant, in any offset, and refuses a bare date rather than miss them", async () => {
  await post('mutation Up($input: PartyInput!) { upsertParty(input: $input) { key } }', { input: { key: 'dated-vendor', name: 'Dated', kind: 'THIRD_PARTY' } }, 'editor');
  const [entry] = await auditLog({ entityKey: 'dated-vendor' });
  const day = entry.at.slice(0, 10);
  expect((await auditLog({ entityKey: 'dated-vendor', until: `${day}T23:59:59.999Z` })).map((e) => e.id)).toEqual([entry.id]);
  // The same end of day written fourteen hours ahead: as text it sorts after the day, as an instant it is the same.
  const ahead = new Date(Date.parse(`${day}T23:59:59.999Z`) + 14 * 3_600_000).toISOString().slice(0, -1);
  expect((await auditLog({ entityKey: 'dated-vendor', until: `${ahead}+14:00` })).map((e) => e.id)).toEqual([entry.id]);
  // The entry's own instant written ten hours behind UTC sorts before it as text; it still counts.
  const behind = new Date(Date.parse(entry.at) - 10 * 3_600_000).toISOString().slice(0, -1);
  expect((await auditLog({ entityKey: 'dated-vendor', until: `${behind}-10:00`, since: `${behind}-10:00` })).map((e) => e.id)).toEqual([entry.id]);
  // `until: "<today>"` used to compare as text and drop the whole day; now it is no instant, and is refused.
  const bare = await post(AUDIT_LOG, { filter: { entityKey: 'dated-vendor', until: day }, first: 10 }, 'admin');
  expect(bare.data ?? null).toBeNull();
  expect(bare.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(bare.errors?.[0].message).toContain('until');
});

it('refuses a since or until that is no date-time with BAD_USER_INPUT naming it', async () => {
  for (const [bound, value] of [['since', 'yesterday'], ['until', '2026-13-01T00:00:00Z'], ['since', '2026-12-06T10:00:00'], ['until', 20261206]] as const) {
    const answer = await post(AUDIT_LOG, { filter: { [bound]: value }, first: 10 }, 'viewer');
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].message).toContain(bound);
    expect(answer.errors?.[0].message).toContain('DateTime');
  }
});

it('shows viewers, and anonymous loopback clients, key names, never key ids; admins see ids', async () => {
  // Entries by a key (the editor's snapshot and upsert) and about keys (the app's three keys created).
  await post('mutation Up($input: PartyInput!) { upsertParty(input: $input) { key } }', { input: { key: 'named-vendor', name: 'Named', kind: 'THIRD_PARTY' } }, 'editor');
  const asAdmin = await auditLog({}, 'admin');
  for (const as of ['anonymous', 'viewer', 'editor'] as const) {
    const entries = await auditLog({}, as);
    const text = JSON.stringify(entries);
    for (const id of Object.values(keyIds)) expect(text).not.toContain(id);
    expect(entries).toHaveLength(asAdmin.length);
    expect(entries.find((e) => e.entityKey === 'named-vendor')!.actor).toBe('key:"test editor"');
    expect(entries.filter((e) => e.operation === 'API_KEY_CREATE').map((e) => e.entityKey).sort()).toEqual(['"test admin"', '"test editor"', '"test viewer"']);
    // The chain's hashes are the stored ones, so a reader can still compare them with a verified copy.
    const hashes = (await auditLog({}, as, AUDIT_CHAIN)).map((e) => e.hash);
    expect(hashes).toEqual((await auditLog({}, 'admin', AUDIT_CHAIN)).map((e) => e.hash));
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h ?? ''))).toBe(true);
  }
  // Admins, who manage keys, see which key did what.
  expect(asAdmin.find((e) => e.entityKey === 'named-vendor')!.actor).toBe(`key:${keyIds.editor}`);
  expect(asAdmin.filter((e) => e.operation === 'API_KEY_CREATE').map((e) => e.entityKey).sort()).toEqual(Object.values(keyIds).sort());
});
