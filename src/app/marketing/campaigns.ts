import { checkStatusChange, type CampaignStatus } from '../../core/marketing/campaign';
import { DomainError, issue, type Issue } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { COMPANY, policy } from '../policy';
import type { Store } from '../ports';
import { campaignFor, campaignTarget } from './campaign-access';
import type { Campaign, CampaignWrite } from './ports';

/** The campaigns the actor may read: all of them for staff, the assigned ones for an agency login. */
export async function listCampaigns(store: Store, actor: Actor): Promise<Campaign[]> {
  policy.requireAtAll(actor, 'marketing.read');
  return (await store.marketing.listCampaigns()).filter((c) => policy.can(actor, 'marketing.read', campaignTarget(c)));
}

export async function createCampaign(store: Store, actor: Actor, input: CampaignWrite): Promise<Campaign> {
  policy.require(actor, 'marketing.manage', COMPANY);
  return store.transaction(async (tx) => {
    await checkWrite(tx, input, null);
    const id = await tx.marketing.createCampaign(input);
    const created = (await tx.marketing.getCampaign(id))!;
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'campaign', entityId: String(id), before: null, after: created }]);
    return created;
  });
}

export async function updateCampaign(store: Store, actor: Actor, id: number, input: CampaignWrite): Promise<Campaign> {
  await campaignFor(store, actor, id, 'marketing.manage');
  return store.transaction(async (tx) => {
    const before = (await tx.marketing.getCampaign(id))!;
    await checkWrite(tx, input, before);
    await tx.marketing.updateCampaign(id, input);
    const after = (await tx.marketing.getCampaign(id))!;
    if (after.status === 'running') checkStatusChange({ ...after, status: 'draft' }, 'running');
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'campaign', entityId: String(id), before, after }]);
    return after;
  });
}

/** Draft → planned → running → ended; starting is refused (422 CAMPAIGN_NOT_READY) until every channel has its targets. */
export async function changeCampaignStatus(store: Store, actor: Actor, id: number, status: CampaignStatus): Promise<Campaign> {
  await campaignFor(store, actor, id, 'marketing.manage');
  return store.transaction(async (tx) => {
    const before = (await tx.marketing.getCampaign(id))!;
    checkStatusChange(before, status);
    await tx.marketing.setStatus(id, status);
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'campaign', entityId: String(id), before: { status: before.status }, after: { status } }]);
    return { ...before, status };
  });
}

/** Every reference a campaign write makes must exist and fit; all problems are listed at once. */
async function checkWrite(store: Store, c: CampaignWrite, existing: Campaign | null): Promise<void> {
  const issues: Issue[] = [];
  if (await store.marketing.campaignCodeTaken(c.code, existing?.id ?? null)) {
    issues.push(issue('code', 'CAMPAIGN_CODE_TAKEN', `Mã chiến dịch ${c.code} đã được dùng`, `The campaign code ${c.code} is already used`));
  }
  if (c.endDate < c.startDate) issues.push(issue('endDate', 'END_BEFORE_START', 'Ngày kết thúc trước ngày bắt đầu', 'The end date is before the start date'));
  if (c.delivery === 'agency' && !c.agencyName) {
    issues.push(issue('agencyName', 'AGENCY_NAME_MISSING', 'Chiến dịch qua đại lý cần tên đại lý', 'A campaign run by an agency needs the agency name'));
  }
  if (c.delivery === 'in_house' && (c.agencyName || c.agencyUserIds.length > 0)) {
    issues.push(issue('delivery', 'NOT_AN_AGENCY_CAMPAIGN', 'Chiến dịch tự thực hiện không có đại lý', 'An in-house campaign has no agency'));
  }
  if (c.ownerPersonId !== null && !(await store.people.findById(c.ownerPersonId))) {
    issues.push(issue('ownerPersonId', 'PERSON_NOT_FOUND', `Không tìm thấy nhân sự #${c.ownerPersonId}`, `Person #${c.ownerPersonId} was not found`));
  }
  const ids = c.channels.map((ch) => ch.channelId);
  const known = new Set((await store.marketing.channelsByIds(ids)).map((ch) => ch.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) issues.push(issue(`channels.${i}.channelId`, 'CHANNEL_NOT_FOUND', `Không tìm thấy kênh #${id}`, `Channel #${id} was not found`));
    else if (ids.indexOf(id) !== i) issues.push(issue(`channels.${i}.channelId`, 'CHANNEL_REPEATED', `Kênh #${id} bị lặp`, `Channel #${id} is listed twice`));
  });
  if (existing) {
    for (const id of await store.marketing.channelsWithResults(existing.id)) {
      if (!ids.includes(id)) {
        const name = existing.channels.find((ch) => ch.channelId === id)?.channelName ?? `#${id}`;
        issues.push(issue('channels', 'CHANNEL_HAS_RESULTS', `Kênh ${name} đã có kết quả: không thể bỏ`, `Channel ${name} has results: it cannot be removed`));
      }
    }
  }
  for (const [i, userId] of c.agencyUserIds.entries()) {
    const user = await store.users.findById(userId);
    if (!user || user.role !== 'agency') {
      issues.push(issue(`agencyUserIds.${i}`, 'NOT_AN_AGENCY_LOGIN', `Tài khoản #${userId} không phải tài khoản đại lý`, `Login #${userId} is not an agency login`));
    }
  }
  if (issues.length > 0) {
    throw new DomainError('CAMPAIGN_INVALID', { vi: `Chiến dịch chưa hợp lệ: ${issues[0]!.message.vi}.`, en: `The campaign is not valid: ${issues[0]!.message.en}.` }, { issues });
  }
}
