/** The `sources` field every cited node has: its citations resolved to quoted clauses. */
import type { NodeType } from '../../domain/vocabulary';
import type { RequestContext } from '../context';
import type { ClauseType } from '../types/nodes';

/** Clauses for these citations, in order. */
export async function clausesOf(ctx: RequestContext, citations: readonly string[]): Promise<ClauseType[]> {
  const clauses = await ctx.reader.clauses(citations);
  return clauses.map((c) => ({ ...c, citation: `${c.documentKey}#${c.ref}` }));
}

/** A node's clauses; a record read without its sources (see AskedParts) has them read now. */
export async function sourcesOf(ctx: RequestContext, type: NodeType, node: { key: string; sources?: string[] }): Promise<ClauseType[]> {
  return clausesOf(ctx, await ctx.reader.citations(type, node));
}
