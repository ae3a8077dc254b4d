import { useQuery } from '@tanstack/react-query';
import { api, type CompanyT } from '../../api';

/** The company's time zone (datetimes are shown in it), undefined while loading. */
export function useCompanyTimeZone(): string | undefined {
  return useQuery({ queryKey: ['company'], queryFn: () => api<CompanyT>('GET', '/api/company') }).data?.timezone;
}
