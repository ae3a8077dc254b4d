import { HistoryOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Popover, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { periodLabel } from './periods';
import { useVersions } from './queries';
import type { ActualT } from './types';
import { ExportTable } from '../../shell/ExportTable';

function Versions({ actual, unit }: { actual: ActualT; unit: string | null }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [open, setOpen] = useState(false);
  const versions = useVersions(actual.id, open);
  const content = (
    <ExportTable exportName="check-in-versions"
      size="small"
      rowKey="version"
      pagination={false}
      loading={versions.isLoading}
      dataSource={versions.data ?? []}
      style={{ width: 520 }}
      data-testid="versions-table"
      columns={[
        { title: 'v', dataIndex: 'version', width: 40 },
        { title: t('results.value'), dataIndex: 'value', render: (x: number) => formatKpiValue(x, unit, lang) },
        { title: t('results.by'), dataIndex: 'changedByName' },
        { title: t('results.at'), dataIndex: 'changedAt', render: (x: string) => formatDateTime(x, lang) },
        { title: t('results.comment'), dataIndex: 'comment', render: (x: string | null) => x ?? '' },
      ]}
    />
  );
  return (
    <Popover content={content} title={t('results.versions')} trigger="click" open={open} onOpenChange={setOpen}>
      <Button size="small" type="link" icon={<HistoryOutlined />} data-testid={`versions-${actual.period}`}>
        v{actual.version}
      </Button>
    </Popover>
  );
}

/** Check-ins of one KPI and scope, newest period first, with versions and evidence. */
export function CheckInHistory({ actuals, unit, loading }: { actuals: ActualT[]; unit: string | null; loading: boolean }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const rows = [...actuals].sort((a, b) => b.start.localeCompare(a.start));
  return (
    <ExportTable<ActualT> exportName="check-in-history"
      data-testid="checkin-history"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 12, hideOnSinglePage: true }}
      locale={{ emptyText: t('results.noCheckins') }}
      columns={[
        { title: t('results.period'), dataIndex: 'period', width: 130, render: (k: string) => periodLabel(k, lang) },
        {
          title: t('results.actual'),
          dataIndex: 'value',
          align: 'right',
          render: (x: number, a) => (
            <>
              <Typography.Text strong data-testid={`history-value-${a.period}`}>
                {formatKpiValue(x, unit, lang)}
              </Typography.Text>
              {a.numerator !== null && a.denominator !== null && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatNumber(a.numerator, lang)} / {formatNumber(a.denominator, lang)}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        { title: t('results.by'), dataIndex: 'updatedByName', render: (x: string | null) => x ?? '—' },
        { title: t('results.at'), dataIndex: 'updatedAt', width: 150, render: (x: string) => formatDateTime(x, lang) },
        {
          title: t('results.comment'),
          dataIndex: 'comment',
          ellipsis: true,
          render: (x: string | null, a) => (
            <Space size={4} wrap>
              {a.late && <Tag color="orange">{t('results.late')}</Tag>}
              {a.source !== 'checkin' && <Tag>{t(`results.source.${a.source}`)}</Tag>}
              {x && <Typography.Text>{x}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('results.evidence'),
          dataIndex: 'evidence',
          render: (files: ActualT['evidence']) => (
            <Space orientation="vertical" size={0}>
              {files.map((f) => (
                <Typography.Link key={f.id} href={`/api/evidence/${f.id}`} download={f.fileName} data-testid="evidence-link">
                  <PaperClipOutlined /> {f.fileName}
                </Typography.Link>
              ))}
            </Space>
          ),
        },
        { title: t('results.version'), dataIndex: 'version', width: 70, render: (_: number, a) => <Versions actual={a} unit={unit} /> },
      ]}
    />
  );
}
