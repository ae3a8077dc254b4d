import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { liftForActor, sampleSizeForActor } from '../../app/datasets/awareness-lift';
import { datasetCohorts, datasetRepeatShare } from '../../app/datasets/dataset-cohorts';
import { queryDataset } from '../../app/datasets/query-dataset';
import {
  CohortBody,
  CohortResult,
  DatasetQueryParams,
  LiftBody,
  LiftResult,
  MeasureQueryBody,
  MeasureQueryResult,
  RepeatShareBody,
  RepeatShareResult,
  SampleSizeBody,
  SampleSizeResult,
} from '../../contract/dataset-queries';
import { requireActor, type ServerDeps } from '../context';

/** Measures, cohorts and repeat share over a dataset (one SQL statement each), and the awareness lift calculator. */
export function datasetQueryRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const schema = { tags: ['datasets'], params: DatasetQueryParams };
    app.post('/datasets/:name/query', { schema: { ...schema, body: MeasureQueryBody, response: { 200: MeasureQueryResult } } }, async (req) =>
      queryDataset(store, requireActor(req), req.params.name, req.body),
    );
    app.post('/datasets/:name/cohorts', { schema: { ...schema, body: CohortBody, response: { 200: CohortResult } } }, async (req) => {
      const { within, ...rest } = req.body;
      return datasetCohorts(store, requireActor(req), req.params.name, { ...rest, withinDays: within });
    });
    app.post('/datasets/:name/repeat-share', { schema: { ...schema, body: RepeatShareBody, response: { 200: RepeatShareResult } } }, async (req) =>
      datasetRepeatShare(store, requireActor(req), req.params.name, req.body),
    );
    app.post('/lift', { schema: { tags: ['datasets'], body: LiftBody, response: { 200: LiftResult } } }, async (req) => {
      const r = liftForActor(requireActor(req), req.body.before, req.body.after, req.body.confidence);
      const lang = req.lang;
      return { ...r, warnings: r.warnings.map((w) => ({ code: w.code, message: w.message[lang] })), message: r.message[lang] };
    });
    app.post('/lift/sample-size', { schema: { tags: ['datasets'], body: SampleSizeBody, response: { 200: SampleSizeResult } } }, async (req) =>
      sampleSizeForActor(requireActor(req), req.body),
    );
  };
}
