import type { Action, Subject, Target } from '../../src/core/auth/permissions';
import type { ApiClient } from '../helpers/api';

/** The shared vocabulary of the permission matrix (permission-matrix.test.ts) and its per-area case files. */
export type Role = 'admin' | 'manager' | 'employee' | 'viewer' | 'agency';
export const LOGINS: Record<Role, string> = {
  admin: 'admin@minhan.vn', // BGD
  manager: 'truong.kd@minhan.vn', // head of KD (KD, KD-MB, KD-MN)
  employee: 'nhanvien@minhan.vn', // KD-MB
  viewer: 'an.nguyen@minhan.vn', // BGD; owns REVENUE
  agency: 'agency@saoviet.vn', // Sao Việt Media: no person; assigned to the demo campaign RA-MAT-SP only
};

/** The scopes each case is tried on: own, subtree and outside for some role each. */
export const SCOPES = ['company', 'unit:KD-MB', 'unit:MKT', 'unit:BGD', 'person:nhanvien@minhan.vn', 'person:tuan.kieu@minhan.vn', 'person:an.nguyen@minhan.vn'] as const;
export type ScopeName = (typeof SCOPES)[number];

export interface World {
  unit: Record<string, number>;
  person: Record<string, { id: number; unitId: number }>;
  subjects: Record<Role, Subject>;
  /** A KPI owned in each scope (for KPI edits): the scope's head person or the person themself; none for company. */
  kpiOwnedIn: Record<ScopeName, string>;
  /** Per KPI code × scope: an actual id and an evidence id written by the admin at setup. */
  actualId: Map<string, number>;
  evidenceId: Map<string, number>;
  /** Ids an area's set-up wrote, by its own keys (e.g. `sheet|person:nhanvien@minhan.vn`). */
  ids: Map<string, number>;
}

export interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface Case {
  action: Action;
  /** Scopes to try; absent = one request with no scope (target: the company). */
  scopes?: readonly ScopeName[];
  /** KPIs to try (their code is given to `request`); the target of a company scope carries the KPI. */
  kpis?: readonly string[];
  /** What the action is about, when not the scope itself (e.g. a KPI edit is about its owner's unit). */
  target?: (w: World, scope: ScopeName, kpi: string) => Target;
  request?: (w: World, scope: ScopeName, kpi: string, n: number) => Request;
  /** Uploads: the action the role needs at all before a byte is read; `action` is then checked row by row (a refused row is a 4xx). */
  gate?: Action;
  /** Listings: allowed to anyone with the action at all; every item listed must be allowed; returns the items' targets. */
  items?: (w: World, body: unknown) => Target[];
  /** An allowed request must succeed (2xx), not merely pass the permission check. */
  succeeds?: boolean;
  /** Routes not walked here, with the reason. */
  skip?: string;
}

export function scopeTarget(w: World, scope: ScopeName, kpi?: string, kpis?: Map<string, KpiInfo>): Target {
  if (scope === 'company') {
    const k = kpi ? kpis?.get(kpi) : undefined;
    return { scope: 'company', ...(k && { kpi: { ownerId: k.ownerId, measurerId: k.measurerId, ownerUnitId: k.ownerUnitId } }) };
  }
  const [type, key] = scope.split(':') as ['unit' | 'person', string];
  if (type === 'unit') return { scope: 'unit', unitId: w.unit[key]! };
  const p = w.person[key]!;
  return { scope: 'person', personId: p.id, unitId: p.unitId };
}

export function scopeBody(w: World, scope: ScopeName): { type: 'company' | 'unit' | 'person'; id: number | null } {
  if (scope === 'company') return { type: 'company', id: null };
  const [type, key] = scope.split(':') as ['unit' | 'person', string];
  return { type, id: type === 'unit' ? w.unit[key]! : w.person[key]!.id };
}

export const scopeQuery = (w: World, scope: ScopeName) => {
  const b = scopeBody(w, scope);
  return b.type === 'company' ? 'company' : `${b.type}:${b.id}`;
};

export interface KpiInfo {
  ownerId: number | null;
  measurerId: number | null;
  ownerUnitId: number | null;
}


/** A file of cases for one area: its routes, and what it writes at set-up (as the admin) for them to act on. */
export interface MatrixArea {
  cases: Record<string, Case>;
  setup?: (admin: ApiClient, w: World) => Promise<void>;
}
