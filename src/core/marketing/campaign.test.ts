import { describe, expect, it } from 'vitest';
import { can, type Subject } from '../auth/permissions';
import { DomainError } from '../errors';
import { campaignStartIssues, checkStatusChange, resultPeriodIssues, type CampaignPlan } from './campaign';

const channel = (channelId: number, channelName: string, responseRateTarget: number | null) => ({
  channelId,
  channelName,
  responseRateTarget,
  costPerResponseTarget: null,
  cpaTarget: null,
  roasTarget: null,
});

describe('campaign start rule', () => {
  const ready: CampaignPlan = { status: 'planned', ownerPersonId: 7, channels: [channel(1, 'Email', 0.06), channel(2, 'Zalo', 0.1)] };

  it('is ready with an owner and a response-rate target on every channel', () => {
    expect(campaignStartIssues(ready)).toEqual([]);
    expect(() => checkStatusChange(ready, 'running')).not.toThrow();
  });

  it('lists every gap: no owner, no channel, a channel without its response-rate target', () => {
    const codes = (p: CampaignPlan) => campaignStartIssues(p).map((i) => `${i.path} ${i.code}`);
    expect(codes({ status: 'draft', ownerPersonId: null, channels: [] })).toEqual(['ownerPersonId CAMPAIGN_NO_OWNER', 'channels CAMPAIGN_NO_CHANNEL']);
    expect(codes({ ...ready, channels: [channel(1, 'Email', 0.06), channel(3, 'SMS', null)] })).toEqual(['channels.1.responseRateTarget TARGET_MISSING']);
    try {
      checkStatusChange({ ...ready, channels: [channel(3, 'SMS', null)] }, 'running');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('CAMPAIGN_NOT_READY');
      expect((e as DomainError).localized.vi).toContain('Kênh SMS: chưa đặt chỉ tiêu tỷ lệ phản hồi');
    }
  });

  it('moves draft → planned → running → ended only', () => {
    expect(() => checkStatusChange({ ...ready, status: 'ended' }, 'running')).toThrow(expect.objectContaining({ code: 'CAMPAIGN_STATUS_INVALID' }));
    expect(() => checkStatusChange({ ...ready, status: 'running' }, 'draft')).toThrow(expect.objectContaining({ code: 'CAMPAIGN_STATUS_INVALID' }));
    expect(() => checkStatusChange({ ...ready, status: 'running' }, 'ended')).not.toThrow();
  });

  it('takes results once started, for the months the campaign covers', () => {
    const c = { status: 'running' as const, startDate: '2026-03-15', endDate: '2026-05-02' };
    expect(resultPeriodIssues(c, '2026-03')).toEqual([]);
    expect(resultPeriodIssues(c, '2026-05')).toEqual([]);
    expect(resultPeriodIssues(c, '2026-02').map((i) => i.code)).toEqual(['PERIOD_OUTSIDE_CAMPAIGN']);
    expect(resultPeriodIssues({ ...c, status: 'planned' }, '2026-03').map((i) => i.code)).toEqual(['CAMPAIGN_NOT_STARTED']);
  });
});

describe('the agency role in the permission table', () => {
  const agency: Subject = { role: 'agency', userId: 42, personId: null, unitId: null, subtree: new Set() };
  const mine = { scope: 'campaign' as const, campaignId: 1, assignedUserIds: [42] };
  const other = { scope: 'campaign' as const, campaignId: 2, assignedUserIds: [43] };

  it('reads and reports only the campaigns assigned to its login, and manages none', () => {
    expect(can(agency, 'marketing.read', mine)).toBe(true);
    expect(can(agency, 'campaign.report', mine)).toBe(true);
    expect(can(agency, 'marketing.read', other)).toBe(false);
    expect(can(agency, 'campaign.report', other)).toBe(false);
    expect(can(agency, 'marketing.manage', mine)).toBe(false);
    expect(can(agency, 'marketing.read', { scope: 'company' })).toBe(false);
  });

  it('has no KPI, number, people or dataset reading', () => {
    for (const action of ['kpi.read', 'numbers.read', 'person.read', 'unit.read', 'dataset.read', 'actual.write'] as const) {
      expect(can(agency, action, { scope: 'company' }), action).toBe(false);
    }
    expect(can(agency, 'company.read', { scope: 'company' })).toBe(true);
  });

  it('staff read every campaign; a manager without assignment still reaches it by role', () => {
    const employee: Subject = { role: 'employee', userId: 5, personId: 9, unitId: 3, subtree: new Set() };
    expect(can(employee, 'marketing.read', other)).toBe(true);
    expect(can(employee, 'campaign.report', other)).toBe(false);
  });
});
