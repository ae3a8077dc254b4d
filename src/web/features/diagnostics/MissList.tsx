import { Button, Card, Empty, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MISS_REASON_LABELS } from '../../../core/diagnostics';
import { useSession } from '../../session';
import { formatAchievement, formatValueCompact } from '../results/display';
import { DriversTable } from './DriversTable';
import { MissDialog } from './MissDialog';
import { useMisses } from './queries';
import type { MissItemT, ScopeT } from './types';
import { ExportTable } from '../../shell/ExportTable';

/** The KPIs that ended the period red for the scope, their recorded reasons, and "Why missed?". */
export function MissList({ period, scope }: { period: string; scope: ScopeT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const misses = useMisses(period, scope);
  const [open, setOpen] = useState<MissItemT | null>(null);
  const ended = misses.data?.period.ended ?? true;
  return (
    <Card size="small" title={t('diagnostics.redKpis')} style={{ marginBottom: 12 }} data-testid="miss-list">
      {!ended && <Empty description={t('diagnostics.notEnded')} />}
      {ended && (
        <ExportTable<MissItemT> exportName="missed-kpis"
          size="small"
          rowKey="code"
          loading={misses.isLoading}
          dataSource={misses.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('diagnostics.noRed') }}
          expandable={{ rowExpandable: (i) => i.hasDrivers, expandedRowRender: (i) => <DriversTable code={i.code} period={period} scope={scope} /> }}
          columns={[
            { title: 'KPI', dataIndex: 'code', render: (code: string, i) => <span title={i.name}>{code}</span> },
            { title: t('diagnostics.name'), dataIndex: 'name', render: (name: string, i) => (lang === 'en' ? (i.nameEn ?? name) : name), ellipsis: true, width: 220 },
            { title: t('diagnostics.target'), dataIndex: 'target', align: 'right', render: (v: number | null, i) => formatValueCompact(v, i.unit, lang) },
            { title: t('diagnostics.actual'), dataIndex: 'actual', align: 'right', render: (v: number | null, i) => formatValueCompact(v, i.unit, lang) },
            { title: t('diagnostics.achievement'), dataIndex: 'achievement', align: 'right', render: (v: number | null) => <span style={{ color: '#cf1322' }}>{formatAchievement(v, lang)}</span> },
            {
              title: t('diagnostics.reasons'),
              key: 'reasons',
              exportValue: (i) => i.reasons.map((r) => MISS_REASON_LABELS[r.reason][lang]).join('; '),
              render: (_: unknown, i) => (
                <Space size={2} wrap>
                  {i.reasons.map((r) => <Tag key={r.id} color="volcano">{MISS_REASON_LABELS[r.reason][lang]}</Tag>)}
                  {i.reasons.length === 0 && i.suggestions.length > 0 && <Tag color="blue">{t('diagnostics.suggestions', { count: i.suggestions.length })}</Tag>}
                </Space>
              ),
            },
            {
              title: '',
              key: 'explain',
              render: (_: unknown, i) =>
                i.canExplain && (
                  <Button size="small" onClick={() => setOpen(i)} data-testid={`explain-${i.code}`}>
                    {t('diagnostics.whyMissed')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {open && <MissDialog item={open} period={period} scope={scope} onClose={() => setOpen(null)} />}
    </Card>
  );
}
