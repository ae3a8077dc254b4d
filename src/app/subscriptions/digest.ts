import { parsePeriod, previousPeriod } from '../../core/period';
import type { Actor } from '../actor';
import { getScorecard, type ScorecardItem } from '../evaluation/scorecard';
import type { Store, TargetScope } from '../ports';
import { buildDigest, type Digest, type DigestKpiInput } from './digest-rules';

export interface DigestView extends Digest {
  period: { key: string; start: string; end: string; inProgress: boolean };
  previousPeriod: string;
  scope: TargetScope;
}

const input = (k: ScorecardItem): DigestKpiInput => ({
  code: k.code,
  name: k.name,
  nameEn: k.nameEn,
  target: k.target,
  actual: k.actual,
  achievement: k.achievement,
  status: k.status,
  inProgress: k.inProgress,
});

/** The management digest of a scope and period (numbers.read on the scope, like the scorecard it is made of). */
export async function getDigest(store: Store, actor: Actor, q: { period?: string | undefined; scope: TargetScope; now: Date }): Promise<DigestView> {
  const current = await getScorecard(store, actor, { period: q.period, scope: q.scope, now: q.now });
  const previousKey = previousPeriod(parsePeriod(current.period.key)).key;
  const previous = await getScorecard(store, actor, { period: previousKey, scope: q.scope, now: q.now });
  const reasons = await store.subscriptions.missReasons(q.scope, current.period.key);
  const digest = buildDigest(current.items.map(input), previous.items.map(input), reasons);
  const { key, start, end, inProgress } = current.period;
  return { period: { key, start, end, inProgress }, previousPeriod: previousKey, scope: q.scope, ...digest };
}
