import { awarenessLift, type LiftResult, type SurveyCount } from '../../core/dataset/lift';
import { sampleSizePerGroup, type SampleSizeRequest } from '../../core/dataset/sample-size';
import type { Actor } from '../actor';
import { COMPANY, policy } from '../policy';

/** Awareness lift between two surveys, for those who may read the company's data. */
export function liftForActor(actor: Actor, before: SurveyCount, after: SurveyCount, confidence?: number): LiftResult {
  policy.require(actor, 'dataset.read', COMPANY);
  return awarenessLift(before, after, confidence);
}

export function sampleSizeForActor(actor: Actor, request: SampleSizeRequest): { perSurvey: number } {
  policy.require(actor, 'dataset.read', COMPANY);
  return { perSurvey: sampleSizePerGroup(request) };
}
