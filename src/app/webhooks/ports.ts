export interface Webhook {
  id: number;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface WebhookWrite {
  name: string;
  url: string;
  events: string[];
  active: boolean;
}

export interface WebhookDelivery {
  id: string;
  webhookId: number;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  responseCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** A delivery claimed for sending, with where and how to sign it. */
export interface DueDelivery {
  id: string;
  event: string;
  payload: unknown;
  createdAt: string;
  attempts: number;
  url: string;
  secret: string;
}

/** Webhooks, their secrets and the delivery log. */
export interface WebhooksStore {
  list(): Promise<Webhook[]>;
  findById(id: number): Promise<Webhook | null>;
  secretOf(id: number): Promise<string | null>;
  create(w: WebhookWrite & { secret: string }): Promise<Webhook>;
  /** `secret` left out keeps the stored one. */
  update(id: number, w: WebhookWrite & { secret?: string | undefined }, now: Date): Promise<Webhook | null>;
  delete(id: number): Promise<boolean>;
  /** Active webhooks subscribed to the event. */
  activeFor(event: string): Promise<{ id: number }[]>;
  /** Queues a delivery created at `now`, first due at `dueAt` (default now). */
  enqueue(d: { webhookId: number; event: string; payload: unknown }, now: Date, dueAt?: Date): Promise<string>;
  /** Claims due pending deliveries (FOR UPDATE SKIP LOCKED) by moving their next attempt to `leaseUntil`. */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]>;
  markDelivered(id: string, responseCode: number, now: Date): Promise<void>;
  /** A failed attempt: the response code if any, the error, and the next attempt (null = give up). */
  markFailed(id: string, responseCode: number | null, error: string, nextAttemptAt: Date | null): Promise<void>;
  deliveries(webhookId: number, limit: number): Promise<WebhookDelivery[]>;
}
