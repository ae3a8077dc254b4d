import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { ActionPlanT, DriversT, MissItemT, MissesT, ParetoT, ScopeT } from './types';

const keys = {
  all: ['diagnostics'] as const,
  pareto: (period: string, unit: number | null) => ['diagnostics', 'pareto', period, unit] as const,
  misses: (period: string, scope: string) => ['diagnostics', 'misses', period, scope] as const,
  drivers: (code: string, period: string, scope: string) => ['diagnostics', 'drivers', code, period, scope] as const,
};

export const scopeText = (s: ScopeT) => (s.type === 'company' ? 'company' : `${s.type}:${s.id}`);

export function usePareto(period: string, unit: number | null) {
  return useQuery({
    queryKey: keys.pareto(period, unit),
    queryFn: () => api<ParetoT>('GET', `/api/diagnostics/pareto${query({ period, unit })}`),
    placeholderData: keepPreviousData,
  });
}

export function useMisses(period: string, scope: ScopeT) {
  return useQuery({
    queryKey: keys.misses(period, scopeText(scope)),
    queryFn: () => api<MissesT>('GET', `/api/diagnostics/misses${query({ period, scope: scopeText(scope) })}`),
    placeholderData: keepPreviousData,
  });
}

export function useDrivers(code: string, period: string, scope: ScopeT) {
  return useQuery({
    queryKey: keys.drivers(code, period, scopeText(scope)),
    queryFn: () => api<DriversT>('GET', `/api/kpis/${encodeURIComponent(code)}/drivers${query({ period, scope: scopeText(scope) })}`),
    retry: false,
  });
}

export interface ReasonWrite {
  reason: string;
  comment: string | null;
  controllable: boolean;
  fromSuggestion: boolean;
}

export interface PlanWrite {
  fact: string | null;
  cause: string | null;
  action: string;
  ownerPersonId: number | null;
  dueOn: string | null;
  status: ActionPlanT['status'];
}

/** Writes refresh every diagnostics view (the misses list, the Pareto and its plans). */
export function useDiagnosticsWrites() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: keys.all });
  return {
    saveReasons: useMutation({
      mutationFn: (b: { kpi: string; scope: ScopeT; period: string; reasons: ReasonWrite[] }) => api<{ item: MissItemT }>('PUT', '/api/diagnostics/reasons', b),
      onSuccess: refresh,
    }),
    addPlan: useMutation({
      mutationFn: (b: PlanWrite & { reasonId: number }) => api<{ plan: ActionPlanT }>('POST', '/api/diagnostics/action-plans', b),
      onSuccess: refresh,
    }),
    updatePlan: useMutation({
      mutationFn: ({ id, ...b }: PlanWrite & { id: number }) => api<{ plan: ActionPlanT }>('PUT', `/api/diagnostics/action-plans/${id}`, b),
      onSuccess: refresh,
    }),
    deletePlan: useMutation({ mutationFn: (id: number) => api('DELETE', `/api/diagnostics/action-plans/${id}`), onSuccess: refresh }),
  };
}
