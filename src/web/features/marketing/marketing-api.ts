import type { z } from 'zod';
import { api, query } from '../../api';
import type { Awareness, CampaignDetail, CampaignList, Comparison } from '../../../contract/marketing';

export type ComparisonT = z.infer<typeof Comparison>;
export type TotalsT = ComparisonT['total'];
export type CampaignT = z.infer<typeof CampaignList>['items'][number];
export type CampaignDetailT = z.infer<typeof CampaignDetail>;
export type AwarenessT = z.infer<typeof Awareness>;

export const marketingKeys = {
  comparison: ['marketing', 'comparison'] as const,
  campaigns: ['marketing', 'campaigns'] as const,
  campaign: (id: number) => ['marketing', 'campaigns', id] as const,
  awareness: (id: number) => ['marketing', 'campaigns', id, 'awareness'] as const,
};

export const channelComparison = () => api<ComparisonT>('GET', '/api/marketing/channel-comparison');
export const listCampaigns = () => api<{ items: CampaignT[] }>('GET', '/api/campaigns');
export const getCampaign = (id: number) => api<CampaignDetailT>('GET', `/api/campaigns/${id}`);
export const getAwareness = (id: number) => api<AwarenessT>('GET', `/api/campaigns/${id}/awareness${query({})}`);
export const setStatus = (id: number, status: CampaignT['status']) => api<CampaignT>('POST', `/api/campaigns/${id}/status`, { status });
export const saveSurvey = (id: number, phase: 'before' | 'after', body: { takenOn: string; aware: number; asked: number }) =>
  api<AwarenessT>('PUT', `/api/campaigns/${id}/surveys/${phase}`, body);
export const saveResults = (
  id: number,
  rows: { channelId: number; period: string; recipients: number; responses: number; cost: number; acquisitions: number; revenue: number }[],
) => api<{ written: number }>('PUT', `/api/campaigns/${id}/results`, { rows });
