/** Page requests every list read accepts, checked before the store is asked. */
import { ValidationError } from '../domain/problems';

export const MAX_PAGE_SIZE = 1000;

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new ValidationError([{ path: 'first', message: `must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${first}` }], 'invalid page request');
  }
}

/** A cursor that did not come from this API: an error naming `after`, never an empty page. */
export function invalidCursor(cursor: string): ValidationError {
  return new ValidationError([{ path: 'after', message: `"${cursor.slice(0, 100)}" is not a cursor this API issued` }], 'invalid page request');
}
