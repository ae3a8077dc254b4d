import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import type { ColumnGroupType, ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../core/period/local-date';
import { buildCsv, buildXlsx, exportFileName, flattenRows, type ExportColumn, type ExportType, type ExportValue } from '../lib/table-export';

const ZONE = 'Asia/Ho_Chi_Minh';

/** What a table column may add for its export (see docs/exports.md). */
export interface ExportExtras<Row> {
  /** The cell's value when the column renders something else than its `dataIndex` (labels, names, joined lists). */
  exportValue?: (row: Row) => ExportValue;
  /** The header in the file when the column's title is not plain text. */
  exportTitle?: string;
  exportType?: ExportType;
  /** `false` leaves the column out (actions, secrets). */
  exportable?: boolean;
}

/** antd columns with the export extras; assignable to the Table's `columns`. */
export type ExportColumnsType<Row> = ((ColumnType<Row> | ColumnGroupType<Row>) & ExportExtras<Row>)[];

type AnyColumn<Row> = (ColumnType<Row> | ColumnGroupType<Row>) & ExportExtras<Row>;

function pick(row: unknown, dataIndex: unknown): ExportValue {
  const path = Array.isArray(dataIndex) ? (dataIndex as (string | number)[]) : [dataIndex as string | number];
  let value: unknown = row;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').join(', ');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** The table's columns as export columns: plain-text titles, `exportValue` or else the `dataIndex` value; groups flattened. */
export function exportColumnsOf<Row>(columns: readonly AnyColumn<Row>[]): ExportColumn<Row>[] {
  const out: ExportColumn<Row>[] = [];
  for (const column of columns) {
    if (column.exportable === false) continue;
    if ('children' in column && Array.isArray(column.children)) {
      out.push(...exportColumnsOf(column.children as AnyColumn<Row>[]));
      continue;
    }
    const title = column.exportTitle ?? (typeof column.title === 'string' ? column.title : null);
    const dataIndex = 'dataIndex' in column ? column.dataIndex : undefined;
    if (!title || (!column.exportValue && dataIndex === undefined)) continue;
    const value = column.exportValue ?? ((row: Row) => pick(row, dataIndex));
    out.push({ title, value, type: column.exportType });
  }
  return out;
}

function download(data: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Props<Row> {
  columns: readonly AnyColumn<Row>[];
  /** The rows the table shows (after its filters); tree rows are exported with their children. */
  rows: readonly Row[];
  /** `kpi-library` → `kpi-library-2026-12-05.csv`. */
  fileName: string;
}

/** CSV and Excel buttons for a table; put it in the Table's `title`. exceljs is loaded only when Excel is clicked. */
export function ExportButtons<Row extends object>({ columns, rows, fileName }: Props<Row>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const prepared = () => ({ cols: exportColumnsOf(columns), all: flattenRows(rows), today: localDate(new Date(), ZONE) });

  const csv = () => {
    const { cols, all, today } = prepared();
    download(buildCsv(cols, all, { timeZone: ZONE }), 'text/csv;charset=utf-8', exportFileName(fileName, today, 'csv'));
  };
  const xlsx = async () => {
    setBusy(true);
    try {
      const { cols, all, today } = prepared();
      const bytes = await buildXlsx(cols, all, { timeZone: ZONE, sheetName: fileName });
      download(bytes as BlobPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', exportFileName(fileName, today, 'xlsx'));
    } catch {
      void message.error(t('exports.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size="small" wrap style={{ justifyContent: 'flex-end', width: '100%' }} data-testid={`export-${fileName}`}>
      <Button size="small" icon={<DownloadOutlined />} onClick={csv} disabled={rows.length === 0} data-testid="export-csv" aria-label={t('exports.csvLabel')}>
        CSV
      </Button>
      <Button size="small" icon={<DownloadOutlined />} onClick={() => void xlsx()} loading={busy} disabled={rows.length === 0} data-testid="export-xlsx" aria-label={t('exports.xlsxLabel')}>
        Excel
      </Button>
    </Space>
  );
}

/** For a Table's `title` prop: `title={exportTitle(columns, rows, 'kpi-library')}`. */
export function exportTitle<Row extends object>(columns: readonly AnyColumn<Row>[], rows: readonly Row[] | undefined, fileName: string) {
  function ExportTitle() {
    return <ExportButtons columns={columns} rows={rows ?? []} fileName={fileName} />;
  }
  return ExportTitle;
}
