import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type IssueT } from '../../api';
import { ExportTable } from '../../shell/ExportTable';

interface Result {
  dryRun: boolean;
  rows: number;
  created: number;
}

const TEMPLATE = 'Họ và tên,Email,Mã phòng ban,Mã chức danh,Email quản lý\nNguyễn Văn A,a.nguyen@congty.vn,KD,nv-kinh-doanh,truong.kd@congty.vn\n';

function downloadTemplate() {
  const url = URL.createObjectURL(new Blob(['\uFEFF' + TEMPLATE], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'openkpi-nhan-su.csv';
  a.click();
  URL.revokeObjectURL(url);
}

/** Upload a CSV/XLSX of people: a dry run first (errors per row), then the real import. */
export function ImportPeopleModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Result | null>(null);
  const [issues, setIssues] = useState<IssueT[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setChecked(null);
    setIssues([]);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setIssues([]);
    const body = new FormData();
    body.append('file', file);
    try {
      const result = await api<Result>('POST', `/api/people/import?dryRun=${dryRun}`, body);
      if (dryRun) setChecked(result);
      else {
        void message.success(t('import.done', { created: result.created }));
        await queryClient.invalidateQueries({ queryKey: ['people'] });
        reset();
        onClose();
      }
    } catch (e) {
      setChecked(null);
      if (e instanceof ApiError) {
        setError(e.message);
        setIssues(e.issues);
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={720}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={
        <Space>
          <Button onClick={() => void run(true)} disabled={!file} loading={busy && !checked} data-testid="import-check">
            {t('import.check')}
          </Button>
          <Button type="primary" onClick={() => void run(false)} disabled={!checked || checked.rows === 0} loading={busy && !!checked} data-testid="import-run">
            {t('import.run')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('import.help')}{' '}
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={downloadTemplate}>
            {t('import.template')}
          </Button>
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          beforeUpload={(f) => {
            setFile(f);
            setChecked(null);
            setIssues([]);
            setError(null);
            return false;
          }}
          onRemove={() => reset()}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
        </Upload.Dragger>
        {checked && <Alert type="success" showIcon title={t('import.checked', { rows: checked.rows })} data-testid="import-ok" />}
        {error && <Alert type="error" showIcon title={error} data-testid="import-error" />}
        {issues.length > 0 && (
          <ExportTable<IssueT> exportName="people-import-issues"
            data-testid="import-issues"
            size="small"
            rowKey={(i) => `${i.row ?? ''}-${i.column ?? i.path}-${i.code}`}
            dataSource={issues}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 70, render: (v?: number) => v ?? '—' },
              { title: t('import.column'), dataIndex: 'column', width: 160, render: (v: string | undefined, i) => v ?? i.path },
              { title: t('import.problem'), dataIndex: 'message' },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
