/**
 * Sensitivity inheritance (PIPL Art. 28): a category inherits its parent's sensitivity
 * unless it says otherwise, and a field inherits its category's unless it overrides it.
 */
import type { SensitiveClass } from './vocabulary';

export interface Sensitivity {
  sensitive: boolean;
  sensitiveClass: SensitiveClass | null;
}

export const NOT_SENSITIVE: Sensitivity = { sensitive: false, sensitiveClass: null };

/** Applies one node's own statement on top of what it inherits. */
export function resolveSensitivity(
  own: { sensitive?: boolean | null; sensitiveClass?: SensitiveClass | null },
  inherited: Sensitivity,
): Sensitivity {
  if (own.sensitive === false) return NOT_SENSITIVE;
  if (own.sensitiveClass) return { sensitive: true, sensitiveClass: own.sensitiveClass };
  return inherited;
}
