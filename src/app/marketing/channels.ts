import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { COMPANY, notFound, policy } from '../policy';
import type { Store } from '../ports';
import type { Channel } from './ports';

/** The company's marketing channels (a company-wide list: agencies see only their campaigns' channels). */
export async function listChannels(store: Store, actor: Actor): Promise<Channel[]> {
  policy.require(actor, 'marketing.read', COMPANY);
  return store.marketing.listChannels();
}

export async function createChannel(store: Store, actor: Actor, input: { code: string; name: string }): Promise<Channel> {
  policy.require(actor, 'marketing.manage', COMPANY);
  return store.transaction(async (tx) => {
    if (await tx.marketing.channelCodeTaken(input.code)) {
      throw new DomainError('CHANNEL_CODE_TAKEN', { vi: `Mã kênh ${input.code} đã được dùng.`, en: `The channel code ${input.code} is already used.` });
    }
    const channel = await tx.marketing.createChannel(input);
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'marketing_channel', entityId: String(channel.id), before: null, after: channel }]);
    return channel;
  });
}

/** A channel's new name (its code stays: results and imports refer to it). */
export async function renameChannel(store: Store, actor: Actor, id: number, name: string): Promise<Channel> {
  policy.require(actor, 'marketing.manage', COMPANY);
  return store.transaction(async (tx) => {
    const before = (await tx.marketing.channelsByIds([id]))[0];
    if (!before) throw notFound({ vi: 'kênh', en: 'Channel' }, id);
    const channel = (await tx.marketing.renameChannel(id, name))!;
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'marketing_channel', entityId: String(id), before, after: channel }]);
    return channel;
  });
}
