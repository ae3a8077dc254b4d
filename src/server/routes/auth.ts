import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveActor } from '../../app/actor';
import { createUser, setMyLocale } from '../../app/auth/create-user';
import { SESSION_DAYS, login, logout } from '../../app/auth/sessions';
import type { Actor } from '../../app/actor';
import { policy } from '../../app/policy';
import { CreateUserBody, CsrfResponse, LoginBody, MeResponse, SessionResponse, UpdateMeBody, User, UserList } from '../../contract/auth';
import { Ok } from '../../contract/common';
import { SESSION_COOKIE, requireActor, type ServerDeps } from '../context';

function presentMe(actor: Actor) {
  const { id, email, name, role, locale } = actor.user;
  return { user: { id, email, name, role, locale, personId: actor.person?.id ?? null } };
}

export function authRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/auth/csrf', { config: { public: true }, schema: { tags: ['auth'], response: { 200: CsrfResponse } } }, async (_req, reply) => ({
      token: reply.generateCsrf(),
    }));

    app.post(
      '/auth/login',
      {
        config: {
          public: true,
          rateLimit: {
            hook: 'preHandler',
            max: deps.loginRateLimit?.max ?? 10,
            timeWindow: deps.loginRateLimit?.timeWindow ?? '5 minutes',
            keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
          },
        },
        schema: { tags: ['auth'], body: LoginBody, response: { 200: MeResponse } },
      },
      async (req, reply) => {
        const { user, token } = await login(deps.store, req.body.email, req.body.password, deps.now());
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.secureCookies ?? false,
          maxAge: SESSION_DAYS * 86_400,
        });
        await deps.store.audit.record([
          { actorUserId: user.id, actorName: user.name, action: 'login', entity: 'user', entityId: String(user.id), before: null, after: null },
        ]);
        return presentMe(await resolveActor(deps.store, user));
      },
    );

    app.post('/auth/logout', { config: { public: true }, schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
      if (req.sessionToken) await logout(deps.store, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    // 200 with user null when signed out: the web app asks this on every load without a console error.
    app.get('/auth/session', { config: { public: true }, schema: { tags: ['auth'], response: { 200: SessionResponse } } }, async (req) => ({
      user: req.actor ? presentMe(req.actor).user : null,
    }));

    app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: MeResponse } } }, async (req) => presentMe(requireActor(req)));

    app.patch('/auth/me', { schema: { tags: ['auth'], body: UpdateMeBody, response: { 200: MeResponse } } }, async (req) => {
      const actor = requireActor(req);
      await setMyLocale(deps.store, actor, req.body.locale);
      return presentMe({ ...actor, user: { ...actor.user, locale: req.body.locale } });
    });

    app.get('/users', { schema: { tags: ['users'], response: { 200: UserList } } }, async (req) => {
      policy.requireAdmin(requireActor(req));
      return { items: await deps.store.users.list() };
    });

    app.post('/users', { schema: { tags: ['users'], body: CreateUserBody, response: { 201: User } } }, async (req, reply) => {
      const user = await createUser(deps.store, requireActor(req), req.body);
      return reply.status(201).send({ ...user, personId: req.body.personId ?? null });
    });
  };
}
