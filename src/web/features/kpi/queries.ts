import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { KpiBodyT, KpiDetailT, KpiListItemT, KpiT, TemplateItemT } from './types';

export interface KpiFilter {
  status?: string | undefined;
  level?: string | undefined;
  perspective?: string | undefined;
  unit?: string | undefined;
  ownerId?: number | undefined;
  q?: string | undefined;
}

export const kpiKeys = {
  all: ['kpis'] as const,
  list: (f: KpiFilter) => ['kpis', 'list', f] as const,
  detail: (code: string) => ['kpis', 'detail', code] as const,
  templates: ['kpi-templates'] as const,
};

export function useKpiList(filter: KpiFilter) {
  return useQuery({
    queryKey: kpiKeys.list(filter),
    queryFn: () => api<{ items: KpiListItemT[] }>('GET', `/api/kpis${query({ ...filter })}`).then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

export function useKpi(code: string | undefined) {
  return useQuery({
    queryKey: kpiKeys.detail(code ?? ''),
    queryFn: () => api<KpiDetailT>('GET', `/api/kpis/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
  });
}

export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: kpiKeys.templates,
    queryFn: () => api<{ items: TemplateItemT[] }>('GET', '/api/kpi-templates').then((r) => r.items),
    staleTime: Infinity,
    enabled,
  });
}

/** Creates (no `code`) or updates a KPI; refreshes every KPI query on success. */
export function useSaveKpi(existingCode: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KpiBodyT) =>
      existingCode
        ? api<{ kpi: KpiT }>('PUT', `/api/kpis/${encodeURIComponent(existingCode)}`, body)
        : api<{ kpi: KpiT }>('POST', '/api/kpis', body),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useArchiveKpi() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<{ kpi: KpiT }>('POST', `/api/kpis/${encodeURIComponent(code)}/archive`),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}
