/**
 * The management digest of one scope and period, from the scorecards of the period and the one before
 * (docs/subscriptions.md): top movers, red KPIs with their recorded reasons, late measurements.
 */

export interface DigestKpiInput {
  code: string;
  name: string;
  nameEn: string | null;
  target: number | null;
  actual: number | null;
  /** A fraction: 1.05 = 105 %. */
  achievement: number | null;
  status: 'green' | 'amber' | 'red' | 'none';
  inProgress: boolean;
}

export interface MissReasonInput {
  reason: string;
  comment: string | null;
  controllable: boolean;
}

export interface Mover {
  code: string;
  name: string;
  nameEn: string | null;
  previous: number;
  current: number;
  /** current − previous, in achievement (fraction) points. */
  change: number;
}

export interface Digest {
  up: Mover[];
  down: Mover[];
  red: { code: string; name: string; nameEn: string | null; achievement: number | null; reasons: MissReasonInput[] }[];
  /** KPIs with a target and no value in a period that has ended. */
  late: { code: string; name: string; nameEn: string | null; target: number }[];
}

export const MOVERS = 5;

/** Rounded to 1e-9 so 1.1 − 1.0 compares as 0.1 and ties sort by code. */
const round = (x: number) => Math.round(x * 1e9) / 1e9;

export function buildDigest(current: readonly DigestKpiInput[], previous: readonly DigestKpiInput[], reasons: ReadonlyMap<string, MissReasonInput[]>, limit = MOVERS): Digest {
  const before = new Map(previous.map((k) => [k.code, k.achievement] as const));
  const moves: Mover[] = [];
  for (const k of current) {
    const prev = before.get(k.code);
    if (k.achievement === null || prev === null || prev === undefined) continue;
    moves.push({ code: k.code, name: k.name, nameEn: k.nameEn, previous: prev, current: k.achievement, change: round(k.achievement - prev) });
  }
  const byCode = (a: Mover, b: Mover) => a.code.localeCompare(b.code);
  const up = moves.filter((m) => m.change > 0).sort((a, b) => b.change - a.change || byCode(a, b)).slice(0, limit);
  const down = moves.filter((m) => m.change < 0).sort((a, b) => a.change - b.change || byCode(a, b)).slice(0, limit);
  const red = current
    .filter((k) => k.status === 'red')
    .map((k) => ({ code: k.code, name: k.name, nameEn: k.nameEn, achievement: k.achievement, reasons: reasons.get(k.code) ?? [] }));
  const late = current
    .filter((k) => k.target !== null && k.actual === null && !k.inProgress)
    .map((k) => ({ code: k.code, name: k.name, nameEn: k.nameEn, target: k.target! }));
  return { up, down, red, late };
}
