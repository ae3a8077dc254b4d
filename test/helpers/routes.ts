import type { FastifyInstance } from 'fastify';

export interface DocumentedRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. `/api/kpis/{code}`. */
  path: string;
  /** The OpenAPI operation object (parameters, requestBody, security …). */
  operation: Record<string, unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the app's OpenAPI document: what the matrix and hostile-value tests walk. */
export async function documentedRoutes(app: FastifyInstance): Promise<DocumentedRoute[]> {
  await app.ready();
  const doc = app.swagger() as { paths?: Record<string, Record<string, Record<string, unknown>>> };
  const out: DocumentedRoute[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) {
      const operation = item[m];
      if (operation) out.push({ method: m.toUpperCase() as DocumentedRoute['method'], path, operation });
    }
  }
  return out;
}

/** Fills `{name}` placeholders of an OpenAPI path. */
export function fillPath(path: string, params: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '1')));
}
