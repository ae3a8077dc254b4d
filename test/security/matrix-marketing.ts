import type { Target } from '../../src/core/auth/permissions';
import { multipartFile } from '../helpers/multipart';
import { multipartWithFields } from '../helpers/multipart-fields';
import type { MatrixArea, World } from './matrix-world';

/**
 * Permission-matrix cases for marketing (src/server/routes/marketing.ts). Campaign cases are tried on demo
 * campaigns, passed where the matrix passes KPI codes: RA-MAT-SP runs through the agency login (assigned to it,
 * worked out by hand from the demo), CSKH-TRI-AN is in-house and ended, HOI-CHO-CUOI-NAM an in-house draft.
 * The target of a campaign case is the campaign; channel lists and the channel comparison are the company's.
 */
const ASSIGNED = 'RA-MAT-SP';
const REPORTED = [ASSIGNED, 'CSKH-TRI-AN'] as const;
const DRAFT = 'HOI-CHO-CUOI-NAM';

const id = (w: World, code: string) => w.ids.get(`campaign|${code}`)!;
const campaign = (w: World, code: string): Target => ({
  scope: 'campaign',
  campaignId: id(w, code),
  assignedUserIds: code === ASSIGNED ? [w.subjects.agency.userId!] : [],
});

interface Detail {
  campaign: { id: number; code: string; name: string; startDate: string; endDate: string; budget: number; ownerPersonId: number | null; delivery: string; agencyName: string | null; agencyUserIds: number[] };
  campaign_channels?: never;
  results: { channelId: number; period: string }[];
}

const drafts = new Map<string, Detail & { channels: unknown }>();

export const marketingArea: MatrixArea = {
  async setup(admin, w) {
    const list = (await admin.get('/api/campaigns')).json().items as { id: number; code: string }[];
    for (const c of list) w.ids.set(`campaign|${c.code}`, c.id);
    for (const c of (await admin.get('/api/marketing/channels')).json().items as { id: number; code: string }[]) w.ids.set(`channel|${c.code}`, c.id);
    for (const code of [...REPORTED, DRAFT]) drafts.set(code, (await admin.get(`/api/campaigns/${id(w, code)}`)).json());
  },
  cases: {
    'GET /api/marketing/channels': { action: 'marketing.read', succeeds: true, request: () => ({ method: 'GET', url: '/api/marketing/channels' }) },
    'POST /api/marketing/channels': {
      action: 'marketing.manage',
      succeeds: true,
      request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/marketing/channels', payload: { code: `MX-${n}`, name: `Kênh ${n}` } }),
    },
    'PUT /api/marketing/channels/{id}': {
      action: 'marketing.manage',
      succeeds: true,
      request: (w, _s, _k, n) => ({ method: 'PUT', url: `/api/marketing/channels/${w.ids.get('channel|HOTLINE')!}`, payload: { name: `Hotline ${n}` } }),
    },
    'GET /api/marketing/channel-comparison': { action: 'marketing.read', succeeds: true, request: () => ({ method: 'GET', url: '/api/marketing/channel-comparison' }) },
    'GET /api/campaigns': {
      action: 'marketing.read',
      request: () => ({ method: 'GET', url: '/api/campaigns' }),
      items: (_w, body) =>
        (body as { items: { id: number; agencyUserIds: number[] }[] }).items.map((c) => ({ scope: 'campaign', campaignId: c.id, assignedUserIds: c.agencyUserIds })),
    },
    'POST /api/campaigns': {
      action: 'marketing.manage',
      succeeds: true,
      request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/campaigns', payload: { code: `MX-C${n}`, name: `Chiến dịch ${n}`, startDate: '2027-01-01', endDate: '2027-01-31' } }),
    },
    'GET /api/campaigns/{id}': {
      action: 'marketing.read',
      succeeds: true,
      kpis: [...REPORTED, DRAFT],
      target: (w, _s, code) => campaign(w, code),
      request: (w, _s, code) => ({ method: 'GET', url: `/api/campaigns/${id(w, code)}` }),
    },
    'GET /api/campaigns/{id}/awareness': {
      action: 'marketing.read',
      succeeds: true,
      kpis: [...REPORTED, DRAFT],
      target: (w, _s, code) => campaign(w, code),
      request: (w, _s, code) => ({ method: 'GET', url: `/api/campaigns/${id(w, code)}/awareness` }),
    },
    'PUT /api/campaigns/{id}': {
      action: 'marketing.manage',
      succeeds: true,
      kpis: [DRAFT],
      target: (w, _s, code) => campaign(w, code),
      request: (w, _s, code) => {
        const d = drafts.get(code)! as unknown as { campaign: Detail['campaign'] & { channels: { channelId: number; responseRateTarget: number | null }[] } };
        const c = d.campaign;
        return {
          method: 'PUT',
          url: `/api/campaigns/${id(w, code)}`,
          payload: {
            code: c.code,
            name: c.name,
            startDate: c.startDate,
            endDate: c.endDate,
            budget: c.budget,
            ownerPersonId: c.ownerPersonId,
            channels: c.channels.map((ch) => ({ channelId: ch.channelId, responseRateTarget: ch.responseRateTarget })),
          },
        };
      },
    },
    'POST /api/campaigns/{id}/status': {
      action: 'marketing.manage',
      succeeds: true,
      kpis: [DRAFT],
      target: (w, _s, code) => campaign(w, code),
      // To its own status: allowed and changes nothing, so the matrix can repeat it.
      request: (w, _s, code) => ({ method: 'POST', url: `/api/campaigns/${id(w, code)}/status`, payload: { status: 'draft' } }),
    },
    'PUT /api/campaigns/{id}/results': {
      action: 'campaign.report',
      succeeds: true,
      kpis: REPORTED,
      target: (w, _s, code) => campaign(w, code),
      request: (w, _s, code, n) => {
        const first = drafts.get(code)!.results[0]!;
        return { method: 'PUT', url: `/api/campaigns/${id(w, code)}/results`, payload: { rows: [{ channelId: first.channelId, period: first.period, recipients: 10_000 + n, responses: 100 }] } };
      },
    },
    'POST /api/campaigns/{id}/results/import': {
      action: 'campaign.report',
      succeeds: true,
      kpis: REPORTED,
      target: (w, _s, code) => campaign(w, code),
      request: (w, _s, code, n) => {
        const d = drafts.get(code)! as unknown as { campaign: { channels: { channelId: number; channelName: string }[] }; results: { channelId: number; period: string }[] };
        const first = d.results[0]!;
        const name = d.campaign.channels.find((c) => c.channelId === first.channelId)!.channelName;
        return { method: 'POST', url: `/api/campaigns/${id(w, code)}/results/import`, ...multipartFile('file', 'kq.csv', `channel,period,recipients,responses\n${name},${first.period},${20_000 + n},100\n`) };
      },
    },
    'POST /api/campaigns/{id}/surveys/{phase}/import': {
      action: 'campaign.report',
      succeeds: true,
      kpis: REPORTED,
      target: (w, _s, code) => campaign(w, code),
      request: (w, _s, code, n) => ({
        method: 'POST',
        url: `/api/campaigns/${id(w, code)}/surveys/after/import`,
        ...multipartWithFields({ takenOn: '2026-12-02' }, 'file', 'ks.csv', `aware\n${'có\n'.repeat(1 + (n % 5))}không\n`),
      }),
    },
    'POST /api/campaigns/{id}/sample-size': {
      action: 'marketing.read',
      succeeds: true,
      kpis: [...REPORTED, DRAFT],
      target: (w, _s, code) => campaign(w, code),
      request: (w, _s, code) => ({ method: 'POST', url: `/api/campaigns/${id(w, code)}/sample-size`, payload: { baseline: 0.2, lift: 0.1 } }),
    },
    'PUT /api/campaigns/{id}/surveys/{phase}': {
      action: 'campaign.report',
      succeeds: true,
      kpis: REPORTED,
      target: (w, _s, code) => campaign(w, code),
      request: (w, _s, code, n) => ({ method: 'PUT', url: `/api/campaigns/${id(w, code)}/surveys/after`, payload: { takenOn: '2026-12-01', aware: 100 + (n % 50), asked: 400 } }),
    },
  },
};
