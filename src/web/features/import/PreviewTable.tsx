import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { formatNumber } from '../../lib/format';
import { periodLabel } from '../results/periods';
import type { ImportPreviewT } from './types';
import { ExportTable } from '../../shell/ExportTable';

type PreviewRow = ImportPreviewT['rows'][number];

/** The first rows as in the file, and what each becomes (KPI · period · value) or why it cannot be read. */
export function PreviewTable({ preview }: { preview: ImportPreviewT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <ExportTable<PreviewRow> exportName="import-preview"
      data-testid="import-preview"
      size="small"
      rowKey="row"
      dataSource={preview.rows}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        { title: '#', dataIndex: 'row', width: 48 },
        ...preview.headers.map((h, i) => ({ title: h, key: `c${i}`, render: (_: unknown, r: PreviewRow) => r.cells[i] ?? '' })),
        {
          title: t('importActuals.readAs'),
          key: 'parsed',
          render: (_: unknown, r: PreviewRow) =>
            r.actual ? (
              <Typography.Text type="success" data-testid={`preview-parsed-${r.row}`}>
                {r.actual.kpi} · {periodLabel(r.actual.period, lang)} · {formatNumber(r.actual.value, lang, 6)}
              </Typography.Text>
            ) : (
              <Typography.Text type="danger">{r.issues.map((i) => i.message).join(' ')}</Typography.Text>
            ),
        },
      ]}
    />
  );
}
