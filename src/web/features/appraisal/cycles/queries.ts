import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../api';
import type {
  AssignBodyT,
  AssignResultT,
  CalibrateBodyT,
  CalibrationT,
  ConsensusT,
  CycleBodyT,
  CycleT,
  PayBodyT,
  PayT,
  PhaseBodyT,
  SheetListT,
} from './types';

/** The cycle routes of the server (src/server/routes/appraisal-*.ts), in one place. */
export const cycleUrls = {
  list: '/api/appraisal/cycles',
  one: (id: number) => `/api/appraisal/cycles/${id}`,
  phase: (id: number) => `/api/appraisal/cycles/${id}/phase`,
  reopen: (id: number) => `/api/appraisal/cycles/${id}/reopen`,
  assign: (id: number) => `/api/appraisal/cycles/${id}/assign`,
  sheets: (id: number, p: { unitId?: number | undefined; limit: number; offset: number }) => `/api/appraisal/cycles/${id}/sheets${query(p)}`,
  consensus: (id: number, unitId?: number) => `/api/appraisal/cycles/${id}/consensus${query({ unitId })}`,
  calibration: (id: number, unitId?: number) => `/api/appraisal/cycles/${id}/calibration${query({ unitId })}`,
  pay: (id: number) => `/api/appraisal/cycles/${id}/pay`,
  exportXlsx: (id: number, unitId?: number) => `/api/appraisal/cycles/${id}/export.xlsx${query({ unitId })}`,
  calibrate: (sheetId: number) => `/api/appraisal/sheets/${sheetId}/calibrate`,
};

export const cycleKeys = {
  all: ['appraisal-cycles'] as const,
  one: (id: number) => ['appraisal-cycles', id] as const,
  sheets: (id: number, unitId?: number) => ['appraisal-cycles', id, 'sheets', unitId ?? null] as const,
  consensus: (id: number, unitId?: number) => ['appraisal-cycles', id, 'consensus', unitId ?? null] as const,
  calibration: (id: number, unitId?: number) => ['appraisal-cycles', id, 'calibration', unitId ?? null] as const,
  pay: (id: number, body: PayBodyT) => ['appraisal-cycles', id, 'pay', body] as const,
};

export function useCycles() {
  return useQuery({ queryKey: cycleKeys.all, queryFn: () => api<{ items: CycleT[] }>('GET', cycleUrls.list).then((r) => r.items) });
}

export function useCycle(id: number) {
  return useQuery({ queryKey: cycleKeys.one(id), queryFn: () => api<CycleT>('GET', cycleUrls.one(id)) });
}

/** Every change to a cycle may move its sheets, results and pay: refresh all of the cycle's queries. */
function useInvalidateCycles() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: cycleKeys.all });
}

export function useCreateCycle() {
  const invalidate = useInvalidateCycles();
  return useMutation({ mutationFn: (body: CycleBodyT) => api<CycleT>('POST', cycleUrls.list, body), onSuccess: invalidate });
}

export function useMovePhase(id: number) {
  const invalidate = useInvalidateCycles();
  return useMutation({ mutationFn: (body: PhaseBodyT) => api<CycleT>('POST', cycleUrls.phase(id), body), onSuccess: invalidate });
}

export function useReopen(id: number) {
  const invalidate = useInvalidateCycles();
  return useMutation({ mutationFn: (reason: string) => api<CycleT>('POST', cycleUrls.reopen(id), { reason }), onSuccess: invalidate });
}

export function useAssign(id: number) {
  const invalidate = useInvalidateCycles();
  return useMutation({ mutationFn: (body: AssignBodyT) => api<AssignResultT>('POST', cycleUrls.assign(id), body), onSuccess: invalidate });
}

export function useCalibrate() {
  const invalidate = useInvalidateCycles();
  return useMutation({
    mutationFn: ({ sheetId, body }: { sheetId: number; body: CalibrateBodyT }) => api<unknown>('POST', cycleUrls.calibrate(sheetId), body),
    onSuccess: invalidate,
  });
}

/** The sheets of the cycle in the reader's scope (the first 1,000: the page lists, it does not page yet). */
export function useCycleSheets(id: number, unitId?: number) {
  return useQuery({
    queryKey: cycleKeys.sheets(id, unitId),
    queryFn: () => api<SheetListT>('GET', cycleUrls.sheets(id, { unitId, limit: 1000, offset: 0 })),
    placeholderData: keepPreviousData,
  });
}

export function useConsensus(id: number, enabled: boolean, unitId?: number) {
  return useQuery({ queryKey: cycleKeys.consensus(id, unitId), queryFn: () => api<ConsensusT>('GET', cycleUrls.consensus(id, unitId)), enabled });
}

export function useCalibration(id: number, enabled: boolean, unitId?: number) {
  return useQuery({ queryKey: cycleKeys.calibration(id, unitId), queryFn: () => api<CalibrationT>('GET', cycleUrls.calibration(id, unitId)), enabled });
}

/** Current pay vs the what-if scenario; the previous answer stays on screen while a new one is computed. */
export function usePay(id: number, body: PayBodyT, enabled: boolean) {
  return useQuery({
    queryKey: cycleKeys.pay(id, body),
    queryFn: () => api<PayT>('POST', cycleUrls.pay(id), body),
    placeholderData: keepPreviousData,
    enabled,
  });
}
