import type { ScopeKey, ScopeRef } from './types';

/** { type: 'unit', id: 3 } → `unit:3`; the company → `company`. */
export function scopeKeyOf(scope: ScopeRef): ScopeKey {
  return scope.type === 'company' ? 'company' : `${scope.type}:${scope.id}`;
}

/** `unit:3` → { type: 'unit', id: 3 }; anything unreadable is the company. */
export function scopeFromKey(key: ScopeKey): ScopeRef {
  const m = /^(unit|person):(\d+)$/.exec(key);
  return m ? { type: m[1] as 'unit' | 'person', id: Number(m[2]) } : { type: 'company', id: null };
}
