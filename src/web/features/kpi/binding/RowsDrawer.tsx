import { Alert, Drawer, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { periodLabel } from '../../results/periods';
import { useKpiRows } from './queries';
import { ExportTable } from '../../../shell/ExportTable';

/** The drill-through: the dataset rows behind one number (a period and scope), 20 a page, fetched from the server. */
export function RowsDrawer({ code, period, scope, scopeName, onClose }: { code: string; period: string | null; scope: string; scopeName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [offset, setOffset] = useState(0);
  const rows = useKpiRows(code, period, scope, offset);
  const data = rows.data;
  return (
    <Drawer
      open={period !== null}
      onClose={() => {
        setOffset(0);
        onClose();
      }}
      size="large"
      title={period ? t('kpiBinding.rowsTitle', { period: periodLabel(period, lang), scope: scopeName }) : ''}
      data-testid="kpi-rows-drawer"
    >
      {rows.error && <Alert type="error" showIcon title={rows.error.message} />}
      {data && (
        <>
          <Typography.Paragraph type="secondary" data-testid="kpi-rows-total">
            {t('kpiBinding.rowsTotal', { count: data.total, dataset: data.dataset })}
          </Typography.Paragraph>
          <ExportTable exportName="kpi-source-rows"
            size="small"
            loading={rows.isFetching}
            rowKey={(_, i) => String(offset + (i ?? 0))}
            dataSource={data.rows}
            scroll={{ x: 'max-content' }}
            data-testid="kpi-rows-table"
            columns={data.columns.map((c) => ({ title: c.label, dataIndex: c.name, key: c.name, render: (v: unknown) => (v === null ? '—' : String(v)) }))}
            pagination={{ current: offset / 20 + 1, pageSize: 20, total: data.total, showSizeChanger: false, onChange: (page) => setOffset((page - 1) * 20) }}
          />
        </>
      )}
    </Drawer>
  );
}
