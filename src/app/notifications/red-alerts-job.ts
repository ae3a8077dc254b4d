import { periodContaining, previousPeriod } from '../../core/period';
import { SYSTEM_ACTOR } from '../actor';
import { getCompany } from '../company/company';
import { getScorecard, type ScorecardItem } from '../evaluation/scorecard';
import { todayOf } from '../evaluation/opening-period';
import type { TargetScope } from '../ports';
import type { Job, JobContext } from '../scheduler/job';
import { localHour } from '../../core/calendar';
import { periodLabel } from './local-clock';
import { notify } from './notify';

/** Alerts go out from this local hour on (as reminders, at the start of the working day). */
const ALERT_HOUR = 9;

const pct = (x: number | null, locale: string) => (x === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(x * 100) + '%');
const num = (x: number | null, locale: string) => (x === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(x));

/**
 * Tells each KPI owner when their KPI ended the last completed month red, for the company and for each unit:
 * once per KPI, scope and period (the dedupe key), whichever instance or tick gets there first.
 * Scoring is the scorecard's own (getScorecard), not re-implemented here.
 */
export async function sendRedAlerts(ctx: JobContext): Promise<number> {
  const company = await getCompany(ctx.store);
  if (localHour(ctx.now, company.timezone) < ALERT_HOUR) return 0;
  const period = previousPeriod(periodContaining(await todayOf(ctx.store, ctx.now), 'month'));
  const kpis = new Map((await ctx.store.kpis.list({ status: 'active' })).map((k) => [k.code, k]));
  const units = (await ctx.store.units.list()).filter((u) => !u.archived);
  const scopes: { scope: TargetScope; key: string; vi: string; en: string }[] = [
    { scope: { type: 'company', id: null }, key: 'company', vi: 'toàn công ty', en: 'company-wide' },
    ...units.map((u) => ({ scope: { type: 'unit', id: u.id } as TargetScope, key: `unit:${u.code}`, vi: u.name, en: u.name })),
  ];
  let sent = 0;
  for (const s of scopes) {
    const card = await getScorecard(ctx.store, SYSTEM_ACTOR, { period: period.key, scope: s.scope, now: ctx.now });
    for (const item of card.items.filter((i) => i.status === 'red')) {
      const kpi = kpis.get(item.code);
      const owner = kpi?.ownerId ? await ctx.store.people.findById(kpi.ownerId) : null;
      if (!owner?.userId) continue;
      const told = await ctx.store.transaction((tx) => notify(tx, redNotice(owner.userId!, item, s, period.key), ctx.now));
      if (told) sent++;
    }
  }
  return sent;
}

function redNotice(userId: number, item: ScorecardItem, s: { key: string; vi: string; en: string }, periodKey: string) {
  const when = periodLabel(periodKey);
  return {
    userId,
    category: 'alerts' as const,
    kind: 'kpi.red',
    dedupeKey: `kpi.red|${item.code}|${s.key}|${periodKey}`,
    link: `/kpis/${encodeURIComponent(item.code)}`,
    text: (lang: 'vi' | 'en') =>
      lang === 'vi'
        ? {
            title: `KPI ${item.name} màu đỏ kỳ ${when} (${s.vi})`,
            body: `Thực hiện ${num(item.actual, 'vi-VN')} so với chỉ tiêu ${num(item.target, 'vi-VN')}: tỷ lệ hoàn thành ${pct(item.achievement, 'vi-VN')}. Hãy ghi nguyên nhân không đạt và kế hoạch hành động.`,
          }
        : {
            title: `KPI ${item.nameEn ?? item.name} is red for ${when} (${s.en})`,
            body: `Actual ${num(item.actual, 'en-US')} against a target of ${num(item.target, 'en-US')}: achievement ${pct(item.achievement, 'en-US')}. Record why it was missed and an action plan.`,
          },
    event: {
      name: 'kpi.red',
      payload: { kpi: item.code, period: periodKey, scope: s.key, target: item.target, actual: item.actual, achievement: item.achievement, score: item.score },
    },
  };
}

/** Tells KPI owners when a KPI ends a period red, once per KPI, scope and period. */
export const redAlertsJob: Job = {
  name: 'red-alerts',
  run: async (ctx) => {
    await sendRedAlerts(ctx);
  },
};
