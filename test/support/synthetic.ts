/**
 * Small synthetic inventories for tests that need many items: `fieldCount` fields spread over a
 * two-level category tree, flows naming fields and whole categories, a chain of parties.
 */
import type { ManifestInput } from '../../src/domain/manifest';

export function syntheticInventory(fieldCount: number): ManifestInput {
  const categories = [
    { key: 'root', name: 'Root' },
    { key: 'ids', name: 'Identifiers', parent: 'root', sensitive: true, sensitiveClass: 'NETWORK_IDENTITY' as const },
    { key: 'plain', name: 'Plain', parent: 'root' },
  ];
  const fields = Array.from({ length: fieldCount }, (_, i) => ({
    key: `f${String(i).padStart(5, '0')}`,
    name: `Field ${i}`,
    category: i % 3 === 0 ? 'ids' : 'plain',
  }));
  const purposes = ['a', 'b', 'c'].map((k) => ({ key: `p-${k}`, name: `Purpose ${k}`, functionType: 'BASIC' as const }));
  const parties = [
    { key: 'user', name: 'User', kind: 'DATA_SUBJECT' as const, country: 'CN' },
    { key: 'app', name: 'App', kind: 'FIRST_PARTY' as const, country: 'CN' },
    ...Array.from({ length: 5 }, (_, i) => ({ key: `vendor-${i}`, name: `Vendor ${i}`, kind: 'THIRD_PARTY' as const, country: i === 4 ? 'US' : 'CN' })),
  ];
  const flows = [
    { key: 'collect', from: 'user', to: 'app', kind: 'COLLECTION' as const, categories: ['root'], purposes: ['p-a'], consent: 'CONSENT' as const, optional: false },
    ...Array.from({ length: 5 }, (_, v) => ({
      key: `share-${v}`,
      from: 'app',
      to: `vendor-${v}`,
      kind: 'PROVISION' as const,
      fields: fields.filter((_, i) => i % 5 === v).map((f) => f.key),
      purposes: [purposes[v % 3].key],
      consent: 'CONSENT' as const,
      optional: true,
    })),
  ];
  return { categories, fields, purposes, parties, flows };
}
