/**
 * The inventory's records as the store hands them back: nodes with what is derived on write
 * (effective sensitivity), clauses apart from their documents, and pages of ordered lists.
 * Domain types, so resolvers and services can name them without depending on the store port.
 */
import type { DataCategory, PersonalField, PolicyDocument } from './manifest';
import type { Sensitivity } from './sensitivity';

/** A document as stored: clauses are read separately (they can be large). */
export type StoredDocument = Omit<PolicyDocument, 'clauses'>;
export type StoredCategory = DataCategory & { effective: Sensitivity };
export type StoredField = PersonalField & { effective: Sensitivity };

export interface StoredClause {
  documentKey: string;
  ref: string;
  title: string | null;
  text: string;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  hasNextPage: boolean;
}
