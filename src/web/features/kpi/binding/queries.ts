import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { KpiBinding, KpiBindingCheck, KpiBindingSaved, KpiRows, RecomputeResult } from '../../../../contract/kpi-binding';
import type { Dataset } from '../../../../contract/datasets';
import { api, query } from '../../../api';

export type KpiBindingT = z.infer<typeof KpiBinding>;
export type KpiRowsT = z.infer<typeof KpiRows>;
export type RecomputeT = z.infer<typeof RecomputeResult>;
export type BindingCheckT = z.infer<typeof KpiBindingCheck>;
export type DatasetT = z.infer<typeof Dataset>;

const path = (code: string) => `/api/kpis/${encodeURIComponent(code)}`;
export const bindingKeys = {
  binding: (code: string) => ['kpis', 'binding', code] as const,
  rows: (code: string, period: string, scope: string, offset: number) => ['kpis', 'rows', code, period, scope, offset] as const,
};

export function useBinding(code: string | undefined) {
  return useQuery({
    queryKey: bindingKeys.binding(code ?? ''),
    queryFn: () => api<{ binding: KpiBindingT | null }>('GET', `${path(code!)}/binding`).then((r) => r.binding),
    enabled: Boolean(code),
  });
}

export function saveBinding(code: string, binding: KpiBindingT) {
  return api<z.infer<typeof KpiBindingSaved>>('PUT', `${path(code)}/binding`, binding);
}

export function checkBinding(code: string, binding: KpiBindingT) {
  return api<BindingCheckT>('POST', `${path(code)}/binding/check`, binding);
}

export function useRecompute(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<RecomputeT>('POST', `${path(code)}/recompute`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['kpis'] }),
  });
}

export function useDatasetList(enabled = true) {
  return useQuery({ queryKey: ['datasets', 'list'], queryFn: () => api<{ items: DatasetT[] }>('GET', '/api/datasets').then((r) => r.items), enabled });
}

/** The dataset rows behind a number: a page of 20. */
export function useKpiRows(code: string, period: string | null, scope: string, offset: number) {
  return useQuery({
    queryKey: bindingKeys.rows(code, period ?? '', scope, offset),
    queryFn: () => api<KpiRowsT>('GET', `${path(code)}/rows${query({ period, scope, offset, limit: 20 })}`),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
}
