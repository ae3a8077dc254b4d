import type { z } from 'zod';
import { api, query } from '../../api';
import { uploadForm } from '../datasets/upload';
import type { Awareness, CampaignBody, CampaignDetail, CampaignList, ChannelList, Comparison } from '../../../contract/marketing';

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
  channels: ['marketing', 'channels'] as const,
  agencyLogins: ['marketing', 'agency-logins'] as const,
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

export type CampaignBodyT = z.input<typeof CampaignBody>;
export type ChannelT = z.infer<typeof ChannelList>['items'][number];

export const listChannels = () => api<{ items: ChannelT[] }>('GET', '/api/marketing/channels');
export const createChannel = (body: { code: string; name: string }) => api<ChannelT>('POST', '/api/marketing/channels', body);
export const renameChannel = (id: number, name: string) => api<ChannelT>('PUT', `/api/marketing/channels/${id}`, { name });
export const createCampaign = (body: CampaignBodyT) => api<CampaignT>('POST', '/api/campaigns', body);
export const updateCampaign = (id: number, body: CampaignBodyT) => api<CampaignT>('PUT', `/api/campaigns/${id}`, body);
export const sampleSize = (id: number, body: { baseline: number; lift: number }) => api<{ perSurvey: number }>('POST', `/api/campaigns/${id}/sample-size`, body);
/** Agency logins (to assign to a campaign), for those who manage accounts. */
export const listAgencyLogins = async () =>
  (await api<{ items: { id: number; email: string; name: string; role: string }[] }>('GET', '/api/users')).items.filter((u) => u.role === 'agency');

/** Monthly results from a CSV/XLSX file (all rows or none). */
export const importResults = (id: number, file: File, lang: string) => {
  const body = new FormData();
  body.append('file', file);
  return uploadForm<{ written: number }>(`/api/campaigns/${id}/results/import`, body, lang);
};
/** Survey respondents (one row per person asked) from a CSV/XLSX file. */
export const importSurvey = (id: number, phase: 'before' | 'after', takenOn: string, file: File, lang: string) => {
  const body = new FormData();
  body.append('takenOn', takenOn);
  body.append('file', file);
  return uploadForm<AwarenessT>(`/api/campaigns/${id}/surveys/${phase}/import`, body, lang);
};
