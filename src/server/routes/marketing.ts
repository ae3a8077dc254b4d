import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignFor } from '../../app/marketing/campaign-access';
import { campaignDetail } from '../../app/marketing/campaign-detail';
import { importResults } from '../../app/marketing/import-results';
import { importSurvey } from '../../app/marketing/import-survey';
import { isValidDate } from '../../core/period/dates';
import { changeCampaignStatus, createCampaign, listCampaigns, updateCampaign } from '../../app/marketing/campaigns';
import { createChannel, listChannels, renameChannel } from '../../app/marketing/channels';
import { channelComparison, reportResults } from '../../app/marketing/results';
import { campaignAwareness, setSurvey, type CampaignAwareness } from '../../app/marketing/surveys';
import { campaignSampleSize } from '../../app/marketing/sample-size';
import { SampleSizeBody, SampleSizeResult } from '../../contract/dataset-queries';
import { DomainError, issue, type Lang } from '../../core/errors';
import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../contract/common';
import {
  Awareness,
  AwarenessQuery,
  Campaign,
  CampaignBody,
  CampaignDetail,
  CampaignList,
  Channel,
  ChannelBody,
  ChannelList,
  ChannelRenameBody,
  Comparison,
  ComparisonQuery,
  ResultsBody,
  ResultsWritten,
  StatusBody,
  SurveyBody,
  SurveyParams,
} from '../../contract/marketing';
import { requireActor, type ServerDeps } from '../context';
import { readingUpload } from './upload-body';

const SURVEY_UPLOAD = {
  file: 'CSV or XLSX of respondents: one row per person asked, a yes/no column "biết đến" / "aware" (có/không, yes/no, 1/0).',
  fields: { takenOn: 'The survey date, YYYY-MM-DD.' },
};
const RESULTS_UPLOAD = { file: 'CSV or XLSX of monthly results: kênh/channel, tháng/period, người nhận/recipients, phản hồi/responses, chi phí/cost, khách hàng mới/acquisitions, doanh thu/revenue.' };

/** The `file` part of a multipart body (other parts are drained). */
async function readFile(req: FastifyRequest, fields: Record<string, string> = {}): Promise<{ name: string; data: Buffer }> {
  let file: { name: string; data: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type !== 'file') {
      if (typeof part.value === 'string' && part.fieldname.length < 40) fields[part.fieldname] = part.value;
      continue;
    }
    const data = await part.toBuffer();
    if (part.fieldname === 'file') file = { name: part.filename, data };
  }
  if (!file) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' }, { issues: [issue('file', 'required', 'Hãy chọn một tệp CSV hoặc XLSX (trường "file").', 'Choose a CSV or XLSX file (field "file").')] });
  }
  return file;
}


/** The lift's texts in the request's language. */
function presentAwareness(a: CampaignAwareness, lang: Lang) {
  const lift = a.lift && { ...a.lift, warnings: a.lift.warnings.map((w) => ({ code: w.code, message: w.message[lang] })), message: a.lift.message[lang] };
  return { before: a.before, after: a.after, lift };
}

/** Marketing: channels, campaigns with per-channel targets and results, channel comparison, awareness surveys. */
export function marketingRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const tags = ['marketing'];
    app.get('/marketing/channels', { schema: { tags, response: { 200: ChannelList } } }, async (req) => ({ items: await listChannels(store, requireActor(req)) }));
    app.post('/marketing/channels', { schema: { tags, body: ChannelBody, response: { 201: Channel } } }, async (req, reply) => {
      reply.code(201);
      return createChannel(store, requireActor(req), req.body);
    });
    app.put('/marketing/channels/:id', { schema: { tags, params: IdParams, body: ChannelRenameBody, response: { 200: Channel } } }, async (req) =>
      renameChannel(store, requireActor(req), req.params.id, req.body.name),
    );
    app.get('/marketing/channel-comparison', { schema: { tags, querystring: ComparisonQuery, response: { 200: Comparison } } }, async (req) =>
      channelComparison(store, requireActor(req), { from: req.query.from, to: req.query.to, campaignIds: req.query.campaign === undefined ? undefined : [req.query.campaign] }),
    );
    app.get('/campaigns', { schema: { tags, response: { 200: CampaignList } } }, async (req) => ({ items: await listCampaigns(store, requireActor(req)) }));
    app.post('/campaigns', { schema: { tags, body: CampaignBody, response: { 201: Campaign } } }, async (req, reply) => {
      reply.code(201);
      return createCampaign(store, requireActor(req), req.body);
    });
    app.get('/campaigns/:id', { schema: { tags, params: IdParams, response: { 200: CampaignDetail } } }, async (req) =>
      campaignDetail(store, requireActor(req), req.params.id),
    );
    app.put('/campaigns/:id', { schema: { tags, params: IdParams, body: CampaignBody, response: { 200: Campaign } } }, async (req) =>
      updateCampaign(store, requireActor(req), req.params.id, req.body),
    );
    app.post('/campaigns/:id/status', { schema: { tags, params: IdParams, body: StatusBody, response: { 200: Campaign } } }, async (req) =>
      changeCampaignStatus(store, requireActor(req), req.params.id, req.body.status),
    );
    app.put('/campaigns/:id/results', { schema: { tags, params: IdParams, body: ResultsBody, response: { 200: ResultsWritten } } }, async (req) =>
      reportResults(store, requireActor(req), req.params.id, req.body.rows),
    );
    app.post(
      '/campaigns/:id/results/import',
      { config: { upload: RESULTS_UPLOAD }, schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: ResultsWritten } } },
      async (req) => {
        const actor = requireActor(req);
        await campaignFor(store, actor, req.params.id, 'campaign.report'); // before a byte of the upload is read
        const file = await readingUpload(() => readFile(req));
        return importResults(store, actor, req.params.id, file);
      },
    );
    app.post(
      '/campaigns/:id/surveys/:phase/import',
      { config: { upload: SURVEY_UPLOAD }, schema: { tags, params: SurveyParams, consumes: ['multipart/form-data'], response: { 200: Awareness } } },
      async (req) => {
        const actor = requireActor(req);
        await campaignFor(store, actor, req.params.id, 'campaign.report'); // before a byte of the upload is read
        const fields: Record<string, string> = {};
        const file = await readingUpload(() => readFile(req, fields));
        const takenOn = (fields.takenOn ?? '').trim();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(takenOn) || !isValidDate(takenOn)) {
          throw new DomainError('VALIDATION_FAILED', { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' }, { issues: [issue('takenOn', 'invalid_date', 'Ngày khảo sát phải có dạng YYYY-MM-DD', 'The survey date must be YYYY-MM-DD')] });
        }
        return presentAwareness(await importSurvey(store, actor, req.params.id, req.params.phase, takenOn, file), req.lang);
      },
    );
    app.get('/campaigns/:id/awareness', { schema: { tags, params: IdParams, querystring: AwarenessQuery, response: { 200: Awareness } } }, async (req) =>
      presentAwareness(await campaignAwareness(store, requireActor(req), req.params.id, req.query.confidence), req.lang),
    );
    app.post('/campaigns/:id/sample-size', { schema: { tags, params: IdParams, body: SampleSizeBody, response: { 200: SampleSizeResult } } }, async (req) =>
      campaignSampleSize(store, requireActor(req), req.params.id, req.body),
    );
    app.put('/campaigns/:id/surveys/:phase', { schema: { tags, params: SurveyParams, body: SurveyBody, response: { 200: Awareness } } }, async (req) =>
      presentAwareness(await setSurvey(store, requireActor(req), req.params.id, { phase: req.params.phase, ...req.body }), req.lang),
    );
  };
}
