import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api';
import type { BonusRuleBodyT, BonusRuleT, TemplateBodyT, TemplateT } from '../cycles/types';

/** The template and bonus-rule routes of the server (src/server/routes/appraisal-setup.ts). */
export const templateUrls = {
  list: '/api/appraisal/templates',
  one: (id: number) => `/api/appraisal/templates/${id}`,
  archive: (id: number) => `/api/appraisal/templates/${id}/archive`,
  bonusRules: '/api/appraisal/bonus-rules',
};

export const templateKeys = { all: ['appraisal-templates'] as const, bonusRules: ['appraisal-bonus-rules'] as const };

export function useAppraisalTemplates(enabled = true) {
  return useQuery({ queryKey: templateKeys.all, queryFn: () => api<{ items: TemplateT[] }>('GET', templateUrls.list).then((r) => r.items), enabled });
}

/** Creates (no id) or replaces a template. */
export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: TemplateBodyT }) =>
      id === null ? api<TemplateT>('POST', templateUrls.list, body) : api<TemplateT>('PUT', templateUrls.one(id), body),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

export function useArchiveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<TemplateT>('POST', templateUrls.archive(id)),
    onSuccess: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

export function useBonusRules(enabled = true) {
  return useQuery({ queryKey: templateKeys.bonusRules, queryFn: () => api<{ items: BonusRuleT[] }>('GET', templateUrls.bonusRules).then((r) => r.items), enabled });
}

export function useAddBonusRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BonusRuleBodyT) => api<BonusRuleT>('POST', templateUrls.bonusRules, body),
    // A new rule changes the bonus of the cycles it covers.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: templateKeys.bonusRules }), client.invalidateQueries({ queryKey: ['appraisal-cycles'] })]),
  });
}
