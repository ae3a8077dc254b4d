import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query, type OrgUnitT, type PeopleListT, type PersonT, type PositionT } from '../../api';

export const orgKeys = {
  units: ['org-units'] as const,
  positions: ['positions'] as const,
  people: (p: PeopleParams) => ['people', p] as const,
  person: (id: number) => ['person', id] as const,
};

export interface PeopleParams {
  unitId?: number | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export function useUnits() {
  return useQuery({ queryKey: orgKeys.units, queryFn: () => api<{ items: OrgUnitT[] }>('GET', '/api/org-units').then((r) => r.items) });
}

export function usePositions() {
  return useQuery({ queryKey: orgKeys.positions, queryFn: () => api<{ items: PositionT[] }>('GET', '/api/positions').then((r) => r.items) });
}

export function usePeople(params: PeopleParams, enabled = true) {
  return useQuery({
    queryKey: orgKeys.people(params),
    queryFn: () => api<PeopleListT>('GET', `/api/people${query({ ...params })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: number | null) {
  return useQuery({
    queryKey: orgKeys.person(id ?? 0),
    queryFn: () => api<PersonT>('GET', `/api/people/${id}`),
    enabled: id !== null,
  });
}
