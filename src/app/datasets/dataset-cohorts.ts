import { planCohort, planRepeatShare, type CohortRequest, type RepeatShareRequest } from '../../core/dataset/cohort';
import type { Actor } from '../actor';
import { getCompany } from '../company/company';
import type { Store } from '../ports';
import type { CohortCount } from './ports';
import { readableDataset } from './query-dataset';

export interface CohortRow {
  cohort: string;
  customers: number;
  returning: number;
  /** returning ÷ customers. */
  rate: number;
  /** With `firstBy`: the value on the customer's first event (e.g. the channel of the first order). */
  first?: string | null;
}

export interface RepeatShareRow {
  period: string;
  /** Customers with an event in the period. */
  customers: number;
  /** Of them, those whose first event was before the period. */
  repeat: number;
  share: number;
}

/** Returning customers by cohort of first event (see core/dataset/cohort.ts for the definition). */
export async function datasetCohorts(store: Store, actor: Actor, name: string, request: CohortRequest): Promise<{ rows: CohortRow[] }> {
  const dataset = await readableDataset(store, actor, name);
  const plan = planCohort(dataset, request);
  const { timezone } = await getCompany(store);
  const counts = await store.datasetQueries.cohorts(plan, timezone);
  return {
    rows: counts.map((c) => ({ cohort: c.period, ...(c.first !== undefined && { first: c.first }), customers: c.customers, returning: c.returning, rate: rate(c) })),
  };
}

/** Per period, the share of active customers who had an event before it. */
export async function datasetRepeatShare(store: Store, actor: Actor, name: string, request: RepeatShareRequest): Promise<{ rows: RepeatShareRow[] }> {
  const dataset = await readableDataset(store, actor, name);
  const plan = planRepeatShare(dataset, request);
  const { timezone } = await getCompany(store);
  const counts = await store.datasetQueries.repeatShare(plan, timezone);
  return { rows: counts.map((c) => ({ period: c.period, customers: c.customers, repeat: c.returning, share: rate(c) })) };
}

const rate = (c: CohortCount) => (c.customers === 0 ? 0 : c.returning / c.customers);
