import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { measurementCalendar } from '../../app/calendar/measurement-calendar';
import { getCalendarSettings, updateCalendarSettings } from '../../app/calendar/settings';
import { CalendarSettings, MeasurementCalendar, MeasurementCalendarQuery } from '../../contract/calendar';
import { requireActor, type ServerDeps } from '../context';

/** The company calendar (working week, holidays, reminder stages) and the measurement calendar. */
export function calendarRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/company/calendar', { schema: { tags: ['company'], response: { 200: CalendarSettings } } }, async (req) =>
      getCalendarSettings(deps.store, requireActor(req)),
    );
    app.put('/company/calendar', { schema: { tags: ['company'], body: CalendarSettings, response: { 200: CalendarSettings } } }, async (req) =>
      updateCalendarSettings(deps.store, requireActor(req), req.body),
    );
    app.get(
      '/measurement-calendar',
      { schema: { tags: ['calendar'], querystring: MeasurementCalendarQuery, response: { 200: MeasurementCalendar } } },
      async (req) => measurementCalendar(deps.store, requireActor(req), { ...req.query, now: deps.now() }),
    );
  };
}
