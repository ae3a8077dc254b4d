import { Tag } from 'antd';
import { KPI_STATUS_LABELS } from '../../../core/kpi/labels';
import { useSession } from '../../session';
import { labelOf } from './labels';

const COLOR: Record<string, string> = { draft: 'default', active: 'green', archived: 'default' };

export function KpiStatusTag({ status }: { status: string }) {
  const { lang } = useSession();
  return (
    <Tag color={COLOR[status] ?? 'default'} data-testid="kpi-status" style={status === 'archived' ? { color: '#8c8c8c', borderStyle: 'dashed' } : undefined}>
      {labelOf(KPI_STATUS_LABELS, status, lang)}
    </Tag>
  );
}


/** The KPI name in the UI language (the English name when there is one). */
export function kpiName(kpi: { name: string; nameEn?: string | undefined }, lang: string): string {
  return lang === 'en' && kpi.nameEn ? kpi.nameEn : kpi.name;
}
