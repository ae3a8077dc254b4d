import { periodContaining, previousPeriod } from '../../core/period';
import { numberFormat } from '../../core/intl/formats';
import { getCompany } from '../company/company';
import type { Evaluation } from '../../core/evaluation';
import { evaluateEveryUnit } from '../evaluation/every-unit';
import { companyToday } from '../../core/actuals';
import type { Job, JobContext } from '../scheduler/job';
import { whenChanged } from '../scheduler/when-changed';
import { localHour } from '../../core/calendar';
import { periodLabel } from './local-clock';
import { notify } from './notify';

/** Alerts go out from this local hour on (as reminders, at the start of the working day). */
const ALERT_HOUR = 9;

const pct = (x: number | null, locale: string) => (x === null ? '–' : numberFormat(locale, { maximumFractionDigits: 1 }).format(x * 100) + '%');
const num = (x: number | null, locale: string) => (x === null ? '–' : numberFormat(locale, { maximumFractionDigits: 2 }).format(x));

/** A KPI red in one scope of the period, as the alert tells it. */
interface RedItem {
  code: string;
  name: string;
  nameEn: string | null;
  target: number | null;
  actual: number | null;
  achievement: number | null;
  score: number | null;
}

/**
 * Tells each KPI owner when their KPI ended the last completed month red, for the company and for each unit:
 * once per KPI, scope and period (the dedupe key), whichever instance or tick gets there first.
 * Scoring is the unit dashboard's (`evaluateEveryUnit`), for every unit at once: the job ran one scorecard per
 * unit, 5 minutes a tick for a 10,000-person company; now a few set-based queries.
 */
export async function sendRedAlerts(ctx: JobContext): Promise<number> {
  const company = await getCompany(ctx.store);
  if (localHour(ctx.now, company.timezone) < ALERT_HOUR) return 0;
  const today = companyToday(company, ctx.now); // the company is read once, above
  const period = previousPeriod(periodContaining(today, 'month'));
  const [{ kpis, company: companyScope, byUnit }, units] = await Promise.all([
    evaluateEveryUnit(ctx.store, period, today),
    ctx.store.units.list().then((all) => all.filter((u) => !u.archived)),
  ]);
  const owners = new Map<number, number | null>();
  const ownerLogin = async (personId: number | null) => {
    if (personId === null) return null;
    if (!owners.has(personId)) owners.set(personId, (await ctx.store.people.findById(personId))?.userId ?? null);
    return owners.get(personId)!;
  };

  const notices: ReturnType<typeof redNotice>[] = [];
  const collect = async (scope: { key: string; vi: string; en: string }, i: number, e: Evaluation) => {
    if (e.status !== 'red') return;
    const kpi = kpis[i]!;
    const userId = await ownerLogin(kpi.ownerId);
    if (userId === null) return;
    const item = { code: kpi.code, name: kpi.name, nameEn: kpi.nameEn ?? null, target: e.target?.value ?? null, actual: e.actual?.value ?? null, achievement: e.achievement, score: e.score };
    notices.push(redNotice(userId, item, scope, period.key));
  };
  const whole = { key: 'company', vi: 'toàn công ty', en: 'company-wide' };
  for (let i = 0; i < kpis.length; i++) await collect(whole, i, companyScope[i]!);
  for (const u of units) {
    const evaluated = byUnit.get(u.id);
    for (let j = 0; j < (evaluated?.kpiIndex.length ?? 0); j++) await collect({ key: `unit:${u.code}`, vi: u.name, en: u.name }, evaluated!.kpiIndex[j]!, evaluated!.evaluations[j]!);
  }

  // Notices already given (an earlier tick, another instance) are skipped in one query; `notify` still dedupes.
  const given = await ctx.store.notifications.usedDedupeKeys(notices.map((n) => ({ userId: n.userId, dedupeKey: n.dedupeKey })));
  let sent = 0;
  for (const notice of notices) {
    if (given.has(`${notice.userId}|${notice.dedupeKey}`)) continue;
    if (await ctx.store.transaction((tx) => notify(tx, notice, ctx.now))) sent++;
  }
  return sent;
}

function redNotice(userId: number, item: RedItem, s: { key: string; vi: string; en: string }, periodKey: string) {
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
export const redAlertsJob: Job = whenChanged(
  {
    name: 'red-alerts',
    run: async (ctx) => {
      await sendRedAlerts(ctx);
    },
  },
  ALERT_HOUR,
);
