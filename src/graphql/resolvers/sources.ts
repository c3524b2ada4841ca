/** The `sources` field every cited node has: its citations resolved to quoted clauses. */
import type { RequestContext } from '../context';
import type { ClauseType } from '../types/nodes';

export async function sourcesOf(ctx: RequestContext, node: { sources?: string[] }): Promise<ClauseType[]> {
  const clauses = await ctx.reader.clauses(node.sources ?? []);
  return clauses.map((c) => ({ ...c, citation: `${c.documentKey}#${c.ref}` }));
}
