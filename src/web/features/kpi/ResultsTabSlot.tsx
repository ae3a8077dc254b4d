/// <reference types="vite/client" />
import { Empty } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

type ResultsTabModule = { default?: ComponentType<{ code: string }>; KpiResultsTab?: ComponentType<{ code: string }> };

// The "Results" tab is built by the results feature. The glob is empty until
// src/web/features/results/KpiResultsTab.tsx exists, so there is no hard dependency either way.
const found = import.meta.glob<ResultsTabModule>('../results/KpiResultsTab.tsx');
const loader = Object.values(found)[0];
const ResultsTab: ComponentType<{ code: string }> | null = loader
  ? lazy(async () => {
      const mod = await loader();
      const Component = mod.default ?? mod.KpiResultsTab;
      return { default: (Component ?? Placeholder) as ComponentType<{ code: string }> };
    })
  : null;

function Placeholder() {
  const { t } = useTranslation();
  return <Empty description={t('kpi.detail.resultsSoon')} data-testid="kpi-results-placeholder" />;
}

/** Renders KpiResultsTab({ code }) when the results feature is present, a placeholder otherwise. */
export function ResultsTabSlot({ code }: { code: string }) {
  if (!ResultsTab) return <Placeholder />;
  return (
    <Suspense fallback={null}>
      <ResultsTab code={code} />
    </Suspense>
  );
}
