import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveActor } from '../../app/actor';
import { changePassword } from '../../app/auth/change-password';
import { createUser, setMyLocale } from '../../app/auth/create-user';
import { listUsers, updateUser } from '../../app/auth/manage-users';
import { issueResetLink, resetPassword } from '../../app/auth/reset-password';
import { DEFAULT_SESSION_LIMITS, login, logout } from '../../app/auth/sessions';
import { DomainError } from '../../core/errors';
import type { Actor } from '../../app/actor';
import {
  ChangePasswordBody,
  CreateUserBody,
  CsrfResponse,
  LoginBody,
  MeResponse,
  ResetLinkResponse,
  ResetPasswordBody,
  SessionResponse,
  UpdateMeBody,
  UpdateUserBody,
  UserAccount,
  UserList,
} from '../../contract/auth';
import { IdParams, Ok } from '../../contract/common';
import { CSRF_COOKIE, SESSION_COOKIE, requireActor, sessionCookieOptions, type ServerDeps } from '../context';
import { DEFAULT_LOGIN_LIMITS, LoginThrottle, loginRateLimited } from '../login-throttle';

function presentMe(actor: Actor) {
  const { id, email, name, role, locale } = actor.user;
  const subtree = actor.unitScope === 'all' ? ('all' as const) : [...actor.unitScope];
  return { user: { id, email, name, role, locale, personId: actor.person?.id ?? null, unitId: actor.person?.unitId ?? null, subtree } };
}

export function authRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const throttle = new LoginThrottle(deps.store, 'login', deps.loginRateLimit ?? DEFAULT_LOGIN_LIMITS, deps.now);
  // Reset tokens are guessed like passwords: the same limits, counted apart from logins.
  const resetThrottle = new LoginThrottle(deps.store, 'reset', deps.loginRateLimit ?? DEFAULT_LOGIN_LIMITS, deps.now);
  return async (app) => {
    app.get('/auth/csrf', { config: { public: true }, schema: { tags: ['auth'], response: { 200: CsrfResponse } } }, async (_req, reply) => ({
      token: reply.generateCsrf(),
    }));

    app.post('/auth/login', { config: { public: true, rateLimited: true }, schema: { tags: ['auth'], body: LoginBody, response: { 200: MeResponse } } }, async (req, reply) => {
      const attempt = await throttle.attempt(req.ip, req.body.email);
      if (!attempt.ok) {
        reply.header('retry-after', String(attempt.retryAfterSeconds));
        throw loginRateLimited(attempt.retryAfterSeconds);
      }
      const limits = deps.sessionLimits ?? DEFAULT_SESSION_LIMITS;
      const { user, token } = await login(deps.store, { ...req.body, previousToken: req.cookies[SESSION_COOKIE] ?? null }, deps.now(), limits).catch(
        (error: unknown) => {
          if (error instanceof DomainError && typeof error.params.retryAfterSeconds === 'number') reply.header('retry-after', String(error.params.retryAfterSeconds));
          throw error;
        },
      );
      await attempt.succeeded();
      reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(deps), maxAge: Math.floor(limits.absoluteMs / 1000) });
      // A new CSRF secret with the new session; the fresh token rides along so the client needs no extra call.
      delete req.cookies[CSRF_COOKIE];
      reply.header('x-csrf-token', reply.generateCsrf());
      await deps.store.audit.record([
        { actorUserId: user.id, actorName: user.name, action: 'login', entity: 'user', entityId: String(user.id), before: null, after: null },
      ]);
      return presentMe(await resolveActor(deps.store, user));
    });

    app.post('/auth/logout', { config: { public: true }, schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
      const token = req.sessionToken ?? req.cookies[SESSION_COOKIE];
      if (token) await logout(deps.store, token);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
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

    app.post('/auth/password', { schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: Ok } } }, async (req) => {
      await changePassword(deps.store, requireActor(req), { ...req.body, currentToken: req.sessionToken });
      return { ok: true as const };
    });

    app.post(
      '/auth/reset',
      { config: { public: true, rateLimited: true }, schema: { tags: ['auth'], body: ResetPasswordBody, response: { 200: Ok } } },
      async (req, reply) => {
        const attempt = await resetThrottle.attempt(req.ip, 'reset');
        if (!attempt.ok) {
          reply.header('retry-after', String(attempt.retryAfterSeconds));
          throw loginRateLimited(attempt.retryAfterSeconds);
        }
        await resetPassword(deps.store, req.body, deps.now());
        await attempt.succeeded();
        return { ok: true as const };
      },
    );

    app.get('/users', { schema: { tags: ['users'], response: { 200: UserList } } }, async (req) => ({
      items: await listUsers(deps.store, requireActor(req)),
    }));

    app.post('/users', { schema: { tags: ['users'], body: CreateUserBody, response: { 201: UserAccount } } }, async (req, reply) => {
      const user = await createUser(deps.store, requireActor(req), req.body);
      return reply.status(201).send({ ...user, personId: req.body.personId ?? null });
    });

    app.patch('/users/:id', { schema: { tags: ['users'], params: IdParams, body: UpdateUserBody, response: { 200: UserAccount } } }, async (req) =>
      updateUser(deps.store, requireActor(req), req.params.id, req.body),
    );

    app.post('/users/:id/reset-link', { schema: { tags: ['users'], params: IdParams, response: { 200: ResetLinkResponse } } }, async (req) => {
      const { token, expiresAt } = await issueResetLink(deps.store, requireActor(req), req.params.id, deps.now());
      return { token, path: `/reset-password#${token}`, expiresAt: expiresAt.toISOString() };
    });
  };
}
