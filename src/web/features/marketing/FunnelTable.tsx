import { useTranslation } from 'react-i18next';
import { funnelOf, type Funnel } from '../../../core/marketing/funnel';
import { formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { money, percent } from './format';
import type { ComparisonT } from './marketing-api';
import { ExportTable } from '../../shell/ExportTable';

type Row = Funnel & { key: string; name: string };

/** traffic → leads → closed sales → revenue per channel, with the conversion between steps (ratios of the sums). */
export function FunnelTable({ comparison }: { comparison: ComparisonT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const rows: Row[] = [
    ...comparison.channels.filter((c) => c.recipients > 0).map((c) => ({ ...funnelOf(c), key: c.code, name: c.name })),
    { ...funnelOf(comparison.total), key: 'total', name: t('marketing.total') },
  ];
  const step = (count: number, rate: number | null, key: string) => (
    <span data-testid={key}>
      {formatNumber(count, lang)}
      {rate !== null && <span style={{ color: '#8c8c8c' }}> · {percent(rate, lang)}</span>}
    </span>
  );
  return (
    <ExportTable<Row> exportName="marketing-funnel"
      data-testid="marketing-funnel"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        { title: t('marketing.channel'), dataIndex: 'name', fixed: 'left', render: (n: string, r) => (r.key === 'total' ? <strong>{n}</strong> : n) },
        { title: t('marketing.funnel.traffic'), key: 'traffic', align: 'right', render: (_: unknown, r) => formatNumber(r.traffic, lang) },
        { title: t('marketing.funnel.leads'), key: 'leads', align: 'right', render: (_: unknown, r) => step(r.leads, r.leadRate, `funnel-leads-${r.key}`) },
        { title: t('marketing.funnel.sales'), key: 'sales', align: 'right', render: (_: unknown, r) => step(r.sales, r.closeRate, `funnel-sales-${r.key}`) },
        { title: t('marketing.funnel.revenue'), key: 'revenue', align: 'right', render: (_: unknown, r) => money(r.revenue, lang) },
        { title: t('marketing.funnel.perSale'), key: 'perSale', align: 'right', render: (_: unknown, r) => money(r.revenuePerSale, lang) },
      ]}
    />
  );
}
