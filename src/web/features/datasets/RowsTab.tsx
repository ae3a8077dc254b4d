import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { datasetKeys, datasetRows } from './datasets-api';
import { formatCell } from './display';
import type { DatasetT } from './types';
import { ExportTable } from '../../shell/ExportTable';

type Row = Record<string, string | boolean | null>;

/** A dataset's rows in stored order, one page at a time from the server. */
export function RowsTab({ dataset, timeZone }: { dataset: DatasetT; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const offset = (page.current - 1) * page.size;
  const rows = useQuery({
    queryKey: [...datasetKeys.rows(dataset.name, offset, page.size), dataset.updatedAt],
    queryFn: () => datasetRows(dataset.name, offset, page.size),
    placeholderData: (previous) => previous,
  });
  const numeric = (type: string) => type === 'integer' || type === 'decimal';
  return (
    <ExportTable<Row> exportName="dataset-rows"
      data-testid="dataset-rows"
      size="small"
      rowKey={(_, i) => String(offset + (i ?? 0))}
      loading={rows.isFetching}
      dataSource={rows.data?.rows ?? []}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page.current,
        pageSize: page.size,
        total: rows.data?.total ?? dataset.rowCount,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('datasets.rowsTotal', { total: total.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US') }),
        onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
      }}
      columns={dataset.columns.map((c) => ({
        key: c.name,
        title: c.label,
        dataIndex: c.name,
        align: numeric(c.type) ? ('right' as const) : undefined,
        render: (v: string | boolean | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatCell(v, c.type, lang, timeZone)}</span>,
      }))}
    />
  );
}
