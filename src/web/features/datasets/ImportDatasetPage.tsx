import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Grid, Progress, Radio, Result, Select, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, type IssueT } from '../../api';
import { useSession } from '../../session';
import { IssuesTable } from '../import/IssuesTable';
import { datasetKeys, importDataset, previewDatasetImport } from './datasets-api';
import { PreviewColumns } from './PreviewColumns';
import type { ColumnType, DatasetImportResultT, DatasetPreviewT, ImportOptions } from './types';

type Step = 'upload' | 'preview' | 'running' | 'done';
/** Where an upload is: sending the file (with its share sent), or the server working on it. */
type Work = { phase: 'upload'; percent: number } | { phase: 'server' } | null;

/** /datasets/:name/import — upload → preview (inferred types, first rows, problems) → types, mode and key → import with progress. */
export default function ImportDatasetPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const queryClient = useQueryClient();
  const name = useParams().name ?? '';
  const narrow = !Grid.useBreakpoint().md;
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<DatasetPreviewT | null>(null);
  const [types, setTypes] = useState<Record<string, ColumnType>>({});
  const [mode, setMode] = useState<ImportOptions['mode']>('append');
  const [key, setKey] = useState<string[]>([]);
  const [work, setWork] = useState<Work>(null);
  const [error, setError] = useState<{ message: string; issues: IssueT[] } | null>(null);
  const [done, setDone] = useState<DatasetImportResultT | null>(null);

  const progress = (sent: number, total: number) => setWork(sent >= total ? { phase: 'server' } : { phase: 'upload', percent: Math.floor((sent / Math.max(total, 1)) * 100) });
  const fail = (e: unknown) => setError({ message: e instanceof Error ? e.message : String(e), issues: e instanceof ApiError ? e.issues : [] });

  const loadPreview = async (f: File, overrides: Record<string, ColumnType>) => {
    setError(null);
    setWork({ phase: 'upload', percent: 0 });
    try {
      const p = await previewDatasetImport(name, f, overrides, lang, progress);
      setPreview(p);
      if (p.existing && key.length === 0) setKey(p.existing.keyColumns);
      setStep('preview');
    } catch (e) {
      fail(e);
    } finally {
      setWork(null);
    }
  };

  const confirm = async () => {
    if (!file) return;
    setError(null);
    setStep('running');
    setWork({ phase: 'upload', percent: 0 });
    try {
      const r = await importDataset(name, file, { mode, key, types }, lang, progress);
      setDone(r);
      setStep('done');
      await queryClient.invalidateQueries({ queryKey: datasetKeys.all });
    } catch (e) {
      fail(e);
      setStep('preview');
    } finally {
      setWork(null);
    }
  };

  const restart = () => {
    setStep('upload');
    setFile(null);
    setPreview(null);
    setTypes({});
    setError(null);
    setDone(null);
  };

  const current = { upload: 0, preview: 1, running: 2, done: 3 }[step];
  const steps = [{ title: t('datasets.import.stepUpload') }, { title: t('datasets.import.stepPreview') }, { title: t('datasets.import.stepImport') }, { title: t('datasets.import.stepDone') }];
  const f = preview?.format;
  const rowIssues = preview ? preview.rows.flatMap((r) => r.issues) : [];

  return (
    <div data-testid="dataset-import-page">
      <Link to="/datasets">← {t('datasets.title')}</Link>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('datasets.import.title', { name })}
      </Typography.Title>
      {narrow ? (
        <Typography.Paragraph type="secondary" data-testid="dataset-import-step">
          {t('datasets.import.stepOf', { n: current + 1, total: steps.length, title: steps[current]!.title })}
        </Typography.Paragraph>
      ) : (
        <Steps current={current} size="small" style={{ marginBottom: 16 }} items={steps} />
      )}
      {error && (
        <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="dataset-import-error" description={error.issues.length > 0 ? <IssuesTable issues={error.issues} testId="dataset-import-issues" /> : undefined} />
      )}
      {work && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="dataset-import-progress">
          <Typography.Text>{work.phase === 'upload' ? t('datasets.import.uploading') : step === 'running' ? t('datasets.import.importing') : t('datasets.import.reading')}</Typography.Text>
          <Progress percent={work.phase === 'upload' ? work.percent : 100} status="active" />
        </Card>
      )}

      {step === 'upload' && (
        <Card>
          <Typography.Paragraph type="secondary">{t('datasets.import.help')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,.xlsx,.txt"
            maxCount={1}
            showUploadList={false}
            disabled={work !== null}
            beforeUpload={(picked) => {
              setFile(picked);
              setTypes({});
              void loadPreview(picked, {});
              return false;
            }}
            data-testid="dataset-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('datasets.import.drop')}</p>
          </Upload.Dragger>
        </Card>
      )}

      {(step === 'preview' || step === 'running') && preview && f && file && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('datasets.import.detected', { name: file.name })}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="dataset-import-format">
              <Descriptions.Item label={t('datasets.import.fileType')}>{f.type.toUpperCase()}</Descriptions.Item>
              <Descriptions.Item label={t('datasets.import.delimiter')}>{f.delimiter ? `"${f.delimiter}"` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('datasets.import.decimal')}>{t(`datasets.import.decimalStyle.${f.decimal}`)}</Descriptions.Item>
              <Descriptions.Item label={t('datasets.import.dates')}>{t(`datasets.import.dateStyle.${f.dates}`)}</Descriptions.Item>
              <Descriptions.Item label={t('datasets.import.bom')}>{f.bom ? t('datasets.import.yes') : t('datasets.import.no')}</Descriptions.Item>
              <Descriptions.Item label={t('datasets.import.headerRow')}>{preview.headerRow}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('datasets.import.columnsTitle')}>
            <PreviewColumns
              preview={preview}
              types={types}
              disabled={work !== null}
              onTypeChange={(column, type) => {
                const next = { ...types, [column]: type };
                setTypes(next);
                void loadPreview(file, next);
              }}
            />
            {preview.planIssues.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={preview.planIssues.map((i) => i.message).join(' ')} data-testid="dataset-plan-issues" />}
            {rowIssues.length > 0 && (
              <div style={{ marginTop: 8 }}>
                <Typography.Text type="danger">{t('datasets.import.previewProblems', { count: rowIssues.length })}</Typography.Text>
                <IssuesTable issues={rowIssues} testId="dataset-preview-issues" />
              </div>
            )}
          </Card>
          <Card size="small" title={t('datasets.import.optionsTitle')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {preview.existing ? (
                <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportOptions['mode'])} data-testid="dataset-import-mode">
                  <Radio value="append">{t('datasets.import.append')}</Radio>
                  <Radio value="replace">{t('datasets.import.replace')}</Radio>
                </Radio.Group>
              ) : (
                <Typography.Text type="secondary">{t('datasets.import.createsNew')}</Typography.Text>
              )}
              <Typography.Text>{t('datasets.import.key')}</Typography.Text>
              <Select
                mode="multiple"
                allowClear
                style={{ width: '100%' }}
                value={key}
                onChange={setKey}
                options={preview.columns.map((c) => ({ value: c.name, label: c.label }))}
                placeholder={t('datasets.import.keyPlaceholder')}
                data-testid="dataset-import-key"
              />
              <Typography.Text type="secondary">{t('datasets.import.keyHelp')}</Typography.Text>
              <Space wrap>
                <Button type="primary" onClick={() => void confirm()} loading={step === 'running'} disabled={work !== null} data-testid="dataset-import-confirm">
                  {t('datasets.import.confirm')}
                </Button>
                <Button type="text" onClick={restart} disabled={step === 'running'}>
                  {t('datasets.import.another')}
                </Button>
              </Space>
            </Space>
          </Card>
        </Space>
      )}

      {step === 'done' && done && (
        <Result
          status="success"
          data-testid="dataset-import-done"
          title={t(`datasets.import.done.${done.action}`, { name: done.dataset.label })}
          subTitle={t('datasets.import.doneCounts', {
            rows: done.rows.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US'),
            inserted: done.inserted.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US'),
            replaced: done.replaced.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US'),
            total: done.dataset.rowCount.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US'),
          })}
          extra={
            <Space wrap style={{ justifyContent: 'center' }}>
              <Link to={`/datasets/${name}`}>
                <Button type="primary" data-testid="dataset-import-open">
                  {t('datasets.import.open')}
                </Button>
              </Link>
              <Button onClick={restart}>{t('datasets.import.another')}</Button>
            </Space>
          }
        />
      )}
    </div>
  );
}
