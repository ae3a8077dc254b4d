import { DomainError } from '../errors';
import type { GradeBand, MissingMode } from './types';

/** The phases of a review cycle, in order. */
export const CYCLE_PHASES = ['targets', 'agree', 'track', 'self', 'review', 'calibrate', 'locked', 'published'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];
export type CycleFrequency = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export const PHASE_NAMES: Record<CyclePhase, { vi: string; en: string }> = {
  targets: { vi: 'Giao chỉ tiêu', en: 'Set targets' },
  agree: { vi: 'Thống nhất chỉ tiêu', en: 'Agree targets' },
  track: { vi: 'Theo dõi', en: 'Track' },
  self: { vi: 'Tự đánh giá', en: 'Self-assessment' },
  review: { vi: 'Quản lý đánh giá', en: 'Manager review' },
  calibrate: { vi: 'Hiệu chỉnh / phê duyệt', en: 'Calibration / approval' },
  locked: { vi: 'Đã khóa', en: 'Locked' },
  published: { vi: 'Đã công bố', en: 'Published' },
};

/** A cycle as the rules need it. Dates are company-calendar `yyyy-mm-dd`. */
export interface CycleRecord {
  id: number;
  code: string;
  name: string;
  frequency: CycleFrequency;
  period: string;
  startsOn: string;
  endsOn: string;
  phase: CyclePhase;
  deadlines: Partial<Record<CyclePhase, string>>;
  missing: MissingMode;
  bands: GradeBand[];
  distribution: Record<string, number> | null;
  secondApproval: boolean;
  lockedAt: string | null;
  publishedAt: string | null;
}

/** What someone does on a sheet; each step is open in some phases only. */
export type SheetStep = 'assign' | 'edit-items' | 'propose' | 'agree' | 'self-assess' | 'review' | 'approve' | 'calibrate' | 'bonus-base';

const OPEN_IN: Record<SheetStep, readonly CyclePhase[]> = {
  assign: ['targets', 'agree', 'track', 'self', 'review'],
  'edit-items': ['targets', 'agree', 'track'],
  propose: ['targets', 'agree', 'track'],
  agree: ['targets', 'agree', 'track'],
  'self-assess': ['self'],
  review: ['review'],
  approve: ['review', 'calibrate'],
  calibrate: ['review', 'calibrate'],
  'bonus-base': ['targets', 'agree', 'track', 'self', 'review', 'calibrate'],
};

export const isLocked = (c: Pick<CycleRecord, 'phase'>): boolean => c.phase === 'locked' || c.phase === 'published';

/** A locked (or published) cycle is read-only for everyone: any write is HTTP 409 CYCLE_LOCKED. */
export function assertCycleOpen(c: Pick<CycleRecord, 'phase' | 'name'>): void {
  if (isLocked(c)) {
    throw new DomainError(
      'CYCLE_LOCKED',
      {
        vi: `Kỳ đánh giá "${c.name}" đã khóa: điểm, số liệu và chỉ tiêu chỉ còn xem được. Quản trị viên có thể mở lại kỳ (kèm lý do).`,
        en: `The cycle "${c.name}" is locked: its scores, values and targets are read-only. An admin can reopen it (with a reason).`,
      },
      { params: { cycle: c.name } },
    );
  }
}

/** True when `step` may be done in the cycle's current phase. */
export const stepOpen = (c: Pick<CycleRecord, 'phase'>, step: SheetStep): boolean => OPEN_IN[step].includes(c.phase);

/** Locked → CYCLE_LOCKED; otherwise a step outside its phases → PHASE_CLOSED (409), naming the phases it is open in. */
export function assertStepOpen(c: Pick<CycleRecord, 'phase' | 'name'>, step: SheetStep): void {
  assertCycleOpen(c);
  if (stepOpen(c, step)) return;
  const vi = OPEN_IN[step].map((p) => PHASE_NAMES[p].vi).join(', ');
  const en = OPEN_IN[step].map((p) => PHASE_NAMES[p].en).join(', ');
  throw new DomainError(
    'PHASE_CLOSED',
    {
      vi: `Kỳ "${c.name}" đang ở giai đoạn "${PHASE_NAMES[c.phase].vi}"; việc này chỉ làm được ở giai đoạn: ${vi}.`,
      en: `The cycle "${c.name}" is in the "${PHASE_NAMES[c.phase].en}" phase; this can only be done in: ${en}.`,
    },
    { params: { phase: c.phase, step } },
  );
}

/** Nobody reviews, approves, calibrates or sets the targets of their own sheet. */
export function assertNotOwnSheet(actorPersonId: number | null, sheetPersonId: number): void {
  if (actorPersonId !== null && actorPersonId === sheetPersonId) {
    throw new DomainError('APPRAISAL_OWN_SHEET', {
      vi: 'Bạn không thể tự duyệt, tự đánh giá thay quản lý hay tự giao chỉ tiêu trên phiếu của chính mình.',
      en: 'You cannot review, approve, calibrate or set targets on your own sheet.',
    });
  }
}
