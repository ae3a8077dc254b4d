import { DomainError, issue, type Issue } from '../errors';

export const CAMPAIGN_STATUSES = ['draft', 'planned', 'running', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_DELIVERIES = ['in_house', 'agency'] as const;
export type CampaignDelivery = (typeof CAMPAIGN_DELIVERIES)[number];

/** A channel of a campaign and its targets (fractions and VND; null = not set). */
export interface ChannelTargets {
  channelId: number;
  channelName: string;
  responseRateTarget: number | null;
  costPerResponseTarget: number | null;
  cpaTarget: number | null;
  roasTarget: number | null;
}

/** What the start rule looks at. */
export interface CampaignPlan {
  status: CampaignStatus;
  ownerPersonId: number | null;
  channels: readonly ChannelTargets[];
}

/** The statuses a campaign may move to from each status. */
const NEXT: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['planned', 'running'],
  planned: ['draft', 'running'],
  running: ['ended'],
  ended: [],
};

/**
 * What a campaign still lacks before it may start: an owner, at least one channel, and a response-rate target on
 * every channel (the KPI each channel is judged by from day one). Empty = ready.
 */
export function campaignStartIssues(plan: CampaignPlan): Issue[] {
  const issues: Issue[] = [];
  if (plan.ownerPersonId === null) {
    issues.push(issue('ownerPersonId', 'CAMPAIGN_NO_OWNER', 'Chưa chọn người phụ trách chiến dịch', 'The campaign has no owner'));
  }
  if (plan.channels.length === 0) {
    issues.push(issue('channels', 'CAMPAIGN_NO_CHANNEL', 'Chiến dịch chưa có kênh nào', 'The campaign has no channel'));
  }
  plan.channels.forEach((c, i) => {
    if (c.responseRateTarget === null) {
      issues.push(
        issue(
          `channels.${i}.responseRateTarget`,
          'TARGET_MISSING',
          `Kênh ${c.channelName}: chưa đặt chỉ tiêu tỷ lệ phản hồi`,
          `Channel ${c.channelName}: no response-rate target`,
        ),
      );
    }
  });
  return issues;
}

/** Refuses a status change the campaign's state does not allow; starting needs `campaignStartIssues` to be empty. */
export function checkStatusChange(plan: CampaignPlan, to: CampaignStatus): void {
  if (plan.status === to) return;
  if (!NEXT[plan.status].includes(to)) {
    throw new DomainError('CAMPAIGN_STATUS_INVALID', {
      vi: `Không thể chuyển chiến dịch từ trạng thái "${plan.status}" sang "${to}".`,
      en: `A campaign cannot move from "${plan.status}" to "${to}".`,
    });
  }
  if (to !== 'running') return;
  const issues = campaignStartIssues(plan);
  if (issues.length > 0) {
    throw new DomainError(
      'CAMPAIGN_NOT_READY',
      {
        vi: `Chưa thể bắt đầu chiến dịch: ${issues.map((i) => i.message.vi).join('; ')}.`,
        en: `The campaign cannot start yet: ${issues.map((i) => i.message.en).join('; ')}.`,
      },
      { issues },
    );
  }
}

/** Results are reported once a campaign has started, for months it covers. */
export function resultPeriodIssues(campaign: { status: CampaignStatus; startDate: string; endDate: string }, period: string, path = 'period'): Issue[] {
  if (campaign.status !== 'running' && campaign.status !== 'ended') {
    return [issue('status', 'CAMPAIGN_NOT_STARTED', 'Chiến dịch chưa bắt đầu: chưa thể nhập kết quả', 'The campaign has not started: no results yet')];
  }
  if (period < campaign.startDate.slice(0, 7) || period > campaign.endDate.slice(0, 7)) {
    return [
      issue(
        path,
        'PERIOD_OUTSIDE_CAMPAIGN',
        `Tháng ${period} nằm ngoài thời gian chiến dịch (${campaign.startDate} – ${campaign.endDate})`,
        `Month ${period} is outside the campaign (${campaign.startDate} – ${campaign.endDate})`,
      ),
    ];
  }
  return [];
}
