import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { COMPANY, policy } from '../policy';
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
