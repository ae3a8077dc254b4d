import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FREQUENCY_GRAIN } from '../../../../core/kpi-binding/types';
import type { KpiFrequency } from '../../../../core/kpi/types';
import { api, ApiError } from '../../../api';
import { useSession } from '../../../session';
import { useUnits } from '../../org/queries';
import { periodLabel } from '../../results/periods';
import { checkBinding, useBinding, useDatasetList, type KpiBindingT } from './queries';

/** The binding as the form holds it (under the field `binding`): units only; other mappings are kept as they are. */
export interface BindingFormValues {
  dataset?: string;
  measure?: string;
  dateColumn?: string;
  scopeColumn?: string | null;
  scopes?: { value?: string; unitId?: number }[];
}

/** The form's binding as the API takes it, or null when no dataset is chosen. */
export function bindingBody(v: BindingFormValues | undefined): KpiBindingT | null {
  if (!v?.dataset || !v.measure || !v.dateColumn) return null;
  const scopes = (v.scopes ?? []).filter((m) => m.value && m.unitId).map((m) => ({ value: m.value!, scope: { type: 'unit' as const, id: m.unitId! } }));
  return { dataset: v.dataset, measure: v.measure.trim(), dateColumn: v.dateColumn, scopeColumn: v.scopeColumn || null, scopes };
}

type Check = { ok: true; preview: { period: string; value: number | null }[] } | { ok: false; message: string; issues: { path: string; message: string }[] } | null;

/**
 * The KPI form's "From a dataset" part: dataset, measure, date column, scope column and its values mapped to units,
 * with a live check — the saved binding is checked by the server (POST …/binding/check) when the KPI exists, a new
 * one by the same measure over the dataset by the KPI's periods (POST /api/datasets/{name}/query).
 */
export function BindingFields({ form, code, frequency }: { form: FormInstance; code: string | undefined; frequency: KpiFrequency | null | undefined }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const datasets = useDatasetList();
  const units = useUnits();
  const saved = useBinding(code);
  const values = Form.useWatch('binding', form) as BindingFormValues | undefined;
  const [check, setCheck] = useState<Check>(null);
  const dataset = datasets.data?.find((d) => d.name === values?.dataset);

  useEffect(() => {
    const b = saved.data;
    if (!b || form.getFieldValue(['binding', 'dataset'])) return;
    form.setFieldValue('binding', {
      dataset: b.dataset,
      measure: b.measure,
      dateColumn: b.dateColumn,
      scopeColumn: b.scopeColumn,
      scopes: b.scopes.filter((m) => m.scope.type === 'unit').map((m) => ({ value: m.value, unitId: m.scope.id })),
    } satisfies BindingFormValues);
  }, [saved.data, form]);

  const body = bindingBody(values);
  const key = JSON.stringify([body, frequency]);
  useEffect(() => {
    if (!body || !frequency) return setCheck(null);
    let live = true;
    const timer = setTimeout(() => {
      const run = code
        ? checkBinding(code, body)
        : api<{ rows: { p: string; value: number | null }[] }>('POST', `/api/datasets/${body.dataset}/query`, {
            measures: [{ name: 'value', expression: body.measure }],
            by: [`${body.dateColumn}:${FREQUENCY_GRAIN[frequency]}`],
          }).then((r) => ({ preview: r.rows.slice(-12).map((row) => ({ period: String((row as Record<string, unknown>)[body.dateColumn]), value: row.value })) }));
      run.then(
        (r) => live && setCheck({ ok: true, preview: r.preview }),
        (e: unknown) => live && setCheck(e instanceof ApiError ? { ok: false, message: e.message, issues: e.issues } : { ok: false, message: String(e), issues: [] }),
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for body and frequency (new objects on every render).
  }, [key, code]);

  const dateColumns = (dataset?.columns ?? []).filter((c) => c.type === 'date' || c.type === 'datetime');
  const scopeColumns = (dataset?.columns ?? []).filter((c) => c.type === 'text' || c.type === 'integer');
  return (
    <Card size="small" type="inner" title={t('kpiBinding.formTitle')} style={{ marginBottom: 12 }} data-testid="kpi-binding-fields">
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={['binding', 'dataset']} label={t('kpiBinding.dataset')}>
            <Select
              loading={datasets.isLoading}
              options={(datasets.data ?? []).map((d) => ({ value: d.name, label: `${d.label} (${d.name})` }))}
              data-testid="kpi-binding-dataset-select"
              onChange={() => form.setFieldValue('binding', { dataset: form.getFieldValue(['binding', 'dataset']) })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={['binding', 'measure']} label={t('kpiBinding.measure')} tooltip={t('kpiBinding.measureHint')}>
            <Input style={{ fontFamily: 'monospace' }} placeholder="sum(revenue)" data-testid="kpi-binding-measure-input" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['binding', 'dateColumn']} label={t('kpiBinding.dateColumn')}>
            <Select options={dateColumns.map((c) => ({ value: c.name, label: c.label }))} data-testid="kpi-binding-date-select" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['binding', 'scopeColumn']} label={t('kpiBinding.scopeColumn')} tooltip={t('kpiBinding.scopeHint')}>
            <Select allowClear options={scopeColumns.map((c) => ({ value: c.name, label: c.label }))} data-testid="kpi-binding-scope-select" />
          </Form.Item>
        </Col>
      </Row>
      {values?.scopeColumn && (
        <Form.List name={['binding', 'scopes']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'value']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('kpiBinding.value')} data-testid={`kpi-binding-map-value-${i}`} />
                  </Form.Item>
                  <span>→</span>
                  <Form.Item name={[f.name, 'unitId']} style={{ marginBottom: 8, minWidth: 220 }}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={(units.data ?? []).filter((u) => !u.archived).map((u) => ({ value: u.id, label: `${u.code} · ${u.name}` }))}
                      data-testid={`kpi-binding-map-unit-${i}`}
                    />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('kpiBinding.removeMapping')} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="kpi-binding-map-add" style={{ marginBottom: 12 }}>
                {t('kpiBinding.addMapping')}
              </Button>
            </>
          )}
        </Form.List>
      )}
      {!frequency && body && <Alert type="warning" showIcon title={t('kpiBinding.needsFrequency')} />}
      {check?.ok === false && (
        <Alert
          type="error"
          showIcon
          data-testid="kpi-binding-check-error"
          title={check.message}
          description={check.issues.length > 0 && <ul style={{ margin: 0 }}>{check.issues.map((i) => <li key={i.path + i.message}>{i.message}</li>)}</ul>}
        />
      )}
      {check?.ok && (
        <div data-testid="kpi-binding-preview">
          <Typography.Text type="secondary">{t('kpiBinding.preview')} </Typography.Text>
          <Space wrap size={4}>
            {check.preview.map((p) => (
              <Tag key={p.period}>
                {periodLabel(p.period, lang)}: {p.value === null ? '—' : p.value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US')}
              </Tag>
            ))}
          </Space>
        </div>
      )}
    </Card>
  );
}
