import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query, type CompanyT, type PeopleListT } from '../../api';
import { kpiKeys } from '../kpi/queries';
import { resultsKeys } from '../results/queries';
import type { ActualT, UnitDashboardT } from '../results/types';
import type { CascadeResultT, ScopeKey, ScopeRef, SumCheckT, TargetInput, TargetRecordT } from './types';

/** Every targets query starts with 'targets' and the KPI code, so one invalidation refreshes table, check and plan. */
export const targetKeys = {
  all: (code: string) => ['targets', code] as const,
  list: (code: string, period: string | null) => ['targets', code, 'list', period ?? 'all'] as const,
  check: (code: string, period: string) => ['targets', code, 'check', period] as const,
};

const path = (code: string) => `/api/kpis/${encodeURIComponent(code)}`;

/** Targets of every scope the user may see; one period, or all periods when `period` is null. */
export function useTargets(code: string, period: string | null) {
  return useQuery({
    queryKey: targetKeys.list(code, period),
    queryFn: () => api<{ items: TargetRecordT[] }>('GET', `${path(code)}/targets${query({ period })}`).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

export function useTargetCheck(code: string, period: string) {
  return useQuery({
    queryKey: targetKeys.check(code, period),
    queryFn: () => api<SumCheckT>('GET', `${path(code)}/target-check${query({ period })}`),
    placeholderData: keepPreviousData,
  });
}

export function useCompany() {
  return useQuery({ queryKey: ['company'], queryFn: () => api<CompanyT>('GET', '/api/company'), staleTime: 60_000 });
}

/**
 * The units with an actual of the KPI in `year` (from the unit dashboard of that year), for the
 * cascade's proposed recipients. A refused or failed read gives none.
 */
export function useUnitsWithActuals(code: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['targets', code, 'units-with-actuals', year],
    queryFn: () =>
      api<UnitDashboardT>('GET', `/api/dashboard/units${query({ period: String(year) })}`).then((d) =>
        // A unit's own actuals only, not the company numbers the dashboard shows under the unit owning the KPI.
        d.units.filter((u) => u.kpis.some((k) => k.code === code && k.actual !== null && k.scopeLevel !== 'company')).map((u) => u.id),
      ),
    enabled,
    staleTime: 60_000,
  });
}

/** One scope's actuals in `year` (e.g. last year's months, to split a yearly target by them). */
export function useScopeActuals(code: string, scope: ScopeKey | null, year: number) {
  return useQuery({
    queryKey: ['targets', code, 'actuals', scope, year],
    queryFn: () => api<{ items: ActualT[] }>('GET', `${path(code)}/actuals${query({ scope, from: `${year}-01-01`, to: `${year}-12-31` })}`).then((r) => r.items),
    enabled: scope !== null,
    staleTime: 60_000,
  });
}

/** Every person the user may see (for the optional people rows). */
export function useAllPeople(enabled: boolean) {
  return useQuery({
    queryKey: ['people', { limit: 500, offset: 0 }],
    queryFn: () => api<PeopleListT>('GET', `/api/people${query({ limit: 500, offset: 0 })}`),
    enabled,
  });
}

function useRefresh(code: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: targetKeys.all(code) }),
      client.invalidateQueries({ queryKey: kpiKeys.detail(code) }),
      client.invalidateQueries({ queryKey: resultsKeys.all }),
    ]);
}

export function useSetTargets(code: string) {
  const refresh = useRefresh(code);
  return useMutation({
    mutationFn: (body: { scope: ScopeRef; targets: TargetInput[] }) =>
      api<{ items: TargetRecordT[] }>('PUT', `${path(code)}/targets`, { scope: body.scope.type === 'company' ? { type: 'company' } : body.scope, targets: body.targets }),
    onSuccess: refresh,
  });
}

export interface CascadeInput {
  period: string;
  from: ScopeRef;
  to: { scope: ScopeRef; weight: number }[];
  step?: number;
}

export function useCascade(code: string) {
  const refresh = useRefresh(code);
  return useMutation({
    mutationFn: (body: CascadeInput) => api<CascadeResultT>('POST', `${path(code)}/cascade`, { ...body, from: body.from.type === 'company' ? { type: 'company' } : body.from }),
    onSuccess: refresh,
  });
}
