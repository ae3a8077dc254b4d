import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Overview } from '../../../contract/overview';
import { api } from '../../api';

// Types only: the zod schemas stay out of the web bundle.
export type OverviewT = z.infer<typeof Overview>;
export type LateReportT = OverviewT['lateReports']['items'][number];
export type UnallocatedTargetT = OverviewT['unallocatedTargets']['items'][number];

/** Late reports and targets not fully allocated within the reader's reach (refreshed with every results change). */
export function useOverview() {
  return useQuery({ queryKey: ['results', 'overview'], queryFn: () => api<OverviewT>('GET', '/api/overview') });
}
