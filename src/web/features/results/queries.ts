import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { ActualT, ActualVersionT, EvidenceFileT, KpiSeriesT, ScopeText, ScorecardT, StrategyMapT, UnitDashboardT, UnitKpisT } from './types';

/** Every results query starts with 'results', so one invalidation refreshes chart, history, map and dashboards. */
export const resultsKeys = {
  all: ['results'] as const,
  series: (code: string, scope: ScopeText) => ['results', 'series', code, scope] as const,
  actuals: (code: string, scope: ScopeText) => ['results', 'actuals', code, scope] as const,
  versions: (id: number) => ['results', 'versions', id] as const,
  /** `latest`: no period asked, the server picks the one to open on. */
  strategy: (period: string | undefined) => ['results', 'strategy', period ?? 'latest'] as const,
  scorecard: (period: string | undefined, scope: ScopeText) => ['results', 'scorecard', period ?? 'latest', scope] as const,
  dashboard: (period: string | undefined) => ['results', 'dashboard', period ?? 'latest'] as const,
  unitKpis: (unitId: number, period: string) => ['results', 'unit-kpis', unitId, period] as const,
};

const path = (code: string) => `/api/kpis/${encodeURIComponent(code)}`;

export function useSeries(code: string, scope: ScopeText, enabled = true) {
  return useQuery({
    queryKey: resultsKeys.series(code, scope),
    queryFn: () => api<KpiSeriesT>('GET', `${path(code)}/series${query({ scope })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActuals(code: string, scope: ScopeText) {
  return useQuery({
    queryKey: resultsKeys.actuals(code, scope),
    queryFn: () => api<{ items: ActualT[] }>('GET', `${path(code)}/actuals${query({ scope })}`).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

export function useVersions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: resultsKeys.versions(id),
    queryFn: () => api<{ items: ActualVersionT[] }>('GET', `/api/actuals/${id}/versions`).then((r) => r.items),
    enabled,
  });
}

export function useStrategyMap(period: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.strategy(period),
    queryFn: () => api<StrategyMapT>('GET', `/api/strategy-map${query({ period })}`),
    placeholderData: keepPreviousData,
  });
}

export function useScorecard(period: string | undefined, scope: ScopeText, enabled = true) {
  return useQuery({
    queryKey: resultsKeys.scorecard(period, scope),
    queryFn: () => api<ScorecardT>('GET', `/api/scorecard${query({ period, scope })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The units with their scores and status counts, without KPI rows (`useUnitKpis` loads a unit's rows when it is opened). */
export function useUnitDashboard(period: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.dashboard(period),
    queryFn: () => api<UnitDashboardT>('GET', `/api/dashboard/units${query({ period, kpis: 'none' })}`),
    placeholderData: keepPreviousData,
  });
}

/** One unit's KPI rows of the dashboard for a period. */
export function useUnitKpis(unitId: number, period: string) {
  return useQuery({
    queryKey: resultsKeys.unitKpis(unitId, period),
    queryFn: () => api<UnitKpisT>('GET', `/api/dashboard/units/${unitId}/kpis${query({ period })}`),
    placeholderData: keepPreviousData,
  });
}

export interface CheckInInput {
  period: string;
  scope?: { type: 'company' | 'unit' | 'person'; id?: number | null };
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
  /** Uploaded as evidence of the saved actual. */
  files?: File[];
}

export function uploadEvidence(actualId: number, file: File): Promise<EvidenceFileT> {
  const body = new FormData();
  body.append('file', file);
  return api<EvidenceFileT>('POST', `/api/actuals/${actualId}/evidence`, body);
}

/** Saves a check-in, then its evidence files; refreshes every results view (chart, history, map, dashboards). */
export function useCheckIn(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ files = [], ...body }: CheckInInput) => {
      const actual = await api<ActualT>('POST', `${path(code)}/checkins`, body);
      for (const file of files) await uploadEvidence(actual.id, file);
      return actual;
    },
    onSettled: () => client.invalidateQueries({ queryKey: resultsKeys.all }),
  });
}
