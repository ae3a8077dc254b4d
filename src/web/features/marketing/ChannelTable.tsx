import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { money, percent, ratio } from './format';
import type { TotalsT } from './marketing-api';
import { ExportTable } from '../../shell/ExportTable';

export interface ChannelRow extends TotalsT {
  key: string;
  name: string;
  /** Per-channel targets, when shown against a campaign's actuals. */
  responseRateTarget?: number | null;
  cpaTarget?: number | null;
  roasTarget?: number | null;
}

/** Channels side by side; the last row is the total (ratio of the sums, computed by the server). */
export function ChannelTable({ rows, total, withTargets = false, testId }: { rows: ChannelRow[]; total: TotalsT; withTargets?: boolean; testId: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const vs = (actual: string, target: string | null) => (withTargets && target !== null ? `${actual} / ${target}` : actual);
  return (
    <ExportTable<ChannelRow> exportName="marketing-channels"
      data-testid={testId}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...rows, { ...total, key: 'total', name: t('marketing.total') }]}
      rowClassName={(r) => (r.key === 'total' ? 'marketing-total' : '')}
      columns={[
        { title: t('marketing.channel'), dataIndex: 'name', fixed: 'left', render: (n: string, r) => (r.key === 'total' ? <strong>{n}</strong> : n) },
        { title: t('marketing.recipients'), dataIndex: 'recipients', align: 'right', render: (v: number) => formatNumber(v, lang) },
        { title: t('marketing.responses'), dataIndex: 'responses', align: 'right', render: (v: number) => formatNumber(v, lang) },
        {
          title: withTargets ? t('marketing.responseRateVsTarget') : t('marketing.responseRate'),
          key: 'rr',
          align: 'right',
          render: (_: unknown, r) => <span data-testid={`rr-${r.key}`}>{vs(percent(r.responseRate, lang), r.responseRateTarget == null ? null : percent(r.responseRateTarget, lang))}</span>,
        },
        { title: t('marketing.cost'), dataIndex: 'cost', align: 'right', render: (v: number) => money(v, lang) },
        { title: t('marketing.costPerResponse'), dataIndex: 'costPerResponse', align: 'right', render: (v: number | null) => money(v, lang) },
        {
          title: t('marketing.cpa'),
          key: 'cpa',
          align: 'right',
          render: (_: unknown, r) => vs(money(r.costPerAcquisition, lang), r.cpaTarget == null ? null : money(r.cpaTarget, lang)),
        },
        { title: t('marketing.roas'), key: 'roas', align: 'right', render: (_: unknown, r) => vs(ratio(r.roas, lang), r.roasTarget == null ? null : ratio(r.roasTarget, lang)) },
      ]}
    />
  );
}
