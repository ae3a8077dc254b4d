import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Radio, Row, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BONUS_STEP, DEFAULT_COEFFICIENTS } from '../../../../core/appraisal/bonus';
import { useShowError } from '../../../lib/api-errors';
import { formatDate, formatMoney, formatNumber } from '../../../lib/format';
import { userCanAtAll, useSession, useUser } from '../../../session';
import { ValueInput } from '../../kpi/ValueInput';
import { formatCoefficients } from '../cycles/display';
import type { BonusRuleT } from '../cycles/types';
import { useAddBonusRule, useBonusRules } from './queries';
import { ExportTable } from '../../../shell/ExportTable';

interface RuleForm {
  effectiveFrom?: Dayjs;
  rate?: number | null;
  mode: 'grade' | 'score';
  coefficients: { grade: string; value: number | null }[];
  roundStep?: number | null;
  note?: string;
}

const INITIAL: RuleForm = {
  mode: 'grade',
  rate: 1,
  roundStep: DEFAULT_BONUS_STEP,
  coefficients: Object.entries(DEFAULT_COEFFICIENTS).map(([grade, value]) => ({ grade, value })),
};

/** The KPI bonus rules, newest first; a change is a new version from its effective date. */
export function BonusRules() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const rules = useBonusRules(userCanAtAll(user, 'appraisal.pay'));
  const add = useAddBonusRule();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RuleForm>();
  const mode = Form.useWatch('mode', form);
  const sorted = [...(rules.data ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  const submit = async (finished: RuleForm) => {
    // The grades of the coefficient rows have no field of their own: read them from the whole store.
    const v = { ...finished, coefficients: (form.getFieldValue('coefficients') ?? []) as RuleForm['coefficients'] };
    try {
      await add.mutateAsync({
        effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? '',
        rate: v.rate as number,
        coefficients: v.mode === 'score' ? 'score' : Object.fromEntries(v.coefficients.map((c) => [c.grade.trim(), c.value as number])),
        roundStep: v.roundStep as number,
        note: v.note?.trim() ?? '',
      });
      void message.success(t('appraisal.bonus.saved'));
      setOpen(false);
    } catch (e) {
      showError(e, form, ['effectiveFrom', 'rate', 'roundStep', 'note']);
    }
  };

  return (
    <Card
      size="small"
      title={t('appraisal.bonus.title')}
      data-testid="bonus-rules"
      extra={
        userCanAtAll(user, 'appraisal.setup') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="bonus-rule-add">
            {t('appraisal.bonus.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('appraisal.bonus.hint')}
      </Typography.Paragraph>
      <ExportTable<BonusRuleT> exportName="bonus-rules"
        rowKey="id"
        size="small"
        pagination={false}
        loading={rules.isFetching}
        dataSource={sorted}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: rules.error?.message ?? t('appraisal.bonus.empty') }}
        columns={[
          { title: t('appraisal.bonus.effectiveFrom'), dataIndex: 'effectiveFrom', render: (d: string) => formatDate(d, lang) },
          { title: t('appraisal.bonus.rate'), dataIndex: 'rate', align: 'right', render: (r: number) => formatNumber(r, lang, 4) },
          { title: t('appraisal.bonus.coefficients'), dataIndex: 'coefficients', render: (c: BonusRuleT['coefficients']) => formatCoefficients(c, lang, t('appraisal.bonus.byScore')) },
          { title: t('appraisal.bonus.roundStep'), dataIndex: 'roundStep', align: 'right', render: (s: number) => formatMoney(s, lang) },
          { title: t('appraisal.bonus.note'), dataIndex: 'note' },
        ]}
      />
      <Modal
        open={open}
        title={t('appraisal.bonus.addTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'bonus-rule-save' } as ButtonProps}
      >
        <Form<RuleForm> form={form} layout="vertical" initialValues={INITIAL} onFinish={(v) => void submit(v)} requiredMark={false} data-testid="bonus-rule-form">
          <Row gutter={8}>
            <Col xs={24} md={12}>
              <Form.Item name="effectiveFrom" label={t('appraisal.bonus.effectiveFrom')} rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker format={lang === 'vi' ? 'DD/MM/YYYY' : 'D MMM YYYY'} style={{ width: '100%' }} data-testid="bonus-effective" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="rate" label={t('appraisal.bonus.rate')} extra={t('appraisal.bonus.rateHint')}>
                <ValueInput testId="bonus-rate" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="mode" label={t('appraisal.bonus.coefficients')}>
            <Radio.Group
              options={[
                { value: 'grade', label: t('appraisal.bonus.byGrade') },
                { value: 'score', label: t('appraisal.bonus.byScore') },
              ]}
            />
          </Form.Item>
          {mode !== 'score' && (
            <Form.List name="coefficients">
              {(fields) => (
                <Row gutter={8}>
                  {fields.map((f, i) => (
                    <Col xs={12} md={6} key={f.key}>
                      <Form.Item name={[f.name, 'value']} label={form.getFieldValue(['coefficients', i, 'grade']) as string}>
                        <ValueInput testId={`bonus-coef-${i}`} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              )}
            </Form.List>
          )}
          <Form.Item name="roundStep" label={t('appraisal.bonus.roundStep')}>
            <ValueInput unit="VND" testId="bonus-round" />
          </Form.Item>
          <Form.Item name="note" label={t('appraisal.bonus.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
