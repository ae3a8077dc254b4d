import type { SmartLetter } from './types';

interface DraftTargets {
  targets?: readonly { value?: number | null | undefined }[] | null | undefined;
}

/**
 * Letters the check cannot judge yet from what has been written so far, so a panel must not call
 * them "OK": Realistic compares a target number with the baseline, and with no target number
 * there is nothing to compare (an empty form has no R finding, yet nothing is realistic about it).
 */
export function lettersNotJudged(draft: DraftTargets): SmartLetter[] {
  const hasTargetNumber = (draft.targets ?? []).some((t) => typeof t.value === 'number' && Number.isFinite(t.value));
  return hasTargetNumber ? [] : ['R'];
}
