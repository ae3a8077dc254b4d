import { Table, type TableProps } from 'antd';
import { ExportButtons, type ExportColumnsType } from './ExportButtons';

type Props<Row> = Omit<TableProps<Row>, 'columns' | 'title'> & {
  columns?: ExportColumnsType<Row>;
  /** The file's name without date and extension: `audit-log` → `audit-log-2026-12-05.csv`. */
  exportName: string;
};

/** An antd Table with CSV and Excel buttons above it that export its columns and the rows it is given. */
export function ExportTable<Row extends object>({ exportName, ...props }: Props<Row>) {
  const columns = props.columns ?? [];
  const rows = props.dataSource ?? [];
  return <Table<Row> {...props} title={() => <ExportButtons columns={columns} rows={rows} fileName={exportName} />} />;
}
