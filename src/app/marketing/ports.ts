import type { CampaignDelivery, CampaignStatus, ChannelTargets } from '../../core/marketing/campaign';

export interface Channel {
  id: number;
  code: string;
  name: string;
}

export interface Campaign {
  id: number;
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  /** VND, exact as stored (NUMERIC), as a JS number at the edge. */
  budget: number;
  ownerPersonId: number | null;
  ownerName: string | null;
  delivery: CampaignDelivery;
  agencyName: string | null;
  status: CampaignStatus;
  channels: ChannelTargets[];
  /** Agency logins that see and report this campaign. */
  agencyUserIds: number[];
}

export interface CampaignWrite {
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  budget: number;
  ownerPersonId: number | null;
  delivery: CampaignDelivery;
  agencyName: string | null;
  channels: Omit<ChannelTargets, 'channelName'>[];
  agencyUserIds: number[];
}

/** One channel's month of one campaign. */
export interface ResultWrite {
  channelId: number;
  period: string;
  recipients: number;
  responses: number;
  cost: number;
  acquisitions: number;
  revenue: number;
}

/** Sums and the KPIs computed from them in SQL (ratio of sums; null when the divisor is 0). */
export interface ResultTotals {
  recipients: number;
  responses: number;
  cost: number;
  acquisitions: number;
  revenue: number;
  responseRate: number | null;
  costPerResponse: number | null;
  costPerAcquisition: number | null;
  roas: number | null;
}

export interface ChannelTotals extends ResultTotals {
  channelId: number;
  code: string;
  name: string;
}

export interface Survey {
  phase: 'before' | 'after';
  takenOn: string;
  aware: number;
  asked: number;
}

export interface ComparisonFilter {
  from?: string | undefined;
  to?: string | undefined;
  campaignIds?: number[] | undefined;
}

/** Marketing storage (db/repositories/marketing.ts). Aggregations run in SQL. */
export interface MarketingStore {
  listChannels(): Promise<Channel[]>;
  channelsByIds(ids: number[]): Promise<Channel[]>;
  createChannel(c: { code: string; name: string }): Promise<Channel>;
  /** Renames a channel; null when there is no such channel. */
  renameChannel(id: number, name: string): Promise<Channel | null>;
  channelCodeTaken(code: string): Promise<boolean>;
  listCampaigns(): Promise<Campaign[]>;
  getCampaign(id: number): Promise<Campaign | null>;
  campaignCodeTaken(code: string, exceptId: number | null): Promise<boolean>;
  createCampaign(c: CampaignWrite): Promise<number>;
  updateCampaign(id: number, c: CampaignWrite): Promise<void>;
  setStatus(id: number, status: CampaignStatus): Promise<void>;
  /** Channels of the campaign that have results (they cannot be removed). */
  channelsWithResults(campaignId: number): Promise<number[]>;
  /** Upserts per (channel, period). */
  writeResults(campaignId: number, rows: ResultWrite[], userId: number | null): Promise<void>;
  /** Per channel of one campaign and the campaign total, one statement (GROUP BY ROLLUP). */
  campaignTotals(campaignId: number): Promise<{ channels: ChannelTotals[]; total: ResultTotals }>;
  /** Each month of each channel of one campaign. */
  campaignResults(campaignId: number): Promise<(ResultWrite & Pick<ResultTotals, 'responseRate' | 'roas'>)[]>;
  /** Per channel over all (or the given) campaigns and months, and the overall total, one statement. */
  channelComparison(filter: ComparisonFilter): Promise<{ channels: ChannelTotals[]; total: ResultTotals }>;
  surveys(campaignId: number): Promise<Survey[]>;
  setSurvey(campaignId: number, s: Survey, userId: number | null): Promise<void>;
}
