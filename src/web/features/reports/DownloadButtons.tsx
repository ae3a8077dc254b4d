import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../appraisal/cycles/download';
import type { FileFormat } from './report-urls';

interface Props {
  /** The URL of the file in a format; null while the choice is incomplete. */
  url: (format: FileFormat) => string | null;
  fallbackName: string;
  testId: string;
  size?: 'small' | 'middle';
  /** Label prefix, e.g. "ZIP". */
  kind?: string;
}

/** "XLSX" and "PDF" buttons that download through the API and show the server's error when it refuses. */
export function DownloadButtons({ url, fallbackName, testId, size = 'middle', kind }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<FileFormat | null>(null);
  const download = async (format: FileFormat) => {
    const href = url(format);
    if (!href) return;
    setBusy(format);
    try {
      await downloadFile(href, `${fallbackName}.${kind ? 'zip' : format}`);
    } catch (e) {
      void message.error((e as Error).message || t('reports.failed'));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap size={8}>
      {(['xlsx', 'pdf'] as const).map((f) => (
        <Button key={f} size={size} icon={<DownloadOutlined />} loading={busy === f} disabled={url(f) === null} onClick={() => void download(f)} data-testid={`${testId}-${f}`}>
          {kind ? `${kind} ${f.toUpperCase()}` : f.toUpperCase()}
        </Button>
      ))}
    </Space>
  );
}
