import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { ApiTokenT, CreatedApiTokenT } from '../results/types';

const KEY = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: KEY, queryFn: () => api<{ items: ApiTokenT[] }>('GET', '/api/api-tokens').then((r) => r.items) });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; kpiCodes?: string[] }) => api<CreatedApiTokenT>('POST', '/api/api-tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<ApiTokenT>('POST', `/api/api-tokens/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
