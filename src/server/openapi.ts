import type { FastifyDynamicSwaggerOptions, SwaggerTransform } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../contract/common';
import { SESSION_COOKIE } from './context';

/** A multipart upload route: what its `file` part holds and its other text fields (name → description). */
export interface UploadDoc {
  file: string;
  fields?: Record<string, string>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a multipart/form-data body; documented as such in the OpenAPI document. */
    upload?: UploadDoc;
    /** The route answers 200 with a file (any content type); the text describes it. */
    download?: string;
    /** The route counts attempts itself and may answer 429 (e.g. login); `rateLimit` routes are detected too. */
    rateLimited?: boolean;
    /** The route never touches the database (e.g. health), so it cannot answer 503 DB_UNAVAILABLE. */
    noDatabase?: boolean;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      `Session cookie set by POST /api/auth/login. Every state-changing request (POST, PUT, PATCH, DELETE) also sends the ` +
      `\`${CSRF_HEADER}\` header with the token from GET /api/auth/csrf (documented as a required header parameter).`,
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'API token (`okpi_…`) created by an admin under /api/api-tokens; only for /api/v1 integration routes.',
  },
} as const;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: VALIDATION_FAILED (every bad field in `issues`), INVALID_JSON or PERIOD_INVALID.',
  401: 'Not authenticated: no valid session (UNAUTHENTICATED) or API token.',
  403: 'Not allowed: FORBIDDEN (outside your role or scope) or CSRF_INVALID (missing or stale CSRF token).',
  404: 'NOT_FOUND: the resource does not exist or is not visible to you.',
  409: 'Conflict: a code or e-mail already taken, or an Idempotency-Key reused with another body.',
  413: 'PAYLOAD_TOO_LARGE: the body or file is over its limit.',
  415: 'UNSUPPORTED_MEDIA_TYPE: wrong Content-Type.',
  422: 'A business rule refused the request (stable code in `error.code`, message in the request language).',
  429: 'RATE_LIMITED: too many attempts; wait and retry.',
  500: 'INTERNAL: unexpected error; nothing was changed.',
  503: 'DB_UNAVAILABLE: the database cannot be reached (restart, failover); retry after the Retry-After seconds. Nothing was changed.',
};

type Auth = 'session' | 'apiToken' | 'none';
type JsonObjectSchema = { type?: string; properties?: Record<string, unknown>; required?: string[] };

/** Integration routes under /api/v1 use bearer tokens; `config.public` routes need nothing; all others a session. */
function authOf(route: RouteOptions): Auth {
  if (route.url.startsWith('/api/v1/')) return 'apiToken';
  return route.config?.public ? 'none' : 'session';
}

const isMutating = (route: RouteOptions) => [route.method].flat().some((m) => m !== 'GET' && m !== 'HEAD');

/** Which error statuses an operation can answer with, from what the route declares. */
export function errorStatuses(route: RouteOptions, auth: Auth): number[] {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const hasBody = schema.body !== undefined || route.config?.upload !== undefined;
  const hasInput = hasBody || ['querystring', 'params', 'headers'].some((k) => schema[k] !== undefined);
  const mutating = isMutating(route);
  const out = new Set([500]);
  if (hasInput || mutating) out.add(400);
  if (auth !== 'none') out.add(401).add(403).add(422);
  if (mutating && auth !== 'apiToken') out.add(403);
  if (hasBody && mutating && auth !== 'none' && !route.config?.upload) out.add(409);
  if (schema.params !== undefined) out.add(404);
  if (hasBody) out.add(413).add(415);
  if (route.config?.rateLimited || (route.config !== undefined && 'rateLimit' in route.config)) out.add(429);
  if (!route.config?.noDatabase) out.add(503);
  return [...out].sort((a, b) => a - b);
}

function multipartBody(upload: UploadDoc): JsonObjectSchema {
  const fields = Object.fromEntries(Object.entries(upload.fields ?? {}).map(([name, description]) => [name, { type: 'string', description }]));
  return {
    type: 'object',
    properties: { file: { type: 'string', format: 'binary', description: upload.file }, ...fields },
    required: ['file'],
  };
}

function withCsrfHeader(headers: JsonObjectSchema | undefined): JsonObjectSchema {
  return {
    type: 'object',
    properties: { ...headers?.properties, [CSRF_HEADER]: { type: 'string', description: 'CSRF token from GET /api/auth/csrf.' } },
    required: [...(headers?.required ?? []), CSRF_HEADER],
  };
}

/**
 * zod → JSON Schema (fastify-type-provider-zod), then what every operation shares: its security,
 * the CSRF header on state-changing session requests, the ErrorBody responses, and multipart bodies.
 */
export const documentRoute: SwaggerTransform = (input) => {
  const { schema, url } = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const out = (schema ?? {}) as Record<string, unknown> & { hide?: boolean };
  if (out.hide || !url.startsWith('/api/')) return { schema: out, url };
  const route = input.route;
  const auth = authOf(route);
  out.security = auth === 'none' ? [] : [{ [auth]: [] }];
  if (isMutating(route) && auth !== 'apiToken') out.headers = withCsrfHeader(out.headers as JsonObjectSchema | undefined);
  if (route.config?.upload) {
    out.body = multipartBody(route.config.upload);
    out.consumes = ['multipart/form-data'];
  }
  const response = { ...(out.response as Record<string, unknown> | undefined) };
  if (route.config?.download) {
    response[200] = { description: route.config.download, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } };
  }
  for (const status of errorStatuses(route, auth)) {
    response[status] ??= { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: ERROR_REF } } };
  }
  out.response = response;
  return { schema: out, url };
};

/** Components from zod's registry (`.meta({ id })`, e.g. the recursive strategy-map node) plus the shared ErrorBody. */
const documentObject: NonNullable<FastifyDynamicSwaggerOptions['transformObject']> = (input) => {
  const doc = jsonSchemaTransformObject(input) as { components?: { schemas?: Record<string, unknown> } };
  const { $schema: _ignored, ...errorBody } = z.toJSONSchema(ErrorBody, { target: 'openapi-3.0', io: 'output' });
  return { ...doc, components: { ...doc.components, schemas: { ...doc.components?.schemas, ErrorBody: errorBody } } } as ReturnType<typeof jsonSchemaTransformObject>;
};

/** Options for @fastify/swagger: a valid OpenAPI 3.0.3 document at GET /api/openapi.json. */
export function swaggerOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'OpenKPI API', version, description: 'KPI management: SMART KPIs, cascades, actuals, scoring.' },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: documentRoute,
    transformObject: documentObject,
  };
}
