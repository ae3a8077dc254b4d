import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Radio, Row, Space, Statistic, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../lib/api-errors';
import { formatDate, formatMoney, formatNumber } from '../../../lib/format';
import { useSession } from '../../../session';
import { ValueInput } from '../../kpi/ValueInput';
import { formatPercent } from './display';
import { downloadFile } from './download';
import { initialPayForm, toScenario, type PayForm } from './pay-scenario';
import { cycleUrls, usePay } from './queries';
import type { CycleT, PayT } from './types';
import { ExportTable } from '../../../shell/ExportTable';

type PayRow = PayT['rows'][number];

/** Pay simulator: current bonuses vs a what-if (bands, coefficients, rate, step, or a pool), per person and in total; XLSX export for payroll. */
export function PayTab({ cycle, unitId }: { cycle: CycleT; unitId: number | undefined }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const initial = useMemo(() => initialPayForm(cycle), [cycle]);
  const [form] = Form.useForm<PayForm>();
  const [scenario, setScenario] = useState(() => toScenario(initial));
  const values = Form.useWatch([], { form, preserve: true }) as PayForm | undefined;
  const [exporting, setExporting] = useState(false);

  // Recompute a moment after the last keystroke, not on every one.
  useEffect(() => {
    if (!values) return;
    const timer = setTimeout(() => setScenario(toScenario({ ...initial, ...values })), 350);
    return () => clearTimeout(timer);
  }, [values, initial]);

  const pay = usePay(cycle.id, { ...(unitId ? { unitId } : {}), whatIf: scenario }, true);
  const money = (v: number) => formatMoney(v, lang);
  const usePool = values?.usePool ?? false;
  const coefMode = values?.coefMode ?? initial.coefMode;

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile(cycleUrls.exportXlsx(cycle.id, unitId), `${cycle.code}.xlsx`);
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };
  useEffect(() => {
    if (pay.error) void message.error(pay.error.message);
  }, [pay.error, message]);

  const totals = pay.data?.totals;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="pay-tab">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">
          {cycle.bonusRule ? t('appraisal.pay.rule', { date: formatDate(cycle.bonusRule.effectiveFrom, lang) }) : t('appraisal.pay.noRule')}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="pay-export">
          {t('appraisal.pay.export')}
        </Button>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('appraisal.pay.whatIf')}>
            <Form<PayForm> form={form} layout="vertical" initialValues={initial} requiredMark={false} data-testid="pay-form">
              <Form.Item name="usePool" label={t('appraisal.pay.usePool')} valuePropName="checked">
                <Switch data-testid="pay-use-pool" />
              </Form.Item>
              {usePool ? (
                <Form.Item name="pool" label={t('appraisal.pay.pool')}>
                  <ValueInput unit="VND" testId="pay-pool" />
                </Form.Item>
              ) : (
                <Form.Item name="rate" label={t('appraisal.pay.rate')} extra={t('appraisal.bonus.rateHint')}>
                  <ValueInput testId="pay-rate" />
                </Form.Item>
              )}
              <Form.Item name="roundStep" label={t('appraisal.bonus.roundStep')}>
                <ValueInput unit="VND" testId="pay-round" />
              </Form.Item>
              <Form.Item name="coefMode" label={t('appraisal.bonus.coefficients')}>
                <Radio.Group
                  options={[
                    { value: 'grade', label: t('appraisal.bonus.byGrade') },
                    { value: 'score', label: t('appraisal.bonus.byScore') },
                  ]}
                />
              </Form.Item>
              <Row gutter={8}>
                {initial.bands.map((b, i) => (
                  <Col xs={12} key={b.grade}>
                    <Typography.Text strong>{b.grade}</Typography.Text>
                    <Form.Item name={['bands', i, 'min']} label={t('appraisal.cycles.minScore')} style={{ marginBottom: 4 }}>
                      <ValueInput unit="%" testId={`pay-band-${b.grade}`} />
                    </Form.Item>
                    {coefMode === 'grade' && (
                      <Form.Item name={['coefficients', b.grade]} label={t('appraisal.pay.coefficient')} style={{ marginBottom: 12 }}>
                        <ValueInput testId={`pay-coef-${b.grade}`} />
                      </Form.Item>
                    )}
                  </Col>
                ))}
              </Row>
              <Button onClick={() => form.setFieldsValue(initial)} data-testid="pay-reset">
                {t('appraisal.pay.reset')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Row gutter={16}>
              <Col xs={24} sm={8}>
                <Statistic title={t('appraisal.pay.current')} value={totals ? money(totals.current) : '—'} loading={pay.isFetching && !totals} data-testid="pay-total-current" />
              </Col>
              <Col xs={24} sm={8}>
                <Statistic title={t('appraisal.pay.whatIfTotal')} value={totals ? money(totals.whatIf) : '—'} data-testid="pay-total-whatif" />
              </Col>
              <Col xs={24} sm={8}>
                <Statistic
                  title={t('appraisal.pay.difference')}
                  value={totals ? `${totals.difference > 0 ? '+' : ''}${money(totals.difference)}` : '—'}
                  styles={{ content: { color: totals && totals.difference < 0 ? '#cf1322' : totals && totals.difference > 0 ? '#389e0d' : undefined } }}
                  data-testid="pay-total-difference"
                />
              </Col>
            </Row>
            {pay.error && <Alert type="error" showIcon title={pay.error.message} />}
            <ExportTable<PayRow> exportName="pay-simulation"
              data-testid="pay-table"
              rowKey="sheetId"
              size="small"
              loading={pay.isFetching}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
              dataSource={pay.data?.rows ?? []}
              columns={[
                { title: t('appraisal.sheets.person'), dataIndex: 'personName' },
                { title: t('appraisal.sheets.unit'), dataIndex: 'unitName' },
                { title: t('appraisal.sheets.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => formatPercent(v, lang) },
                { title: t('appraisal.pay.base'), dataIndex: 'base', align: 'right', render: money },
                {
                  title: t('appraisal.pay.current'),
                  children: [
                    { title: t('appraisal.sheets.grade'), key: 'cg', render: (_, r) => r.current.grade ?? '—' },
                    { title: t('appraisal.pay.coefficient'), key: 'cc', align: 'right', render: (_, r) => (r.current.coefficient === null ? '—' : formatNumber(r.current.coefficient, lang, 4)) },
                    { title: t('appraisal.sheets.bonus'), key: 'cb', align: 'right', render: (_, r) => money(r.current.bonus) },
                  ],
                },
                {
                  title: t('appraisal.pay.whatIf'),
                  children: [
                    { title: t('appraisal.sheets.grade'), key: 'wg', render: (_, r) => r.whatIf.grade ?? '—' },
                    { title: t('appraisal.pay.coefficient'), key: 'wc', align: 'right', render: (_, r) => (r.whatIf.coefficient === null ? '—' : formatNumber(r.whatIf.coefficient, lang, 4)) },
                    {
                      title: t('appraisal.sheets.bonus'),
                      key: 'wb',
                      align: 'right',
                      render: (_, r) => <span style={r.whatIf.bonus !== r.current.bonus ? { fontWeight: 600 } : undefined}>{money(r.whatIf.bonus)}</span>,
                    },
                  ],
                },
              ]}
            />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
