import { DeleteOutlined, PlusOutlined, ScissorOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Space, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PeriodTarget } from '../../../core/target';
import type { KpiFormValues, TargetRow } from './form-values';
import { SplitTool } from './SplitTool';
import { ValueInput } from './ValueInput';

interface Props {
  form: FormInstance<KpiFormValues>;
  unit: string | null | undefined;
  direction: string;
  aggregation: string;
  frequency: string | null | undefined;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}-Q[1-4]$/;

/** Targets per period (value, threshold/stretch or min/max for range KPIs) and the split tool. */
export function TargetsEditor({ form, unit, direction, aggregation, frequency }: Props) {
  const { t } = useTranslation();
  const [splitting, setSplitting] = useState(false);
  // Only a saved KPI (/kpis/:code/edit) has actuals; the code typed into a new KPI's form does not exist yet.
  const { code: savedCode } = useParams();
  const range = direction === 'range';
  const year = new Date().getFullYear();

  const applySplit = (y: number, total: number, parts: PeriodTarget[]) => {
    const kind = parts[0] && QUARTER.test(parts[0].period) ? QUARTER : MONTH;
    const current: TargetRow[] = form.getFieldValue('targets') ?? [];
    const kept = current.filter((r) => {
      const p = r.period?.trim() ?? '';
      return p !== String(y) && !(p.startsWith(`${y}-`) && kind.test(p));
    });
    const yearRow = current.find((r) => r.period?.trim() === String(y));
    const next: TargetRow[] = [
      ...kept,
      { ...yearRow, period: String(y), value: total },
      ...parts.map((p) => ({ period: p.period, value: p.value })),
    ];
    form.setFieldValue('targets', next);
    setSplitting(false);
  };

  return (
    <>
      <Row gutter={8} style={{ marginBottom: 4 }}>
        <Col span={6}>
          <Typography.Text type="secondary">{t('kpi.target.period')}</Typography.Text>
        </Col>
        <Col span={6}>
          <Typography.Text type="secondary">{t('kpi.target.value')}</Typography.Text>
        </Col>
        <Col span={5}>
          <Typography.Text type="secondary">{range ? t('kpi.target.rangeMin') : t('kpi.target.min')}</Typography.Text>
        </Col>
        <Col span={5}>
          <Typography.Text type="secondary">{range ? t('kpi.target.rangeMax') : t('kpi.target.stretch')}</Typography.Text>
        </Col>
      </Row>
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key} data-testid="target-row">
                <Col span={6}>
                  <Form.Item name={[f.name, 'period']} style={{ marginBottom: 8 }}>
                    <Input placeholder={`${year}-01`} data-testid={`target-period-${f.name}`} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'value']} style={{ marginBottom: 8 }}>
                    <ValueInput unit={unit} testId={`target-value-${f.name}`} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[f.name, 'min']} style={{ marginBottom: 8 }}>
                    <ValueInput unit={unit} testId={`target-min-${f.name}`} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[f.name, range ? 'max' : 'stretch']} style={{ marginBottom: 8 }}>
                    <ValueInput unit={unit} testId={`target-${range ? 'max' : 'stretch'}-${f.name}`} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('kpi.form.remove')} />
                </Col>
              </Row>
            ))}
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({ period: '' })} data-testid="target-add">
                {t('kpi.target.add')}
              </Button>
              <Button icon={<ScissorOutlined />} onClick={() => setSplitting(true)} data-testid="split-open">
                {t('kpi.split.open')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
      <SplitTool
        open={splitting}
        kpiCode={savedCode}
        onClose={() => setSplitting(false)}
        unit={unit}
        aggregation={aggregation}
        defaultYear={year}
        defaultGranularity={frequency === 'quarterly' ? 'quarter' : 'month'}
        yearTotal={(y) => {
          const rows: TargetRow[] = form.getFieldValue('targets') ?? [];
          const v = rows.find((r) => r.period?.trim() === String(y))?.value;
          return typeof v === 'number' ? v : undefined;
        }}
        onApply={applySplit}
      />
    </>
  );
}
