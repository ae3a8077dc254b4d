import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { formatPreviewCell } from './display';
import { COLUMN_TYPES, type ColumnType, type DatasetPreviewT } from './types';
import { ExportTable } from '../../shell/ExportTable';

type PreviewRow = DatasetPreviewT['rows'][number];

/** The first rows as they would be stored, each column headed by its label, identifier and (overridable) type. */
export function PreviewColumns({
  preview,
  types,
  disabled,
  onTypeChange,
}: {
  preview: DatasetPreviewT;
  types: Record<string, ColumnType>;
  disabled: boolean;
  onTypeChange: (column: string, type: ColumnType) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <ExportTable<PreviewRow> exportName="dataset-preview"
      data-testid="dataset-preview"
      size="small"
      rowKey="row"
      dataSource={preview.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.issues.length > 0 ? 'ant-table-row-error' : '')}
      columns={[
        { title: t('datasets.import.row'), dataIndex: 'row', width: 56 },
        ...preview.columns.map((c, i) => ({
          key: c.name,
          title: (
            <div style={{ minWidth: 120 }}>
              <div>{c.label}</div>
              <div style={{ fontWeight: 'normal', fontSize: 12, opacity: 0.7 }}>{c.name}</div>
              <Select<ColumnType>
                size="small"
                style={{ width: 150, marginTop: 4 }}
                value={types[c.name] ?? (c.type as ColumnType)}
                disabled={disabled}
                onChange={(ty) => onTypeChange(c.name, ty)}
                options={COLUMN_TYPES.map((ty) => ({ value: ty, label: t(`datasets.types.${ty}`) }))}
                data-testid={`dataset-type-${c.name}`}
                popupMatchSelectWidth={false}
              />
            </div>
          ),
          render: (_: unknown, r: PreviewRow) => <span style={{ whiteSpace: 'nowrap' }}>{formatPreviewCell(r.values[i] ?? null, (types[c.name] ?? c.type) as ColumnType, lang)}</span>,
        })),
      ]}
    />
  );
}
