import { dateParts, daysInMonth, formatDate, type IsoDate } from '../../core/period/dates';
import { SYSTEM_ACTOR } from '../actor';
import { changeCampaignStatus, createCampaign } from '../marketing/campaigns';
import { createChannel } from '../marketing/channels';
import type { ResultWrite } from '../marketing/ports';
import { reportResults } from '../marketing/results';
import { setSurvey } from '../marketing/surveys';
import type { Store } from '../ports';
import { seedDataKpis } from './seed-data-kpis';

/** The demo agency login (password: the demo one), assigned to the product-launch campaign only. */
export const DEMO_AGENCY_LOGIN = { email: 'agency@saoviet.vn', name: 'Sao Việt Media' };

const CHANNELS = [
  ['EMAIL', 'Email'],
  ['ZALO', 'Zalo OA'],
  ['SMS', 'SMS'],
  ['FACEBOOK', 'Facebook'],
  ['WEBSITE', 'Website'],
  ['HOTLINE', 'Hotline'],
  ['EVENTS', 'Sự kiện'],
] as const;

/** The month `shift` months from `today`'s: its key and its first and last day. */
function month(today: IsoDate, shift: number): { key: string; first: IsoDate; last: IsoDate } {
  const { year, month: m } = dateParts(today)!;
  const index = year * 12 + (m - 1) + shift;
  const y = Math.floor(index / 12);
  const mm = (index % 12) + 1;
  return { key: `${y}-${String(mm).padStart(2, '0')}`, first: formatDate(y, mm, 1), last: formatDate(y, mm, daysInMonth(y, mm)) };
}

/**
 * Three campaigns of the demo company's marketing team: an in-house one that ended last month (Email 84/1,200,
 * Zalo 96/800, SMS 40/2,000 → 220/4,000 = 5.5 % overall, with before/after awareness surveys 120/400 → 152/400),
 * a product launch running through the agency Sao Việt Media, and a draft without targets yet.
 */
export async function seedDemoMarketing(store: Store, today: IsoDate): Promise<void> {
  const actor = SYSTEM_ACTOR;
  const ids = new Map<string, number>();
  for (const [code, name] of CHANNELS) ids.set(code, (await createChannel(store, actor, { code, name })).id);
  const ch = (code: string) => ids.get(code)!;
  const owner = (await store.people.findByEmails(['truong.mkt@minhan.vn']))[0]?.id ?? null;
  const agency = await store.users.create({ email: DEMO_AGENCY_LOGIN.email, name: DEMO_AGENCY_LOGIN.name, passwordHash: (await store.users.findByEmail('admin@minhan.vn'))!.passwordHash, role: 'agency', locale: 'vi' });
  const [m2, m1, m0, n1, n2] = [month(today, -2), month(today, -1), month(today, 0), month(today, 1), month(today, 2)];
  const target = (channelId: number, responseRateTarget: number, cpaTarget: number | null = null, roasTarget: number | null = null) => ({
    channelId,
    responseRateTarget,
    costPerResponseTarget: null,
    cpaTarget,
    roasTarget,
  });

  const tet = await createCampaign(store, actor, {
    code: 'CSKH-TRI-AN',
    name: 'Tri ân khách hàng thân thiết',
    startDate: m2.first,
    endDate: m1.last,
    budget: 30_000_000,
    ownerPersonId: owner,
    delivery: 'in_house',
    agencyName: null,
    channels: [target(ch('EMAIL'), 0.06, 300_000, 5), target(ch('ZALO'), 0.1, 300_000, 5), target(ch('SMS'), 0.03, 1_000_000, 1.5)],
    agencyUserIds: [],
  });
  await changeCampaignStatus(store, actor, tet.id, 'running');
  // Two months per channel; their sums are the worked example of docs/marketing.md.
  const row = (channelId: number, period: string, v: [number, number, number, number, number]): ResultWrite => ({
    channelId,
    period,
    recipients: v[0],
    responses: v[1],
    cost: v[2],
    acquisitions: v[3],
    revenue: v[4],
  });
  await reportResults(store, actor, tet.id, [
    row(ch('EMAIL'), m2.key, [700, 50, 3_500_000, 12, 24_000_000]),
    row(ch('EMAIL'), m1.key, [500, 34, 2_500_000, 9, 18_000_000]),
    row(ch('ZALO'), m2.key, [350, 40, 3_000_000, 14, 28_000_000]),
    row(ch('ZALO'), m1.key, [450, 56, 5_000_000, 18, 36_000_000]),
    row(ch('SMS'), m2.key, [900, 15, 4_500_000, 3, 4_500_000]),
    row(ch('SMS'), m1.key, [1_100, 25, 5_500_000, 5, 7_500_000]),
  ]);
  await setSurvey(store, actor, tet.id, { phase: 'before', takenOn: m2.first, aware: 120, asked: 400 });
  await setSurvey(store, actor, tet.id, { phase: 'after', takenOn: m1.last, aware: 152, asked: 400 });
  await changeCampaignStatus(store, actor, tet.id, 'ended');

  const launch = await createCampaign(store, actor, {
    code: 'RA-MAT-SP',
    name: 'Ra mắt dòng sản phẩm mới',
    startDate: m1.first,
    endDate: n1.last,
    budget: 120_000_000,
    ownerPersonId: owner,
    delivery: 'agency',
    agencyName: DEMO_AGENCY_LOGIN.name,
    channels: [target(ch('FACEBOOK'), 0.03, 400_000, 4), target(ch('WEBSITE'), 0.02, 500_000, 4)],
    agencyUserIds: [agency.id],
  });
  await changeCampaignStatus(store, actor, launch.id, 'running');
  await reportResults(store, actor, launch.id, [
    row(ch('FACEBOOK'), m1.key, [6_000, 180, 15_000_000, 45, 90_000_000]),
    row(ch('WEBSITE'), m1.key, [4_000, 60, 5_000_000, 12, 30_000_000]),
    row(ch('FACEBOOK'), m0.key, [3_000, 84, 8_000_000, 20, 42_000_000]),
  ]);
  await setSurvey(store, actor, launch.id, { phase: 'before', takenOn: m1.first, aware: 45, asked: 300 });

  await createCampaign(store, actor, {
    code: 'HOI-CHO-CUOI-NAM',
    name: 'Hội chợ cuối năm',
    startDate: n1.first,
    endDate: n2.last,
    budget: 50_000_000,
    ownerPersonId: owner,
    delivery: 'in_house',
    agencyName: null,
    channels: [{ ...target(ch('EVENTS'), 0.05), responseRateTarget: null }, { ...target(ch('HOTLINE'), 0.2) }],
    agencyUserIds: [],
  });
  // With the orders dataset (a demo with history): KPIs bound to it and the funnel wired up to REVENUE.
  await seedDataKpis(store, today);
}
