import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, Modal, Radio, Row, Select, Switch, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError, type FieldMap } from '../../../lib/api-errors';
import { useSession } from '../../../session';
import { ValueInput } from '../../kpi/ValueInput';
import { initialCycleForm, PERIOD_EXAMPLE, toCycleBody, type CycleFormValues, type Frequency } from './cycle-form';
import { DateField } from './DateField';
import { phaseName, PHASE_ORDER } from './display';
import { useCreateCycle } from './queries';

const FIELDS: FieldMap = Object.fromEntries(
  ['code', 'name', 'frequency', 'period', 'missing', 'bands.*.grade', 'bands.*.min', ...PHASE_ORDER.map((p) => `deadlines.${p}`)].map((p) => [p, {}]),
);
const FREQUENCIES: readonly Frequency[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];

/** Creates a cycle: period, a deadline per phase, missing mode, grade bands with target shares, second approval. */
export function NewCycleDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CycleFormValues>();
  const create = useCreateCycle();
  const showError = useShowError();
  const frequency = Form.useWatch('frequency', form) ?? 'quarterly';

  const submit = async (v: CycleFormValues) => {
    try {
      const cycle = await create.mutateAsync(toCycleBody(v));
      void message.success(t('appraisal.cycles.created'));
      onClose();
      void navigate(`/appraisal/cycles/${cycle.id}`);
    } catch (e) {
      showError(e, form, FIELDS);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('appraisal.cycles.newTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('appraisal.cycles.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'cycle-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form<CycleFormValues> form={form} layout="vertical" initialValues={initialCycleForm()} onFinish={(v) => void submit(v)} requiredMark={false} data-testid="cycle-form">
        <Row gutter={8}>
          <Col xs={24} md={8}>
            <Form.Item name="code" label={t('appraisal.cycles.code')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={40} data-testid="cycle-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('appraisal.cycles.name')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={200} data-testid="cycle-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="frequency" label={t('appraisal.cycles.frequency')}>
              <Select data-testid="cycle-frequency" options={FREQUENCIES.map((f) => ({ value: f, label: t(`appraisal.frequency.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="period" label={t('appraisal.cycles.period')} extra={t('appraisal.cycles.periodHint', { example: PERIOD_EXAMPLE[frequency] })} rules={[{ required: true, message: t('common.required') }]}>
              <Input placeholder={PERIOD_EXAMPLE[frequency]} data-testid="cycle-period" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="secondApproval" label={t('appraisal.cycles.secondApproval')} valuePropName="checked">
              <Switch data-testid="cycle-second-approval" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('appraisal.cycles.deadlines')}</Typography.Text>
        <Row gutter={8}>
          {PHASE_ORDER.map((p) => (
            <Col xs={12} md={6} key={p}>
              <Form.Item name={['deadlines', p]} label={phaseName(p, lang)} style={{ marginBottom: 8 }}>
                <DateField testId={`cycle-deadline-${p}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="missing" label={t('appraisal.cycles.missing')}>
          <Radio.Group
            options={[
              { value: 'renormalize', label: t('appraisal.cycles.missingRenormalize') },
              { value: 'zero', label: t('appraisal.cycles.missingZero') },
            ]}
          />
        </Form.Item>
        <Typography.Text strong>{t('appraisal.cycles.bands')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
          {t('appraisal.cycles.bandsHint')}
        </Typography.Paragraph>
        <Form.List name="bands">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="bottom" data-testid={`cycle-band-${i}`}>
                  <Col xs={6} md={5}>
                    <Form.Item name={[f.name, 'grade']} label={i === 0 ? t('appraisal.cycles.grade') : undefined} style={{ marginBottom: 8 }}>
                      <Input maxLength={10} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={8}>
                    <Form.Item name={[f.name, 'min']} label={i === 0 ? t('appraisal.cycles.minScore') : undefined} style={{ marginBottom: 8 }}>
                      <ValueInput unit="%" testId={`cycle-band-${i}-min`} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={9}>
                    <Form.Item name={[f.name, 'share']} label={i === 0 ? t('appraisal.cycles.targetShare') : undefined} style={{ marginBottom: 8 }}>
                      <ValueInput unit="%" testId={`cycle-band-${i}-share`} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2}>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('appraisal.cycles.removeBand')} style={{ marginBottom: 8 }} />
                  </Col>
                </Row>
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ grade: '', min: null, share: null })}>
                {t('appraisal.cycles.addBand')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
