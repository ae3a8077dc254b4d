import { api, query } from '../../api';
import type { CreateSubscriptionBodyT, DigestResponseT, SubscriptionListT, SubscriptionT } from '../../../contract/subscriptions';

export type { DigestResponseT, SubscriptionT };

export const listSubscriptions = () => api<SubscriptionListT>('GET', '/api/subscriptions');
export const createSubscription = (body: CreateSubscriptionBodyT) => api<SubscriptionT>('POST', '/api/subscriptions', body);
export const deleteSubscription = (id: number) => api<{ ok: true }>('DELETE', `/api/subscriptions/${id}`);
export const getDigest = (period: string, scope: string) => api<DigestResponseT>('GET', `/api/reports/digest${query({ period, scope })}`);
