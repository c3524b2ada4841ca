/**
 * The inventory's shape as the query cost model sees it: how many nodes of each type, and how
 * long the lists under them are. Counts only; the stores compute them (listSizeStatistics()).
 */
import type { NodeType } from './vocabulary';

/**
 * Lists the API can return under a node, by `type.list`: the store's relations (field.flows…),
 * the lists a flow names itself, and every node's citations.
 */
export type ListName =
  | 'field.flows'
  | 'flow.carriedFields'
  | 'category.children'
  | 'category.fields'
  | 'party.inbound'
  | 'party.outbound'
  | 'purpose.flows'
  | 'permission.flows'
  | 'legalBasis.flows'
  | 'document.clauses'
  | 'flow.fields'
  | 'flow.categories'
  | 'flow.purposes'
  | 'flow.legalBases'
  | 'flow.permissions'
  | 'node.sources';

/** How long the lists of one name are, over every node that has one (empty lists count as none). */
export interface ListSizes {
  /** Items over all lists (for `party.inbound`: flows with a recipient, i.e. every flow). */
  items: number;
  /**
   * Sum of each list's length squared. A list reached by following an item of the same links
   * the other way is on average sumOfSquares / items long (long lists are reached more often).
   */
  sumOfSquares: number;
  /** The longest list's length. */
  longest: number;
}

export interface ListSizeStatistics {
  nodes: Record<NodeType, number>;
  lists: Record<ListName, ListSizes>;
}
