import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agreeTarget } from '../../app/appraisal/sheets/agree-target';
import { approveSheet } from '../../app/appraisal/sheets/approve-sheet';
import { calibrateSheet } from '../../app/appraisal/sheets/calibrate-sheet';
import { editSheetItems } from '../../app/appraisal/sheets/edit-sheet-items';
import { exportPayroll } from '../../app/appraisal/sheets/export-payroll';
import { readCalibration } from '../../app/appraisal/sheets/read-calibration';
import { readConsensus } from '../../app/appraisal/sheets/read-consensus';
import { getSheet, listCycleSheets, listMySheets } from '../../app/appraisal/sheets/read-sheets';
import { reviewSheet } from '../../app/appraisal/sheets/review-sheet';
import { selfAssess } from '../../app/appraisal/sheets/self-assess';
import { setBonusBase } from '../../app/appraisal/sheets/set-bonus-base';
import { simulatePay } from '../../app/appraisal/sheets/simulate-pay';
import {
  AgreementBody,
  BonusBaseBody,
  Calibration,
  CalibrateBody,
  Consensus,
  ItemParams,
  MySheets,
  Pay,
  PayBody,
  ReviewBody,
  Sheet,
  SheetItemsBody,
  SheetList,
  SheetParams,
  SheetsQuery,
  UnitQuery,
} from '../../contract/appraisal';
import { requireActor, type ServerDeps } from '../context';
import { attachmentHeader } from './actuals';

/** People performance: sheets, target agreement, reviews, calibration, consensus, pay simulator and payroll export under /api/appraisal. */
export function appraisalSheetsRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store, now } = deps;
  const tags = ['appraisal'];
  return async (app) => {
    const sheet = (req: Parameters<typeof requireActor>[0], id: number) => getSheet(store, requireActor(req), id, now());

    app.get('/appraisal/cycles/:id/sheets', { schema: { tags, params: SheetParams, querystring: SheetsQuery, response: { 200: SheetList } } }, async (req) =>
      listCycleSheets(store, requireActor(req), req.params.id, req.query),
    );
    app.get('/appraisal/my', { schema: { tags, response: { 200: MySheets } } }, async (req) => ({ items: await listMySheets(store, requireActor(req), now()) }));
    app.get('/appraisal/sheets/:id', { schema: { tags, params: SheetParams, response: { 200: Sheet } } }, async (req) => sheet(req, req.params.id));

    app.put('/appraisal/sheets/:id/items', { schema: { tags, params: SheetParams, body: SheetItemsBody, response: { 200: Sheet } } }, async (req) => {
      await editSheetItems(store, requireActor(req), req.params.id, req.body);
      return sheet(req, req.params.id);
    });
    app.post('/appraisal/sheets/:id/items/:itemId/agreement', { schema: { tags, params: ItemParams, body: AgreementBody, response: { 200: Sheet } } }, async (req) => {
      await agreeTarget(store, requireActor(req), req.params.id, req.params.itemId, req.body);
      return sheet(req, req.params.id);
    });
    app.put('/appraisal/sheets/:id/self', { schema: { tags, params: SheetParams, body: ReviewBody, response: { 200: Sheet } } }, async (req) => {
      await selfAssess(store, requireActor(req), req.params.id, req.body, now());
      return sheet(req, req.params.id);
    });
    app.put('/appraisal/sheets/:id/review', { schema: { tags, params: SheetParams, body: ReviewBody, response: { 200: Sheet } } }, async (req) => {
      await reviewSheet(store, requireActor(req), req.params.id, req.body, now());
      return sheet(req, req.params.id);
    });
    app.post('/appraisal/sheets/:id/approve', { schema: { tags, params: SheetParams, response: { 200: Sheet } } }, async (req) => {
      await approveSheet(store, requireActor(req), req.params.id, now());
      return sheet(req, req.params.id);
    });
    app.post('/appraisal/sheets/:id/calibrate', { schema: { tags, params: SheetParams, body: CalibrateBody, response: { 200: Sheet } } }, async (req) => {
      await calibrateSheet(store, requireActor(req), req.params.id, req.body);
      return sheet(req, req.params.id);
    });
    app.put('/appraisal/sheets/:id/bonus-base', { schema: { tags, params: SheetParams, body: BonusBaseBody, response: { 200: Sheet } } }, async (req) => {
      await setBonusBase(store, requireActor(req), req.params.id, req.body.base);
      return sheet(req, req.params.id);
    });

    app.get('/appraisal/cycles/:id/consensus', { schema: { tags, params: SheetParams, querystring: UnitQuery, response: { 200: Consensus } } }, async (req) =>
      readConsensus(store, requireActor(req), req.params.id, req.query.unitId),
    );
    app.get('/appraisal/cycles/:id/calibration', { schema: { tags, params: SheetParams, querystring: UnitQuery, response: { 200: Calibration } } }, async (req) =>
      readCalibration(store, requireActor(req), req.params.id, req.lang, req.query.unitId),
    );
    app.post('/appraisal/cycles/:id/pay', { schema: { tags, params: SheetParams, body: PayBody, response: { 200: Pay } } }, async (req) =>
      simulatePay(store, requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/appraisal/cycles/:id/export.xlsx',
      {
        config: { download: "The cycle's results for payroll (XLSX): one row per person in your appraisal.pay scope." },
        schema: { tags, params: SheetParams, querystring: UnitQuery, response: { 200: z.any() } },
      },
      async (req, reply) => {
        const file = await exportPayroll(store, requireActor(req), req.params.id, req.lang, req.query.unitId);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );
  };
}
