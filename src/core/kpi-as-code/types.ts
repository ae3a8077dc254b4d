import type { ScoringConfig } from '../evaluation';
import type { KpiDefinition } from '../kpi';

/** The format version this code reads and writes. */
export const KPI_FILE_VERSION = 1;

export const COMPANY_LOCALES = ['vi-VN', 'en-US'] as const;

export interface KpiFileCompany {
  name: string;
  timezone: string;
  currency: string;
  locale: (typeof COMPANY_LOCALES)[number];
  fiscalYearStartMonth: number;
}

export interface KpiFileUnit {
  code: string;
  name: string;
  /** Code of the parent unit (in the file or already in the database); null for the root. */
  parent: string | null;
}

export interface KpiFilePosition {
  code: string;
  name: string;
}

export interface KpiFilePerson {
  email: string;
  name: string;
  unit: string;
  position: string | null;
  /** E-mail of the manager. */
  manager: string | null;
}

/** A value of the binding's scope column counted for a unit (by code) or a person (by e-mail). */
export interface KpiFileBindingScope {
  value: string;
  unit: string | null;
  person: string | null;
}

/** A `source: dataset` KPI's binding as the file writes it (units by code, people by e-mail). */
export interface KpiFileBinding {
  dataset: string;
  measure: string;
  dateColumn: string;
  scopeColumn: string | null;
  scopes: KpiFileBindingScope[];
}

/**
 * A KPI of the file: its definition, how it is scored (absent or `{}`: the defaults) and, for a dataset KPI, its
 * binding (absent: not managed by the file, the stored binding stays).
 */
export type KpiFileKpi = KpiDefinition & { scoring?: ScoringConfig | undefined; binding?: KpiFileBinding | undefined };

/**
 * A whole scorecard as plain data (the document model of a KPI-as-code file).
 * A section left out (undefined) is not managed by the file: nothing in it is created, changed or archived.
 * KPIs refer to people by e-mail (`owner`, `measurer`).
 */
export interface KpiFile {
  version: typeof KPI_FILE_VERSION;
  company?: KpiFileCompany | undefined;
  units?: KpiFileUnit[] | undefined;
  positions?: KpiFilePosition[] | undefined;
  people?: KpiFilePerson[] | undefined;
  kpis?: KpiFileKpi[] | undefined;
}

/** What already exists outside the file (e.g. in the database), for reference checks. */
export interface KnownRefs {
  units?: readonly { code: string; parent: string | null }[] | undefined;
  positionCodes?: Iterable<string> | undefined;
  people?: readonly { email: string; manager: string | null; active?: boolean | undefined }[] | undefined;
}

/** A path into the file, e.g. `['kpis', 3, 'parents', 0, 'weight']`. */
export type FilePath = readonly (string | number)[];

/** `kpis[3].parents[0].weight` */
export function formatPath(path: FilePath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(root)' : out;
}

/** Keys as written in the file: `reportWithinDays` → `report_within_days`. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function camelCase(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

export const normEmail = (email: string): string => email.trim().toLowerCase();
export const normUnitCode = (code: string): string => code.trim().toUpperCase();
