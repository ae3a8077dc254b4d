import { DomainError, issue, type Issue } from '../../core/errors';
import { resultPeriodIssues } from '../../core/marketing/campaign';
import { auditActor, type Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { Store } from '../ports';
import { campaignFor } from './campaign-access';
import type { ChannelTotals, ComparisonFilter, ResultTotals, ResultWrite } from './ports';

/**
 * A campaign's results per channel and month (sends, responses, cost, acquisitions, attributed revenue): each
 * (channel, month) written replaces what was there. All rows are checked first; any problem writes nothing.
 */
export async function reportResults(store: Store, actor: Actor, campaignId: number, rows: ResultWrite[]): Promise<{ written: number }> {
  const campaign = await campaignFor(store, actor, campaignId, 'campaign.report');
  const channels = new Set(campaign.channels.map((c) => c.channelId));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const at = `rows.${i}`;
    issues.push(...resultPeriodIssues(campaign, r.period, `${at}.period`));
    if (!channels.has(r.channelId)) {
      issues.push(issue(`${at}.channelId`, 'CHANNEL_NOT_IN_CAMPAIGN', `Kênh #${r.channelId} không thuộc chiến dịch này`, `Channel #${r.channelId} is not part of this campaign`));
    }
    if (r.responses > r.recipients) {
      issues.push(issue(`${at}.responses`, 'RESPONSES_OVER_RECIPIENTS', `Số phản hồi (${r.responses}) lớn hơn số người nhận (${r.recipients})`, `Responses (${r.responses}) exceed recipients (${r.recipients})`));
    }
    const key = `${r.channelId}|${r.period}`;
    if (seen.has(key)) issues.push(issue(at, 'ROW_REPEATED', `Kênh #${r.channelId}, tháng ${r.period} bị lặp`, `Channel #${r.channelId}, month ${r.period} is given twice`));
    seen.add(key);
  });
  const unique = dedupe(issues);
  if (unique.length > 0) {
    throw new DomainError('RESULTS_INVALID', { vi: `Kết quả chưa hợp lệ: ${unique[0]!.message.vi}.`, en: `The results are not valid: ${unique[0]!.message.en}.` }, { issues: unique });
  }
  await store.transaction(async (tx) => {
    await tx.marketing.writeResults(campaignId, rows, actor.user.id === 0 ? null : actor.user.id);
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'campaign_results', entityId: String(campaignId), before: null, after: { rows } }]);
  });
  return { written: rows.length };
}

/** "Not started" is said once, not once per row. */
function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = i.code === 'CAMPAIGN_NOT_STARTED' ? i.code : `${i.path}|${i.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Each channel's KPIs side by side over the company's campaigns; the total is the ratio of the overall sums. */
export async function channelComparison(store: Store, actor: Actor, filter: ComparisonFilter): Promise<{ channels: ChannelTotals[]; total: ResultTotals }> {
  policy.require(actor, 'marketing.read', COMPANY);
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new DomainError('PERIOD_RANGE_INVALID', { vi: 'Tháng bắt đầu sau tháng kết thúc.', en: 'The first month is after the last.' }, { issues: [issue('from', 'PERIOD_RANGE_INVALID', 'Tháng bắt đầu sau tháng kết thúc', 'The first month is after the last')] });
  }
  return store.marketing.channelComparison(filter);
}
