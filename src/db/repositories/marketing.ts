import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Campaign, ChannelTotals, MarketingStore, ResultTotals } from '../../app/marketing/ports';
import type { DB } from '../schema';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** The sums and the KPIs computed from them: ratio of sums, divisions by zero are null. */
const TOTALS = sql`
  coalesce(sum(r.recipients), 0)::text AS recipients, coalesce(sum(r.responses), 0)::text AS responses,
  coalesce(sum(r.cost), 0)::text AS cost, coalesce(sum(r.acquisitions), 0)::text AS acquisitions,
  coalesce(sum(r.revenue), 0)::text AS revenue,
  (sum(r.responses)::numeric / nullif(sum(r.recipients), 0))::text AS response_rate,
  (sum(r.cost) / nullif(sum(r.responses), 0))::text AS cost_per_response,
  (sum(r.cost) / nullif(sum(r.acquisitions), 0))::text AS cost_per_acquisition,
  (sum(r.revenue) / nullif(sum(r.cost), 0))::text AS roas`;

interface TotalsRow {
  recipients: string;
  responses: string;
  cost: string;
  acquisitions: string;
  revenue: string;
  response_rate: string | null;
  cost_per_response: string | null;
  cost_per_acquisition: string | null;
  roas: string | null;
}

function totals(r: TotalsRow): ResultTotals {
  return {
    recipients: Number(r.recipients),
    responses: Number(r.responses),
    cost: Number(r.cost),
    acquisitions: Number(r.acquisitions),
    revenue: Number(r.revenue),
    responseRate: num(r.response_rate),
    costPerResponse: num(r.cost_per_response),
    costPerAcquisition: num(r.cost_per_acquisition),
    roas: num(r.roas),
  };
}

const EMPTY: TotalsRow = { recipients: '0', responses: '0', cost: '0', acquisitions: '0', revenue: '0', response_rate: null, cost_per_response: null, cost_per_acquisition: null, roas: null };

/**
 * Channels (every channel the selection covers, even without results) with their sums, plus the total row of the
 * ROLLUP (channel id NULL): the total is the ratio of the overall sums, never a mean of the channels' ratios.
 */
async function byChannel(db: Kysely<DB>, channels: RawBuilder<unknown>, results: RawBuilder<unknown>): Promise<{ channels: ChannelTotals[]; total: ResultTotals }> {
  const rows = await sql<TotalsRow & { channel_id: number | null; code: string | null; name: string | null }>`
    WITH ch AS (${channels}), r AS (${results})
    SELECT ch.id AS channel_id, min(ch.code) AS code, min(ch.name) AS name, ${TOTALS}
      FROM ch LEFT JOIN r ON r.channel_id = ch.id
     GROUP BY ROLLUP (ch.id)
     ORDER BY ch.id NULLS LAST`.execute(db);
  const list = rows.rows.filter((r) => r.channel_id !== null).map((r) => ({ channelId: r.channel_id!, code: r.code!, name: r.name!, ...totals(r) }));
  return { channels: list, total: totals(rows.rows.find((r) => r.channel_id === null) ?? EMPTY) };
}

export function marketingRepo(db: Kysely<DB>): MarketingStore {
  async function loadCampaigns(id: number | null): Promise<Campaign[]> {
    let q = db
      .selectFrom('campaigns as c')
      .leftJoin('people as p', 'p.id', 'c.owner_person_id')
      .select([
        'c.id',
        'c.code',
        'c.name',
        'c.start_date',
        'c.end_date',
        'c.budget',
        'c.owner_person_id',
        'p.full_name as owner_name',
        'c.delivery',
        'c.agency_name',
        'c.status',
      ])
      .orderBy('c.start_date', 'desc')
      .orderBy('c.id');
    if (id !== null) q = q.where('c.id', '=', id);
    const rows = await q.execute();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const channels = await db
      .selectFrom('campaign_channels as cc')
      .innerJoin('marketing_channels as m', 'm.id', 'cc.channel_id')
      .select(['cc.campaign_id', 'cc.channel_id', 'm.name', 'cc.response_rate_target', 'cc.cost_per_response_target', 'cc.cpa_target', 'cc.roas_target'])
      .where('cc.campaign_id', 'in', ids)
      .orderBy('cc.channel_id')
      .execute();
    const agencies = await db.selectFrom('campaign_agency_users').select(['campaign_id', 'user_id']).where('campaign_id', 'in', ids).orderBy('user_id').execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      startDate: r.start_date,
      endDate: r.end_date,
      budget: Number(r.budget),
      ownerPersonId: r.owner_person_id,
      ownerName: r.owner_name,
      delivery: r.delivery,
      agencyName: r.agency_name,
      status: r.status,
      channels: channels
        .filter((c) => c.campaign_id === r.id)
        .map((c) => ({
          channelId: c.channel_id,
          channelName: c.name,
          responseRateTarget: num(c.response_rate_target),
          costPerResponseTarget: num(c.cost_per_response_target),
          cpaTarget: num(c.cpa_target),
          roasTarget: num(c.roas_target),
        })),
      agencyUserIds: agencies.filter((a) => a.campaign_id === r.id).map((a) => a.user_id),
    }));
  }

  async function writeChildren(id: number, c: Parameters<MarketingStore['createCampaign']>[0]): Promise<void> {
    const keep = c.channels.map((ch) => ch.channelId);
    let del = db.deleteFrom('campaign_channels').where('campaign_id', '=', id);
    if (keep.length > 0) del = del.where('channel_id', 'not in', keep);
    await del.execute();
    if (c.channels.length > 0) {
      await db
        .insertInto('campaign_channels')
        .values(
          c.channels.map((ch) => ({
            campaign_id: id,
            channel_id: ch.channelId,
            response_rate_target: ch.responseRateTarget,
            cost_per_response_target: ch.costPerResponseTarget,
            cpa_target: ch.cpaTarget,
            roas_target: ch.roasTarget,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['campaign_id', 'channel_id']).doUpdateSet((eb) => ({
            response_rate_target: eb.ref('excluded.response_rate_target'),
            cost_per_response_target: eb.ref('excluded.cost_per_response_target'),
            cpa_target: eb.ref('excluded.cpa_target'),
            roas_target: eb.ref('excluded.roas_target'),
          })),
        )
        .execute();
    }
    await db.deleteFrom('campaign_agency_users').where('campaign_id', '=', id).execute();
    if (c.agencyUserIds.length > 0) {
      await db
        .insertInto('campaign_agency_users')
        .values(c.agencyUserIds.map((u) => ({ campaign_id: id, user_id: u })))
        .execute();
    }
  }

  const columns = (c: Parameters<MarketingStore['createCampaign']>[0]) => ({
    code: c.code,
    name: c.name,
    start_date: c.startDate,
    end_date: c.endDate,
    budget: c.budget,
    owner_person_id: c.ownerPersonId,
    delivery: c.delivery,
    agency_name: c.agencyName,
  });

  return {
    async listChannels() {
      return db.selectFrom('marketing_channels').select(['id', 'code', 'name']).orderBy('id').execute();
    },
    async channelsByIds(ids) {
      if (ids.length === 0) return [];
      return db.selectFrom('marketing_channels').select(['id', 'code', 'name']).where('id', 'in', ids).orderBy('id').execute();
    },
    async createChannel(c) {
      return db.insertInto('marketing_channels').values(c).returning(['id', 'code', 'name']).executeTakeFirstOrThrow();
    },
    async renameChannel(id, name) {
      return (await db.updateTable('marketing_channels').set({ name }).where('id', '=', id).returning(['id', 'code', 'name']).executeTakeFirst()) ?? null;
    },
    async channelCodeTaken(code) {
      return (await db.selectFrom('marketing_channels').select('id').where(sql`lower(code)`, '=', code.toLowerCase()).executeTakeFirst()) !== undefined;
    },
    listCampaigns: () => loadCampaigns(null),
    async getCampaign(id) {
      return (await loadCampaigns(id))[0] ?? null;
    },
    async campaignCodeTaken(code, exceptId) {
      let q = db.selectFrom('campaigns').select('id').where(sql`lower(code)`, '=', code.toLowerCase());
      if (exceptId !== null) q = q.where('id', '<>', exceptId);
      return (await q.executeTakeFirst()) !== undefined;
    },
    async createCampaign(c) {
      const { id } = await db.insertInto('campaigns').values(columns(c)).returning('id').executeTakeFirstOrThrow();
      await writeChildren(id, c);
      return id;
    },
    async updateCampaign(id, c) {
      await db
        .updateTable('campaigns')
        .set({ ...columns(c), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await writeChildren(id, c);
    },
    async setStatus(id, status) {
      await db.updateTable('campaigns').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
    },
    async channelsWithResults(campaignId) {
      const rows = await db.selectFrom('campaign_results').select('channel_id').distinct().where('campaign_id', '=', campaignId).execute();
      return rows.map((r) => r.channel_id);
    },
    async writeResults(campaignId, rows, userId) {
      if (rows.length === 0) return;
      await db
        .insertInto('campaign_results')
        .values(
          rows.map((r) => ({
            campaign_id: campaignId,
            channel_id: r.channelId,
            period: r.period,
            recipients: r.recipients,
            responses: r.responses,
            cost: r.cost,
            acquisitions: r.acquisitions,
            revenue: r.revenue,
            updated_by: userId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['campaign_id', 'channel_id', 'period']).doUpdateSet((eb) => ({
            recipients: eb.ref('excluded.recipients'),
            responses: eb.ref('excluded.responses'),
            cost: eb.ref('excluded.cost'),
            acquisitions: eb.ref('excluded.acquisitions'),
            revenue: eb.ref('excluded.revenue'),
            updated_by: eb.ref('excluded.updated_by'),
            updated_at: new Date(),
          })),
        )
        .execute();
    },
    campaignTotals(campaignId) {
      return byChannel(
        db,
        sql`SELECT m.id, m.code, m.name FROM marketing_channels m JOIN campaign_channels cc ON cc.channel_id = m.id AND cc.campaign_id = ${campaignId}`,
        sql`SELECT * FROM campaign_results WHERE campaign_id = ${campaignId}`,
      );
    },
    async campaignResults(campaignId) {
      const rows = await sql<{ channel_id: number; period: string; recipients: string; responses: string; cost: string; acquisitions: string; revenue: string; response_rate: string | null; roas: string | null }>`
        SELECT channel_id, period, recipients::text, responses::text, cost::text, acquisitions::text, revenue::text,
               (responses::numeric / nullif(recipients, 0))::text AS response_rate, (revenue / nullif(cost, 0))::text AS roas
          FROM campaign_results WHERE campaign_id = ${campaignId} ORDER BY period, channel_id`.execute(db);
      return rows.rows.map((r) => ({
        channelId: r.channel_id,
        period: r.period,
        recipients: Number(r.recipients),
        responses: Number(r.responses),
        cost: Number(r.cost),
        acquisitions: Number(r.acquisitions),
        revenue: Number(r.revenue),
        responseRate: num(r.response_rate),
        roas: num(r.roas),
      }));
    },
    channelComparison(f) {
      const conditions = [sql`true`];
      if (f.from) conditions.push(sql`period >= ${f.from}`);
      if (f.to) conditions.push(sql`period <= ${f.to}`);
      if (f.campaignIds) conditions.push(f.campaignIds.length === 0 ? sql`false` : sql`campaign_id IN (${sql.join(f.campaignIds)})`);
      return byChannel(db, sql`SELECT id, code, name FROM marketing_channels`, sql`SELECT * FROM campaign_results WHERE ${sql.join(conditions, sql` AND `)}`);
    },
    async surveys(campaignId) {
      const rows = await db.selectFrom('awareness_surveys').select(['phase', 'taken_on', 'aware', 'asked']).where('campaign_id', '=', campaignId).orderBy('phase', 'desc').execute();
      return rows.map((r) => ({ phase: r.phase, takenOn: r.taken_on, aware: r.aware, asked: r.asked }));
    },
    async setSurvey(campaignId, s, userId) {
      await db
        .insertInto('awareness_surveys')
        .values({ campaign_id: campaignId, phase: s.phase, taken_on: s.takenOn, aware: s.aware, asked: s.asked, updated_by: userId })
        .onConflict((oc) =>
          oc.columns(['campaign_id', 'phase']).doUpdateSet({ taken_on: s.takenOn, aware: s.aware, asked: s.asked, updated_by: userId, updated_at: new Date() }),
        )
        .execute();
    },
  };
}
