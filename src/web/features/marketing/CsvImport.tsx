import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type IssueT } from '../../api';
import { ExportTable } from '../../shell/ExportTable';

const PREVIEW_ROWS = 5;

/** The first lines of a CSV file as cells (`;` or `,`, whichever the header uses more), for the preview. */
export function previewCsv(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, PREVIEW_ROWS + 1);
  const header = lines[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  return lines.map((l) => l.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
}

interface Props<T> {
  testId: string;
  hint: ReactNode;
  /** Fields to fill before the import (e.g. the survey date). */
  extra?: ReactNode;
  upload: (file: File) => Promise<T>;
  done: (result: T) => ReactNode;
}

/** Upload → preview (first rows of a CSV) → confirm; every problem is listed by row and column, nothing is written then. */
export function CsvImport<T>({ testId, hint, extra, upload, done }: Props<T>) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string[][] | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<{ message: string; issues: IssueT[] } | null>(null);

  const choose = async (f: File) => {
    setFile(f);
    setResult(null);
    setError(null);
    setPreview(/\.csv$/i.test(f.name) ? previewCsv(await f.text()) : null);
    return false;
  };
  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    try {
      setResult(await upload(file));
      setFile(null);
      setPreview(null);
    } catch (e) {
      setError({ message: (e as Error).message, issues: e instanceof ApiError ? e.issues : [] });
    } finally {
      setBusy(false);
    }
  };
  const [head, ...rows] = preview ?? [];

  return (
    <div data-testid={testId}>
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {extra}
      <Space wrap>
        <Upload accept=".csv,.xlsx" maxCount={1} showUploadList={false} beforeUpload={choose}>
          <Button data-testid={`${testId}-choose`}>{file ? file.name : t('marketing.import.choose')}</Button>
        </Upload>
        <Button type="primary" disabled={!file} loading={busy} onClick={() => void confirm()} data-testid={`${testId}-confirm`}>
          {t('marketing.import.confirm')}
        </Button>
      </Space>
      {head && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('marketing.import.preview', { n: rows.length })}</Typography.Text>
          <ExportTable exportName="marketing-import-preview"
            data-testid={`${testId}-preview`}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(_, i) => String(i)}
            dataSource={rows.map((r) => Object.fromEntries(r.map((c, i) => [String(i), c])))}
            columns={head.map((h, i) => ({ title: h, dataIndex: String(i) }))}
          />
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid={`${testId}-error`}
          title={error.message}
          description={
            error.issues.length > 0 && (
              <ExportTable exportName="marketing-import-issues"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                rowKey={(_, i) => String(i)}
                dataSource={error.issues}
                columns={[
                  { title: t('marketing.import.row'), dataIndex: 'row', render: (r?: number) => r ?? '—' },
                  { title: t('marketing.import.column'), dataIndex: 'column', render: (c?: string) => c ?? '—' },
                  { title: t('marketing.import.problem'), dataIndex: 'message' },
                ]}
              />
            )
          }
        />
      )}
      {result !== null && (
        <Alert type="success" showIcon style={{ marginTop: 12 }} data-testid={`${testId}-done`} title={done(result)} />
      )}
    </div>
  );
}
