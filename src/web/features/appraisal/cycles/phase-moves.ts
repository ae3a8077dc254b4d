import { CYCLE_PHASES, type CyclePhase } from '../../../../core/appraisal/cycle';

const OPEN: readonly CyclePhase[] = CYCLE_PHASES.filter((p) => p !== 'locked' && p !== 'published');

/** What the phase buttons may offer: admins move between the open phases; lock, publish and reopen need appraisal.lock. */
export interface PhaseMoves {
  back: CyclePhase | null;
  forward: CyclePhase | null;
  lock: boolean;
  publish: boolean;
  reopen: boolean;
}

export function phaseMoves(phase: CyclePhase, may: { setup: boolean; lock: boolean }): PhaseMoves {
  const i = OPEN.indexOf(phase);
  const open = i >= 0;
  return {
    back: may.setup && i > 0 ? OPEN[i - 1]! : null,
    forward: may.setup && open && i < OPEN.length - 1 ? OPEN[i + 1]! : null,
    lock: may.lock && open,
    publish: may.lock && phase === 'locked',
    reopen: may.lock && !open,
  };
}
