import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import type { AgreementBodyT, MySheetsT, ReviewBodyT, SheetItemsBodyT, SheetT } from './types';

/** Every people-evaluation query starts with 'appraisal', so one invalidation refreshes the sheet, my page and the cycle lists. */
export const sheetKeys = {
  all: ['appraisal'] as const,
  my: ['appraisal', 'my'] as const,
  sheet: (id: number) => ['appraisal', 'sheet', id] as const,
};

export function useMySheets() {
  return useQuery({ queryKey: sheetKeys.my, queryFn: () => api<MySheetsT>('GET', '/api/appraisal/my').then((r) => r.items) });
}

export function useSheet(id: number) {
  return useQuery({ queryKey: sheetKeys.sheet(id), queryFn: () => api<SheetT>('GET', `/api/appraisal/sheets/${id}`), enabled: Number.isInteger(id) && id > 0 });
}

/** A write on a sheet; the answer is not trusted for the view: every appraisal query reloads (scores move with it). */
function useSheetWrite<V>(send: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => client.invalidateQueries({ queryKey: sheetKeys.all }) });
}

const base = (sheetId: number) => `/api/appraisal/sheets/${sheetId}`;

export const useAgreement = (sheetId: number) =>
  useSheetWrite(({ itemId, body }: { itemId: number; body: AgreementBodyT }) => api('POST', `${base(sheetId)}/items/${itemId}/agreement`, body));
export const useSelfAssessment = (sheetId: number) => useSheetWrite((body: ReviewBodyT) => api('PUT', `${base(sheetId)}/self`, body));
export const useManagerReview = (sheetId: number) => useSheetWrite((body: ReviewBodyT) => api('PUT', `${base(sheetId)}/review`, body));
export const useApprove = (sheetId: number) => useSheetWrite(() => api('POST', `${base(sheetId)}/approve`, {}));
export const useSaveItems = (sheetId: number) => useSheetWrite((body: SheetItemsBodyT) => api('PUT', `${base(sheetId)}/items`, body));
