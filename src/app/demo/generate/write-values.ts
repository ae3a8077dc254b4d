import type { Kysely } from 'kysely';
import { addDays, type IsoDate } from '../../../core/period';
import { noise } from '../../demo-actuals/prng';
import { ChunkedCopy } from './chunked-copy';
import { kpisOfFamily, LIBRARY, type LibraryKpi } from './kpi-library';
import { SEASON, type Month } from './months';
import type { OrgPlan } from './org-plan';

const TARGET_COLUMNS = ['kpi_id', 'period_key', 'period_kind', 'period_start', 'period_end', 'scope_type', 'scope_id', 'value'];
const ACTUAL_COLUMNS = ['kpi_id', 'period_key', 'period_kind', 'period_start', 'period_end', 'scope_type', 'scope_id', 'value', 'source', 'comment', 'late', 'updated_by', 'updated_by_name', 'updated_at'];

/** Days after the month a value is due (the KPIs' report_within_days). */
export const REPORT_WITHIN_DAYS = 5;
const MISSING = 0.05;
const LATE = 0.06;
const COMMENTED = 0.25;
const YEARLY_GROWTH = 0.08;
const TET_SURPRISE = 0.93;

const GOOD = ['Đạt kế hoạch tháng.', 'Vượt chỉ tiêu nhờ khách hàng cũ quay lại.', 'Hoàn thành tốt, tiếp tục duy trì.', 'Kết quả ổn định.'];
const BAD = ['Chưa đạt do nghỉ Tết kéo dài.', 'Thiếu nhân sự trong tháng.', 'Khách hàng lớn dời đơn sang tháng sau.', 'Sự cố hệ thống ảnh hưởng tiến độ.'];

export interface ValueCounts {
  targets: number;
  actuals: number;
}

interface Context {
  plan: OrgPlan;
  kpiIds: Map<string, number>;
  months: Month[];
  /** How many of `months` are complete (they get actuals). */
  complete: number;
  quarter: { key: string; start: IsoDate; end: IsoDate };
  today: IsoDate;
  rand: () => number;
  onProgress: (done: number, total: number) => void;
}

/** Digits after the point of a step: 1 → 0, 0.5 → 1, 0.001 → 3. */
const decimalsOf = (step: number) => (String(step).split('.')[1] ?? '').length;
const roundTo = (v: number, step: number) => Math.round(v / step) * step;

/**
 * Every person's monthly targets and actuals of their 12 KPIs (with seasonality, growth, ~5 % gaps, some late
 * reports and check-in comments), their quarter targets for the cycle, and the unit and company totals
 * (sums for `sum` KPIs, means for `avg` ones), all by COPY inside the caller's transaction.
 */
export async function writeValues(db: Kysely<unknown>, c: Context): Promise<ValueCounts> {
  const targets = new ChunkedCopy(db, 'kpi_targets', TARGET_COLUMNS);
  const actuals = new ChunkedCopy(db, 'kpi_actuals', ACTUAL_COLUMNS);
  const libraryIndex = new Map(LIBRARY.map((k, i) => [k.code, i]));
  const M = c.months.length;
  const L = LIBRARY.length;
  const U = c.plan.units.length;
  const targetSum = new Float64Array(U * L * M);
  const targetCount = new Uint32Array(U * L * M);
  const actualSum = new Float64Array(U * L * M);
  const actualCount = new Uint32Array(U * L * M);
  const parents = new Map(c.plan.units.map((u) => [u.id, u.parentId]));
  const chainOf = (unitId: number): number[] => {
    const chain: number[] = [];
    for (let u: number | null | undefined = unitId; u; u = parents.get(u)) chain.push(u - 1);
    return chain;
  };
  const quarterMonths = c.months.flatMap((m, i) => (m.start >= c.quarter.start && m.end <= c.quarter.end ? [i] : []));
  const monthTarget = new Float64Array(M);
  const total = c.plan.people.length;
  c.onProgress(0, total);

  for (const person of c.plan.people) {
    const chain = chainOf(person.unitId);
    const performance = noise(c.rand, 0.3);
    for (const kpi of kpisOfFamily(person.family)) {
      const kpiId = c.kpiIds.get(kpi.code)!;
      const slot = libraryIndex.get(kpi.code)!;
      const volume = kpi.aggregation === 'sum';
      const level = volume ? kpi.base * noise(c.rand, 0.35) : kpi.base * noise(c.rand, 0.04);
      const own = performance * noise(c.rand, 0.1);
      const d = decimalsOf(kpi.step);
      for (let i = 0; i < M; i++) {
        const month = c.months[i]!;
        const planned = volume ? level * SEASON[month.month - 1]! * Math.pow(1 + YEARLY_GROWTH, i / 12) : level;
        const target = Math.max(kpi.step, capped(kpi, roundTo(planned, kpi.step)));
        monthTarget[i] = target;
        targets.row.ascii(kpiId).ascii(month.key).ascii('month').ascii(month.start).ascii(month.end).ascii('person').ascii(person.id).ascii(target.toFixed(d)).endRow();
        targets.added();
        for (const u of chain) {
          const at = (u * L + slot) * M + i;
          targetSum[at] = targetSum[at]! + target;
          targetCount[at] = targetCount[at]! + 1;
        }
        if (i >= c.complete) continue;
        const value = actualOf(kpi, target, own, month, c.rand);
        const report = reportOf(month, c.rand, c.today);
        if (value === null || report === null) continue;
        const commented = c.rand() < COMMENTED;
        const met = kpi.direction === 'decrease' ? value <= target : value >= target;
        const comment = commented ? (met ? GOOD : BAD)[Math.floor(c.rand() * 4)]! : null;
        actuals.row
          .ascii(kpiId).ascii(month.key).ascii('month').ascii(month.start).ascii(month.end).ascii('person').ascii(person.id).ascii(value.toFixed(d))
          .ascii('checkin').text(comment).ascii(report.late ? 't' : 'f').ascii(person.id).text(person.fullName).ascii(report.at)
          .endRow();
        actuals.added();
        for (const u of chain) {
          const at = (u * L + slot) * M + i;
          actualSum[at] = actualSum[at]! + value;
          actualCount[at] = actualCount[at]! + 1;
        }
      }
      if (quarterMonths.length > 0) {
        const sum = quarterMonths.reduce((s, i) => s + monthTarget[i]!, 0);
        const value = volume ? sum : roundTo(sum / quarterMonths.length, kpi.step);
        targets.row.ascii(kpiId).ascii(c.quarter.key).ascii('quarter').ascii(c.quarter.start).ascii(c.quarter.end).ascii('person').ascii(person.id).ascii(value.toFixed(d)).endRow();
        targets.added();
      }
    }
    if (targets.full) await targets.flush();
    if (actuals.full) await actuals.flush();
    if (person.id % 200 === 0) c.onProgress(person.id, total);
  }

  // Units and the company (= the root unit's people): sums of `sum` KPIs, means of `avg` ones.
  for (let u = 0; u < U; u++) {
    const scopes: [string, number | null][] = u === 0 ? [['unit', 1], ['company', null]] : [['unit', u + 1]];
    for (let k = 0; k < L; k++) {
      const kpi = LIBRARY[k]!;
      const kpiId = c.kpiIds.get(kpi.code)!;
      const d = decimalsOf(kpi.step);
      for (let i = 0; i < M; i++) {
        const at = (u * L + k) * M + i;
        const month = c.months[i]!;
        for (const [type, id] of scopes) {
          if (targetCount[at]! > 0) {
            const value = kpi.aggregation === 'sum' ? targetSum[at]! : roundTo(targetSum[at]! / targetCount[at]!, kpi.step);
            targets.row.ascii(kpiId).ascii(month.key).ascii('month').ascii(month.start).ascii(month.end).ascii(type).ascii(id).ascii(value.toFixed(d)).endRow();
            targets.added();
          }
          if (actualCount[at]! > 0) {
            const value = kpi.aggregation === 'sum' ? actualSum[at]! : roundTo(actualSum[at]! / actualCount[at]!, kpi.step);
            actuals.row
              .ascii(kpiId).ascii(month.key).ascii('month').ascii(month.start).ascii(month.end).ascii(type).ascii(id).ascii(value.toFixed(d))
              .ascii('import').ascii(null).ascii('f').ascii(null).ascii('OpenKPI').ascii(`${addDays(month.end, 1)} 20:00:00+07`)
              .endRow();
            actuals.added();
          }
        }
      }
    }
    if (targets.full) await targets.flush();
    if (actuals.full) await actuals.flush();
  }
  await targets.flush();
  await actuals.flush();
  c.onProgress(total, total);
  return { targets: targets.written, actuals: actuals.written };
}

function capped(kpi: LibraryKpi, value: number): number {
  return kpi.max === undefined ? value : Math.min(kpi.max, value);
}

/** A month's value, or null for a gap (~5 %): the person's performance, noise, and an unplanned Tết dip. */
function actualOf(kpi: LibraryKpi, target: number, own: number, month: Month, rand: () => number): number | null {
  const missing = rand() < MISSING;
  const spread = noise(rand, 0.12) * (month.month === 2 ? TET_SURPRISE : 1);
  if (missing) return null;
  const raw = kpi.direction === 'decrease' ? target / (own * spread) : target * own * spread;
  return Math.max(0, capped(kpi, roundTo(raw, kpi.step)));
}

/** When the value was reported (local time, +07): a few days after the month, ~6 % late; null if not yet by today. */
function reportOf(month: Month, rand: () => number, today: IsoDate): { at: string; late: boolean } | null {
  const late = rand() < LATE;
  const day = addDays(month.end, late ? REPORT_WITHIN_DAYS + 3 + Math.floor(rand() * 12) : 1 + Math.floor(rand() * (REPORT_WITHIN_DAYS - 1)));
  const hour = 8 + Math.floor(rand() * 10);
  const minute = Math.floor(rand() * 60);
  if (day >= today) return null;
  return { at: `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07`, late };
}
