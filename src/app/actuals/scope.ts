import { DomainError, issue } from '../../core/errors';
import type { TargetScope } from '../ports';

export interface ScopeInput {
  type: TargetScope['type'];
  id?: number | null | undefined;
}

/** A scope as stored; unit and person scopes need an id, the company scope has none. Undefined means company. */
export function toScope(input: ScopeInput | undefined, path = 'scope'): TargetScope {
  if (!input || input.type === 'company') return { type: 'company', id: null };
  if (input.id == null) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Phạm vi không hợp lệ.', en: 'Invalid scope.' }, {
      issues: [issue(`${path}.id`, 'required', 'Phạm vi phòng ban hoặc nhân sự cần có id.', 'A unit or person scope needs an id.')],
    });
  }
  return { type: input.type, id: input.id };
}

/** `company`, `unit:12` or `person:34` (query strings). */
export function parseScopeParam(text: string | undefined): TargetScope {
  if (text === undefined || text === '' || text === 'company') return { type: 'company', id: null };
  const m = /^(unit|person):(\d{1,9})$/.exec(text);
  if (!m) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Phạm vi không hợp lệ.', en: 'Invalid scope.' }, {
      issues: [issue('scope', 'invalid', 'Phạm vi phải là company, unit:<id> hoặc person:<id>.', 'The scope must be company, unit:<id> or person:<id>.')],
    });
  }
  return { type: m[1] as 'unit' | 'person', id: Number(m[2]) };
}

export const sameScope = (a: TargetScope, b: TargetScope) => a.type === b.type && a.id === b.id;
