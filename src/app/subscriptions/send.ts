import type { Lang } from '../../core/errors';
import { ddmmyyyy } from '../../core/reports/format';
import { resolveActor, type Actor } from '../actor';
import { getCompany } from '../company/company';
import { requireReadScope } from '../evaluation/scope';
import { notify } from '../notifications/notify';
import type { Store, TargetScope } from '../ports';
import { exportPareto } from '../diagnostics';
import { CONTENT_TYPE, renderScorecardReport, type ReportFile } from '../reports';
import { parseScope } from '../scope';
import { getDigest } from './digest';
import { digestFile, digestText, type DigestSection } from './digest-file';
import type { Subscription } from './ports';
import { localClock, type SubscriptionRun } from './schedule';

const REPORT_NAME: Record<Subscription['report'], { vi: string; en: string }> = {
  scorecard: { vi: 'Thẻ điểm KPI', en: 'KPI scorecard' },
  diagnostics: { vi: 'Phân tích KPI không đạt', en: 'Miss diagnostics' },
  'late-measurements': { vi: 'Số liệu báo cáo trễ hạn', en: 'Late measurements' },
  digest: { vi: 'Bản tin tổng hợp', en: 'Management digest' },
};

/** Which digest parts a digest-based report shows. Diagnostics shows the red KPIs with their recorded reasons. */
const SECTIONS: Partial<Record<Subscription['report'], readonly DigestSection[]>> = {
  digest: ['up', 'down', 'red', 'late'],
  diagnostics: ['red'],
  'late-measurements': ['late'],
};

async function scopeLabel(store: Store, scope: TargetScope, companyName: string): Promise<string> {
  if (scope.type === 'unit') return (await store.units.findById(scope.id))?.name ?? `#${scope.id}`;
  if (scope.type === 'person') return (await store.people.findById(scope.id))?.fullName ?? `#${scope.id}`;
  return companyName;
}

/** The report file and the e-mail body of one subscription for one period. */
async function render(store: Store, actor: Actor, sub: Subscription, scope: TargetScope, period: string, lang: Lang, now: Date): Promise<{ file: ReportFile; body: string }> {
  const company = await getCompany(store);
  const label = await scopeLabel(store, scope, company.name);
  const name = REPORT_NAME[sub.report][lang];
  if (sub.report === 'scorecard') {
    const file = await renderScorecardReport(store, actor, { period, scope, format: sub.format, lang, now });
    return { file, body: `${name} · ${label} · ${period}` };
  }
  const sections = SECTIONS[sub.report]!;
  const digest = await getDigest(store, actor, { period, scope, now });
  const generatedOn = ddmmyyyy(localClock(now, company.timezone).date);
  const body = digestText(digest, label, lang, sections);
  if (sub.report === 'diagnostics' && sub.format === 'xlsx' && scope.type !== 'person') {
    // The Pareto workbook of the diagnostics page (reasons, the KPIs behind each, open action plans) for a company or unit.
    const pareto = await exportPareto(store, actor, { period, unitId: scope.type === 'unit' ? scope.id : undefined }, lang);
    return { file: { fileName: pareto.fileName, contentType: CONTENT_TYPE.xlsx, data: pareto.data }, body };
  }
  const file = await digestFile(digest, { scopeLabel: label, lang, format: sub.format, generatedOn, baseName: sub.report, sections });
  return { file, body };
}

export type SendOutcome = 'sent' | 'already-sent' | 'not-allowed' | 'inactive';

/**
 * Sends one subscription for one run in one transaction: claims the run key (a concurrent runner's claim of the
 * same key waits for this one and then finds it taken), checks the subscriber may still read the scope, renders
 * the report and hands it to notify() (bell + e-mail with the file). A failure rolls the claim back, so the
 * next tick tries again.
 */
export async function sendSubscription(store: Store, sub: Subscription, run: SubscriptionRun, now: Date): Promise<SendOutcome> {
  return store.transaction(async (tx) => {
    if (!(await tx.subscriptions.claim(sub.id, run.key))) return 'already-sent';
    const user = await tx.users.findById(sub.userId);
    if (!user?.active) return 'inactive';
    const actor = await resolveActor(tx, user);
    const scope = parseScope(sub.scope);
    try {
      await requireReadScope(tx, actor, scope);
    } catch {
      return 'not-allowed'; // no longer allowed (moved, demoted) or the scope is gone: skipped for this run
    }
    // notify() writes in the recipient's language, so the report is rendered in it too.
    const { file, body } = await render(tx, actor, sub, scope, run.periodKey, user.locale, now);
    await notify(
      tx,
      {
        userId: user.id,
        category: 'reports',
        kind: `report.${sub.report}`,
        text: (lang) => ({ title: `${REPORT_NAME[sub.report][lang]} · ${run.periodKey}`, body }),
        link: sub.report === 'digest' ? `/reports/digest?period=${run.periodKey}&scope=${sub.scope}` : '/reports',
        dedupeKey: `subscription:${sub.id}:${run.key}`,
        attachment: { name: file.fileName, contentType: file.contentType, data: file.data },
      },
      now,
    );
    return 'sent';
  });
}
