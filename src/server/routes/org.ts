import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../core/errors';
import { importPeople, requireCanImportPeople } from '../../app/org/import-people';
import { createPerson, getPerson, listPeople, updatePerson } from '../../app/org/people';
import { createPosition, listPositions } from '../../app/org/positions';
import { summarizeUnits } from '../../app/org/unit-summary';
import { createUnit, listUnits, updateUnit } from '../../app/org/units';
import { IdParams } from '../../contract/common';
import {
  CreateOrgUnitBody,
  CreatePersonBody,
  CreatePositionBody,
  ImportPeopleQuery,
  ImportPeopleResult,
  OrgUnit,
  OrgUnitList,
  OrgUnitSummaryList,
  PeopleList,
  PeopleQuery,
  Person,
  Position,
  PositionList,
  UpdateOrgUnitBody,
  UpdatePersonBody,
} from '../../contract/org';
import { policy } from '../../app/policy';
import { requireActor, type ServerDeps } from '../context';
import { readingUpload } from './upload-body';

export function orgRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.get('/org-units', { schema: { tags: ['org'], response: { 200: OrgUnitList } } }, async (req) => ({
      items: await listUnits(store, requireActor(req)),
    }));
    app.get('/org-units/summary', { schema: { tags: ['org'], response: { 200: OrgUnitSummaryList } } }, async (req) => ({
      items: await summarizeUnits(store, requireActor(req)),
    }));
    app.post('/org-units', { schema: { tags: ['org'], body: CreateOrgUnitBody, response: { 201: OrgUnit } } }, async (req, reply) => {
      const unit = await createUnit(store, requireActor(req), req.body);
      return reply.status(201).send({ ...unit, inScope: true });
    });
    app.patch('/org-units/:id', { schema: { tags: ['org'], params: IdParams, body: UpdateOrgUnitBody, response: { 200: OrgUnit } } }, async (req) => ({
      ...(await updateUnit(store, requireActor(req), req.params.id, req.body)),
      inScope: true,
    }));

    app.get('/positions', { schema: { tags: ['org'], response: { 200: PositionList } } }, async (req) => {
      policy.requireAtAll(requireActor(req), 'position.read');
      return { items: await listPositions(store) };
    });
    app.post('/positions', { schema: { tags: ['org'], body: CreatePositionBody, response: { 201: Position } } }, async (req, reply) =>
      reply.status(201).send(await createPosition(store, requireActor(req), req.body)),
    );

    app.get('/people', { schema: { tags: ['org'], querystring: PeopleQuery, response: { 200: PeopleList } } }, async (req) =>
      listPeople(store, requireActor(req), { unitId: req.query.unitId, search: req.query.q, limit: req.query.limit, offset: req.query.offset }),
    );
    app.get('/people/:id', { schema: { tags: ['org'], params: IdParams, response: { 200: Person } } }, async (req) =>
      getPerson(store, requireActor(req), req.params.id),
    );
    app.post('/people', { schema: { tags: ['org'], body: CreatePersonBody, response: { 201: Person } } }, async (req, reply) => {
      const b = req.body;
      const person = await createPerson(store, requireActor(req), {
        fullName: b.fullName,
        email: b.email ?? null,
        unitId: b.unitId,
        positionId: b.positionId ?? null,
        managerId: b.managerId ?? null,
      });
      return reply.status(201).send(person);
    });
    app.patch('/people/:id', { schema: { tags: ['org'], params: IdParams, body: UpdatePersonBody, response: { 200: Person } } }, async (req) =>
      updatePerson(store, requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/people/import',
      { config: { upload: { file: 'CSV or XLSX file of people (one row per person).' } }, schema: { tags: ['org'], querystring: ImportPeopleQuery, consumes: ['multipart/form-data'], response: { 200: ImportPeopleResult } } },
      async (req) => {
        const actor = requireActor(req);
        requireCanImportPeople(actor); // before a byte of the upload is read
        const file = await readingUpload(() => req.file());
        if (!file) {
          throw new DomainError('IMPORT_FILE_INVALID', { vi: 'Hãy chọn một tệp CSV hoặc XLSX.', en: 'Choose a CSV or XLSX file.' });
        }
        const data = await readingUpload(() => file.toBuffer());
        return importPeople(store, actor, { name: file.filename, data }, { dryRun: req.query.dryRun === 'true' });
      },
    );
  };
}
