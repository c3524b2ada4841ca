/** `graph FIELD_KEY`: a field's lineage as a Mermaid or Graphviz DOT diagram. */
import { writeFileSync } from 'node:fs';
import type { Config } from '../config';
import { NotFoundError } from '../domain/problems';
import { InventoryReader } from '../services/inventory-reader';
import { renderFieldLineage } from '../services/lineage-graph-export';
import { UsageError, withStore } from './common';

export const GRAPH_USAGE = `  graph FIELD_KEY [--format mermaid|dot] [--direction downstream|upstream] [--depth N]
        [--from PARTY] [--lang zh|en] [--collapse N] [--out FILE]
                             a field's lineage as a Mermaid or Graphviz DOT diagram (stdout by default)
`;

export interface GraphCliValues {
  format?: string;
  direction?: string;
  depth?: string;
  from?: string;
  lang?: string;
  collapse?: string;
  out?: string;
}

export async function graph(config: Config, args: string[], values: GraphCliValues): Promise<number> {
  if (args.length !== 1) throw new UsageError('graph takes exactly one FIELD_KEY');
  const format = (values.format ?? 'mermaid').toUpperCase();
  if (format !== 'MERMAID' && format !== 'DOT') throw new UsageError(`--format must be mermaid or dot, got "${values.format}"`);
  const direction = (values.direction ?? 'downstream').toUpperCase();
  if (direction !== 'DOWNSTREAM' && direction !== 'UPSTREAM') throw new UsageError(`--direction must be downstream or upstream, got "${values.direction}"`);
  const language = (values.lang ?? 'zh').toUpperCase();
  if (language !== 'ZH' && language !== 'EN') throw new UsageError(`--lang must be zh or en, got "${values.lang}"`);
  const maxDepth = wholeNumber('depth', values.depth, 5);
  const collapseAbove = wholeNumber('collapse', values.collapse, 0);
  await withStore(config, async (store) => {
    const reader = new InventoryReader(store);
    const field = await reader.node('field', args[0]);
    if (!field) throw new NotFoundError('personal field', args[0]);
    const text = await renderFieldLineage(reader, field, { format, language, direction, maxDepth, fromPartyKey: values.from ?? null, collapseAbove });
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text);
  });
  return 0;
}

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  return Number(text);
}
