import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Result, Select, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type IssueT } from '../../api';
import { resultsKeys } from '../results/queries';
import { previewImport, runImport } from './import-api';
import { IssuesTable } from './IssuesTable';
import { MappingForm } from './MappingForm';
import { PreviewTable } from './PreviewTable';
import type { ColumnMappingT, Decimal, ImportPreviewT, ImportResultT } from './types';

type Step = 'upload' | 'mapping' | 'done';

/** /import — upload a CSV/XLSX of actuals, check the detected format, map columns, dry run, import. */
export default function ImportActualsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreviewT | null>(null);
  const [mapping, setMapping] = useState<ColumnMappingT>({});
  const [decimal, setDecimal] = useState<Decimal | undefined>(undefined);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [checked, setChecked] = useState<ImportResultT | null>(null);
  const [issues, setIssues] = useState<IssueT[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportResultT | null>(null);
  const [busy, setBusy] = useState<'preview' | 'check' | 'import' | null>(null);

  const fail = (e: unknown) => {
    setError(e instanceof Error ? e.message : String(e));
    setIssues(e instanceof ApiError ? e.issues : []);
  };

  const loadPreview = async (f: File, m?: ColumnMappingT, d?: Decimal) => {
    setBusy('preview');
    setError(null);
    setIssues([]);
    setChecked(null);
    try {
      const p = await previewImport(f, m, d);
      setPreview(p);
      setMapping(p.mapping);
      setStep('mapping');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    setIssues([]);
    try {
      const r = await runImport(file, mapping, { dryRun, skipBadRows, decimal });
      if (dryRun) {
        setChecked(r);
        setIssues(r.issues);
      } else {
        setDone(r);
        setStep('done');
        await queryClient.invalidateQueries({ queryKey: resultsKeys.all });
      }
    } catch (e) {
      setChecked(null);
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setStep('upload');
    setFile(null);
    setPreview(null);
    setMapping({});
    setChecked(null);
    setIssues([]);
    setError(null);
    setDone(null);
    setDecimal(undefined);
    setSkipBadRows(false);
  };

  const current = step === 'upload' ? 0 : step === 'mapping' ? (checked ? 2 : 1) : 3;
  const f = preview?.format;

  return (
    <div data-testid="import-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('importActuals.title')}
      </Typography.Title>
      <Steps
        current={current}
        status={step === 'done' ? 'finish' : 'process'}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: t('importActuals.stepUpload') }, { title: t('importActuals.stepMapping') }, { title: t('importActuals.stepCheck') }, { title: t('importActuals.stepDone') }]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}

      {step === 'upload' && (
        <Card>
          <Typography.Paragraph type="secondary">{t('importActuals.help')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            showUploadList={false}
            disabled={busy !== null}
            beforeUpload={(picked) => {
              setFile(picked);
              void loadPreview(picked);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy === 'preview' ? t('importActuals.reading') : t('importActuals.drop')}</p>
          </Upload.Dragger>
        </Card>
      )}

      {step === 'mapping' && preview && f && file && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('importActuals.detected', { name: file.name })}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="import-format">
              <Descriptions.Item label={t('importActuals.fileType')}>{f.type.toUpperCase()}</Descriptions.Item>
              <Descriptions.Item label={t('importActuals.delimiter')}>{f.delimiter ? `"${f.delimiter}"` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('importActuals.rows')}>{preview.totalRows}</Descriptions.Item>
              <Descriptions.Item label={t('importActuals.decimal')}>
                <Space>
                  <span data-testid="import-decimal">{f.decimal ? t(`importActuals.decimalStyle.${f.decimal}`) : t('importActuals.unknown')}</span>
                  <Select<Decimal | 'auto'>
                    size="small"
                    value={decimal ?? 'auto'}
                    style={{ width: 150 }}
                    onChange={(d) => {
                      const next = d === 'auto' ? undefined : d;
                      setDecimal(next);
                      void loadPreview(file, mapping, next);
                    }}
                    options={[
                      { value: 'auto', label: t('importActuals.auto') },
                      { value: 'comma', label: t('importActuals.decimalStyle.comma') },
                      { value: 'dot', label: t('importActuals.decimalStyle.dot') },
                    ]}
                  />
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('importActuals.dates')}>
                <span data-testid="import-dates">{f.dates ? t(`importActuals.dateStyle.${f.dates}`) : '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('importActuals.headerRow')}>{preview.headerRow}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            size="small"
            title={t('importActuals.mappingTitle')}
            extra={
              <Button onClick={() => void loadPreview(file, mapping, decimal)} loading={busy === 'preview'} data-testid="import-remap">
                {t('importActuals.applyMapping')}
              </Button>
            }
          >
            <MappingForm headers={preview.headers} value={mapping} onChange={(m) => { setMapping(m); setChecked(null); }} />
            {preview.mappingIssues.length > 0 && (
              <Alert type="warning" showIcon title={preview.mappingIssues.map((i) => i.message).join(' ')} data-testid="import-mapping-issues" />
            )}
          </Card>
          <Card size="small" title={t('importActuals.firstRows', { shown: preview.rows.length, total: preview.totalRows })}>
            <PreviewTable preview={preview} />
          </Card>
          <Card size="small" title={t('importActuals.stepCheck')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Checkbox checked={skipBadRows} onChange={(e) => { setSkipBadRows(e.target.checked); setChecked(null); }} data-testid="import-skip">
                {t('importActuals.skipBadRows')}
              </Checkbox>
              {checked && (
                <Alert
                  type={checked.skipped > 0 ? 'warning' : 'success'}
                  showIcon
                  data-testid="import-ok"
                  title={t('importActuals.checked', { rows: checked.rows - checked.skipped, inserted: checked.inserted, updated: checked.updated, unchanged: checked.unchanged, skipped: checked.skipped })}
                />
              )}
              {issues.length > 0 && <IssuesTable issues={issues} />}
              <Space>
                <Button onClick={() => void run(true)} loading={busy === 'check'} data-testid="import-check">
                  {t('importActuals.check')}
                </Button>
                <Button type="primary" onClick={() => void run(false)} disabled={!checked} loading={busy === 'import'} data-testid="import-run">
                  {t('importActuals.run')}
                </Button>
                <Button type="text" onClick={restart}>
                  {t('importActuals.another')}
                </Button>
              </Space>
            </Space>
          </Card>
        </Space>
      )}

      {step === 'done' && done && (
        <Result
          status="success"
          title={t('importActuals.done')}
          subTitle={t('importActuals.doneCounts', { inserted: done.inserted, updated: done.updated, unchanged: done.unchanged, skipped: done.skipped })}
          extra={
            <Button type="primary" onClick={restart} data-testid="import-again">
              {t('importActuals.another')}
            </Button>
          }
          data-testid="import-done"
        />
      )}
    </div>
  );
}
