import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BindingFields } from './binding/BindingFields';
import {
  KPI_AGGREGATION_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_FREQUENCY_LABELS,
  KPI_GROUP_LABELS,
  KPI_LEVEL_LABELS,
  KPI_PERSPECTIVE_LABELS,
  KPI_SOURCE_LABELS,
  unitLabel,
} from '../../../core/kpi/labels';
import { KPI_CODE_PATTERN, KPI_UNITS } from '../../../core/kpi/types';
import { useSession } from '../../session';
import { aggregationAfterUnitChange, type KpiFormValues } from './form-values';
import { kpiName } from './KpiStatusTag';
import { optionsOf } from './labels';
import { PersonSelect } from './PersonSelect';
import { useKpiList } from './queries';
import { TargetsEditor } from './TargetsEditor';
import type { KpiT } from './types';
import { ValueInput } from './ValueInput';

interface SectionProps {
  form: FormInstance<KpiFormValues>;
  values: Partial<KpiFormValues>;
  editing: KpiT | undefined;
}

const card = { size: 'small' as const, style: { marginBottom: 12 } };

export function DefinitionSection({ editing }: SectionProps) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <Card {...card} title={t('kpi.section.definition')} data-testid="section-definition">
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="code"
            label={t('kpi.field.code')}
            tooltip={t('kpi.form.codeHint')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: KPI_CODE_PATTERN, message: t('kpi.form.codeInvalid') },
            ]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input disabled={Boolean(editing)} maxLength={40} data-testid="kpi-code" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="name" label={t('kpi.field.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={200} data-testid="kpi-name" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="nameEn" label={t('kpi.field.nameEn')}>
            <Input maxLength={200} data-testid="kpi-name-en" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="description" label={t('kpi.field.description')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="kpi-description" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="descriptionEn" label={t('kpi.field.descriptionEn')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="level" label={t('kpi.field.level')}>
            <Select options={optionsOf(KPI_LEVEL_LABELS, lang)} data-testid="kpi-level" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="perspective" label={t('kpi.field.perspective')}>
            <Select options={optionsOf(KPI_PERSPECTIVE_LABELS, lang)} data-testid="kpi-perspective" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="group" label={t('kpi.field.group')}>
            <Select allowClear options={optionsOf(KPI_GROUP_LABELS, lang)} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="tags" label={t('kpi.field.tags')} style={{ marginBottom: 0 }}>
            <Select mode="tags" tokenSeparators={[',']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function MeasurementSection({ form, values, editing }: SectionProps) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [unitSearch, setUnitSearch] = useState('');
  const known = new Set<string>(KPI_UNITS);
  const units = [...KPI_UNITS, ...(values.unit && !known.has(values.unit) ? [values.unit] : [])];
  const custom = unitSearch.trim() && !units.includes(unitSearch.trim()) ? [unitSearch.trim()] : [];
  return (
    <Card {...card} title={t('kpi.section.measurement')} data-testid="section-measurement">
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="unit" label={t('kpi.field.unit')} tooltip={t('kpi.form.unitHint')}>
            <Select
              allowClear
              showSearch={{ onSearch: setUnitSearch, optionFilterProp: 'label' }}
              options={[...units, ...custom].map((u) => ({ value: u, label: unitLabel(u)[lang] }))}
              data-testid="kpi-unit"
              onChange={(unit: string | null | undefined) =>
                form.setFieldValue('aggregation', aggregationAfterUnitChange(form.getFieldValue('aggregation'), values.unit, unit))
              }
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="direction" label={t('kpi.field.direction')}>
            <Select options={optionsOf(KPI_DIRECTION_LABELS, lang)} data-testid="kpi-direction" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="aggregation"
            label={t('kpi.field.aggregation')}
            extra={
              values.aggregation === 'sum' && (values.unit === '%' || values.unit === 'ratio') ? (
                <Typography.Text type="warning" data-testid="kpi-aggregation-warning">
                  {t('numbers.percentSum')}
                </Typography.Text>
              ) : undefined
            }
          >
            <Select options={optionsOf(KPI_AGGREGATION_LABELS, lang)} popupMatchSelectWidth={false} data-testid="kpi-aggregation" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="frequency" label={t('kpi.field.frequency')}>
            <Select allowClear options={optionsOf(KPI_FREQUENCY_LABELS, lang)} data-testid="kpi-frequency" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="source" label={t('kpi.field.source')}>
            <Select allowClear options={optionsOf(KPI_SOURCE_LABELS, lang)} data-testid="kpi-source" />
          </Form.Item>
        </Col>
        <Col xs={0} sm={8} />
        {values.source === 'formula' && (
          <Col span={24}>
            <Form.Item name="formula" label={t('kpi.field.formula')} tooltip={t('kpi.form.formulaHint')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} style={{ fontFamily: 'monospace' }} data-testid="kpi-formula" />
            </Form.Item>
          </Col>
        )}
        {values.source === 'dataset' && (
          <Col span={24}>
            <BindingFields form={form} code={editing?.code} frequency={values.frequency} />
          </Col>
        )}
        <Col xs={24} sm={8}>
          <Form.Item name="baselinePeriod" label={t('kpi.field.baselinePeriod')} style={{ marginBottom: 0 }}>
            <Input placeholder={String(new Date().getFullYear() - 1)} data-testid="kpi-baseline-period" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="baselineValue" label={t('kpi.field.baselineValue')} style={{ marginBottom: 0 }}>
            <ValueInput unit={values.unit} testId="kpi-baseline-value" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function AccountabilitySection({ editing }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card {...card} title={t('kpi.section.accountability')} data-testid="section-accountability">
      <Row gutter={12}>
        <Col xs={24} sm={9}>
          <Form.Item name="ownerId" label={t('kpi.field.owner')} style={{ marginBottom: 0 }}>
            <PersonSelect initialName={editing?.ownerName} testId="kpi-owner" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={9}>
          <Form.Item name="measurerId" label={t('kpi.field.measurer')} style={{ marginBottom: 0 }}>
            <PersonSelect initialName={editing?.measurerName} testId="kpi-measurer" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name="reportWithinDays" label={t('kpi.field.reportWithinDays')} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} suffix={t('kpi.form.days')} data-testid="kpi-report-days" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function TargetsSection({ form, values }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card {...card} title={t('kpi.section.targets')} data-testid="section-targets">
      <TargetsEditor form={form} unit={values.unit} direction={values.direction ?? 'increase'} aggregation={values.aggregation ?? 'sum'} frequency={values.frequency} />
    </Card>
  );
}

/** A new parent row starts with the weight the others leave (100 % for the first), so it is rarely empty. */
function remainingWeight(parents: KpiFormValues['parents'] | undefined): number | undefined {
  const used = (parents ?? []).reduce((sum, p) => sum + (typeof p.weight === 'number' ? p.weight : 0), 0);
  const left = Math.round((1 - used) * 1e6) / 1e6;
  return left > 0 ? left : undefined;
}

export function AlignmentSection({ values }: SectionProps) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const kpis = useKpiList({});
  const options = (kpis.data ?? [])
    .filter((k) => k.status !== 'archived' && k.code !== values.code)
    .map((k) => ({ value: k.code, label: `${k.code} – ${kpiName(k, lang)}` }));
  return (
    <Card {...card} title={t('kpi.section.alignment')} data-testid="section-alignment">
      <Form.List name="parents">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key}>
                <Col span={15}>
                  <Form.Item
                    name={[f.name, 'code']}
                    label={f.name === 0 ? t('kpi.field.parent') : undefined}
                    rules={[{ required: true, message: t('kpi.form.parentRequired') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={kpis.isLoading} data-testid={`parent-code-${f.name}`} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item
                    name={[f.name, 'weight']}
                    label={f.name === 0 ? t('kpi.field.weight') : undefined}
                    rules={[{ required: true, message: t('kpi.form.weightRequired') }]}
                    style={{ marginBottom: 8 }}
                  >
                    <ValueInput unit="%" testId={`parent-weight-${f.name}`} />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ paddingTop: f.name === 0 ? 30 : 0 }}>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('kpi.form.remove')} />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ weight: remainingWeight(values.parents) })} data-testid="parent-add">
              {t('kpi.form.addParent')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
