import type { DocumentedRoute } from '../helpers/routes';

/** A JSON schema node as @fastify/swagger writes it (OpenAPI 3.0: `nullable`, `$ref` to components). */
export interface Schema {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minItems?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  const?: unknown;
  required?: string[];
  $ref?: string;
}

export interface HostileRequest {
  /** What was sent, for failure messages: `path id=-1`, `query q=%00`, `body name="a\0b"`. */
  label: string;
  method: DocumentedRoute['method'];
  url: string;
  payload?: unknown;
}

export const HOSTILE_PATH = ['2147483648', '-1', '1e308', '%00', 'a'.repeat(10_000)];
// A lone surrogate cannot be percent-encoded as UTF-8 (encodeURIComponent throws); %ED%A0%80 is how it
// arrives from a client that encodes it anyway (WTF-8).
export const HOSTILE_QUERY = ['%00', '%ED%A0%80', '99999999999999999999999', '1e308', 'NaN', 'Infinity'];
export const HOSTILE_STRINGS = ['a\u0000b', '\ud800'];
export const HOSTILE_NUMBERS = [1e308, -1e308, 1e-320];
export const HOSTILE_INTEGERS = [2147483648];

/** Valid-ish values for path parameters, so a body or query reaches the handler. */
const PATH_DEFAULTS: Record<string, string> = { code: 'REVENUE', id: '1' };
/** Valid values for string fields by name, so a body with one hostile field is otherwise accepted. */
const NAME_HINTS: Record<string, string> = { period: '2026-11', from: '2026-01', to: '2026-11', kpi: 'REVENUE', timezone: 'Asia/Ho_Chi_Minh', currency: 'VND' };
/** Candidates for strings with a pattern (KPI codes, periods, scopes, unit codes). */
const PATTERN_CANDIDATES = ['REVENUE', '2026-11', 'company', 'KD', 'true', 'a'];

export function resolver(components: Record<string, Schema>) {
  return function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!]!);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]!);
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches) return resolve(branches.find((b) => resolve(b).type !== 'null') ?? branches[0]!);
    return schema;
  };
}

/** A value that fits the schema as well as a generic walk can tell; `minimal` leaves out optional properties. */
export function sample(schema: Schema, resolve: (s: Schema) => Schema, name?: string, minimal = false): unknown {
  const s = resolve(schema);
  if (s.type === 'string' && !s.enum && name && NAME_HINTS[name]) return NAME_HINTS[name];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string': {
      if (s.format === 'date') return '2026-11-01';
      if (s.format === 'email') return 'hostile@minhan.vn';
      const candidates = s.pattern ? PATTERN_CANDIDATES.filter((c) => new RegExp(s.pattern!).test(c)) : ['a'];
      return (candidates[0] ?? 'a').padEnd(s.minLength ?? 1, '0');
    }
    case 'number':
    case 'integer': {
      const min = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : (s.minimum ?? 1);
      return Math.min(Math.max(1, min), s.maximum ?? 1);
    }
    case 'boolean':
      return false;
    case 'array':
      return s.items ? Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items!, resolve, undefined, minimal)) : [];
    case 'object':
    case undefined: {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (!minimal || s.required?.includes(key)) out[key] = sample(prop, resolve, key, minimal);
      }
      return out;
    }
    default:
      return null;
  }
}

type Path = (string | number)[];

/** Every leaf of `value` with its schema type: where a hostile value can go. */
function leaves(schema: Schema, value: unknown, resolve: (s: Schema) => Schema, path: Path = []): { path: Path; type: string }[] {
  const s = resolve(schema);
  if (s.type === 'array' && Array.isArray(value) && s.items) return value.flatMap((v, i) => leaves(s.items!, v, resolve, [...path, i]));
  if ((s.type === 'object' || s.properties) && value && typeof value === 'object') {
    return Object.entries(s.properties ?? {}).flatMap(([k, p]) => leaves(p, (value as Record<string, unknown>)[k], resolve, [...path, k]));
  }
  return [{ path, type: s.type ?? 'unknown' }];
}

/** `value` with `leaf` at `path`; containers missing from `value` are taken from `full` (the sample with every property). */
function setAt(value: unknown, path: Path, leaf: unknown, full: unknown = value): unknown {
  if (path.length === 0) return leaf;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  let fullNode = full as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    fullNode = fullNode[key] as Record<string | number, unknown>;
    if (node[key] === undefined || node[key] === null) node[key] = structuredClone(fullNode);
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = leaf;
  return copy;
}

function hostileFor(type: string): unknown[] {
  if (type === 'string') return HOSTILE_STRINGS;
  if (type === 'number') return HOSTILE_NUMBERS;
  if (type === 'integer') return [...HOSTILE_INTEGERS, 1e308];
  return [];
}

/** The requests to send to one route: hostile path params, query params and JSON bodies, one change at a time. */
export function hostileRequests(route: DocumentedRoute, resolve: (s: Schema) => Schema): HostileRequest[] {
  const params = (route.operation.parameters ?? []) as { in: string; name: string; required?: boolean; schema?: Schema }[];
  const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = params.filter((p) => p.in === 'query');
  const url = (pathValues: Record<string, string> = {}, query: Record<string, string> = {}) => {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? PATH_DEFAULTS[name] ?? '1');
    const qs = Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&');
    return qs ? `${path}?${qs}` : path;
  };
  const requiredQuery = Object.fromEntries(
    queryParams.filter((p) => p.required).map((p) => [p.name, encodeURIComponent(String(sample(p.schema ?? { type: 'string' }, resolve, p.name)))]),
  );
  const content = (route.operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
  const bodySchema = content?.['application/json']?.schema;
  // One hostile field on top of the required ones (optional fields can conflict, e.g. a value and a numerator).
  const baseBody = bodySchema ? sample(bodySchema, resolve, undefined, true) : undefined;
  const fullBody = bodySchema ? sample(bodySchema, resolve) : undefined;
  const send = (label: string, u: string, payload?: unknown): HostileRequest => ({
    label,
    method: route.method,
    url: u,
    ...(payload !== undefined ? { payload } : baseBody !== undefined ? { payload: baseBody } : {}),
  });

  const out: HostileRequest[] = [];
  for (const name of pathParams) {
    for (const v of HOSTILE_PATH) out.push(send(`path ${name}=${v.slice(0, 20)}`, url({ [name]: v }, requiredQuery)));
  }
  for (const p of queryParams) {
    for (const v of HOSTILE_QUERY) out.push(send(`query ${p.name}=${v}`, url({}, { ...requiredQuery, [p.name]: v })));
  }
  if (bodySchema) {
    for (const leaf of leaves(bodySchema, fullBody, resolve)) {
      for (const v of hostileFor(leaf.type)) {
        out.push(send(`body ${leaf.path.join('.') || '(root)'}=${JSON.stringify(v)}`, url({}, requiredQuery), setAt(baseBody, leaf.path, v, fullBody)));
      }
    }
    // Whole-body variants: every leaf of a type hostile at once.
    for (const [type, values] of [['string', HOSTILE_STRINGS], ['number', HOSTILE_NUMBERS], ['integer', HOSTILE_INTEGERS]] as const) {
      for (const v of values) {
        let body = fullBody;
        for (const leaf of leaves(bodySchema, fullBody, resolve)) if (leaf.type === type) body = setAt(body, leaf.path, v);
        out.push(send(`body every ${type}=${JSON.stringify(v)}`, url({}, requiredQuery), body));
      }
    }
  }
  return out;
}
