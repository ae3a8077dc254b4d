import type { MissReasonInput } from './digest-rules';

export type SubscriptionReport = 'scorecard' | 'diagnostics' | 'late-measurements' | 'digest';
export type SubscriptionCadence = 'weekly' | 'monthly';
export type SubscriptionFormat = 'pdf' | 'xlsx';

export interface Subscription {
  id: number;
  userId: number;
  report: SubscriptionReport;
  cadence: SubscriptionCadence;
  format: SubscriptionFormat;
  /** `company`, `unit:<id>` or `person:<id>`. */
  scope: string;
  lastSentKey: string | null;
  createdAt: Date;
}

export type NewSubscription = Pick<Subscription, 'userId' | 'report' | 'cadence' | 'format' | 'scope'>;

/** Report subscriptions and what the digest reads besides the scorecard. */
export interface SubscriptionsStore {
  listOfUser(userId: number): Promise<Subscription[]>;
  /** Null when the user already has this report, cadence and scope. */
  create(s: NewSubscription): Promise<Subscription | null>;
  /** Deletes the user's own subscription; false when there is none with this id for them. */
  deleteOwn(userId: number, id: number): Promise<boolean>;
  listByCadence(cadence: SubscriptionCadence): Promise<Subscription[]>;
  /**
   * Claims a subscription for a run: sets last_sent_key = key unless it already is, in one statement, so two
   * runners at once claim it once. Call it inside the transaction that sends.
   */
  claim(id: number, key: string): Promise<boolean>;
  /** Recorded miss reasons of a scope and period, by KPI code. */
  missReasons(scope: { type: 'company' | 'unit' | 'person'; id: number | null }, periodKey: string): Promise<Map<string, MissReasonInput[]>>;
}
