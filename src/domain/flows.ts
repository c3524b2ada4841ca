/** Rules about flows that need no I/O. */
import { INTERNAL_PARTY_KINDS, type PartyKind } from './vocabulary';

/** A flow crosses a border when both ends state a country and the countries differ (PIPL Art. 38). */
export function isCrossBorder(fromCountry: string | null | undefined, toCountry: string | null | undefined): boolean {
  return !!fromCountry && !!toCountry && fromCountry !== toCountry;
}

/** A recipient is anyone outside the data subject and the handler's own systems. */
export function isRecipientKind(kind: PartyKind): boolean {
  return !INTERNAL_PARTY_KINDS.includes(kind);
}
