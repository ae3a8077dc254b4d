import { Alert, App, Checkbox, Form, List, Modal, Radio, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../lib/api-errors';
import { usePeople, usePositions, useUnits } from '../../org/queries';
import { UnitTreeSelect } from '../../org/UnitTreeSelect';
import { useAppraisalTemplates } from '../templates/queries';
import { useAssign } from './queries';
import type { AssignResultT } from './types';

type Who = 'unit' | 'position' | 'people';

interface AssignForm {
  templateId?: number;
  who: Who;
  unitId?: number | null;
  includeSubunits: boolean;
  positionId?: number;
  personIds?: number[];
}

interface Props {
  cycleId: number;
  /** Names of people who already have a sheet, to name the skipped ones. */
  names: ReadonlyMap<number, string>;
  onClose: () => void;
}

/** Assigns a template to a unit (with sub-units), a position or picked people, then shows who got a sheet and who was skipped, and why. */
export function AssignDialog({ cycleId, names, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignForm>();
  const who = Form.useWatch('who', form) ?? 'unit';
  const templates = useAppraisalTemplates();
  const units = useUnits();
  const positions = usePositions();
  const [q, setQ] = useState('');
  const people = usePeople({ q: q || undefined, limit: 50, offset: 0 }, who === 'people');
  const assign = useAssign(cycleId);
  const showError = useShowError();
  const [result, setResult] = useState<AssignResultT | null>(null);

  const submit = async (v: AssignForm) => {
    try {
      const r = await assign.mutateAsync({
        templateId: v.templateId as number,
        ...(v.who === 'unit' ? { unitId: v.unitId as number, includeSubunits: v.includeSubunits } : {}),
        ...(v.who === 'position' ? { positionId: v.positionId as number } : {}),
        ...(v.who === 'people' ? { personIds: v.personIds ?? [] } : {}),
      });
      setResult(r);
      void message.success(t('appraisal.assign.done', { count: r.created }));
    } catch (e) {
      showError(e, form, { templateId: {}, unitId: {}, positionId: {}, personIds: {} });
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('appraisal.assign.title')}
      onCancel={onClose}
      onOk={() => (result ? onClose() : form.submit())}
      okText={result ? t('appraisal.assign.close') : t('appraisal.assign.ok')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: result ? { display: 'none' } : {} }}
      confirmLoading={assign.isPending}
      okButtonProps={{ 'data-testid': 'assign-ok' } as ButtonProps}
      destroyOnHidden
    >
      {result ? (
        <div data-testid="assign-result">
          <Alert type="success" showIcon title={t('appraisal.assign.created', { count: result.created })} data-testid="assign-created" />
          {result.skipped.length > 0 && (
            <>
              <Typography.Paragraph strong style={{ marginTop: 12 }}>
                {t('appraisal.assign.skipped', { count: result.skipped.length })}
              </Typography.Paragraph>
              <List
                size="small"
                bordered
                dataSource={result.skipped}
                data-testid="assign-skipped"
                renderItem={(s) => (
                  <List.Item>
                    <span>
                      <Typography.Text strong>{names.get(s.personId) ?? `#${s.personId}`}</Typography.Text>: {s.reason}
                    </span>
                  </List.Item>
                )}
              />
            </>
          )}
        </div>
      ) : (
        <Form<AssignForm> form={form} layout="vertical" initialValues={{ who: 'unit', includeSubunits: true }} onFinish={(v) => void submit(v)} requiredMark={false} data-testid="assign-form">
          <Form.Item name="templateId" label={t('appraisal.assign.template')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              data-testid="assign-template"
              loading={templates.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              options={(templates.data ?? []).filter((tp) => !tp.archived).map((tp) => ({ value: tp.id, label: `${tp.code} · ${tp.name}` }))}
            />
          </Form.Item>
          <Form.Item name="who" label={t('appraisal.assign.who')}>
            <Radio.Group
              data-testid="assign-who"
              options={[
                { value: 'unit', label: t('appraisal.assign.byUnit') },
                { value: 'position', label: t('appraisal.assign.byPosition') },
                { value: 'people', label: t('appraisal.assign.byPeople') },
              ]}
            />
          </Form.Item>
          {who === 'unit' && (
            <>
              <Form.Item name="unitId" label={t('appraisal.assign.unit')} rules={[{ required: true, message: t('common.required') }]}>
                <UnitTreeSelect units={units.data ?? []} testId="assign-unit" />
              </Form.Item>
              <Form.Item name="includeSubunits" valuePropName="checked">
                <Checkbox data-testid="assign-subunits">{t('appraisal.assign.includeSubunits')}</Checkbox>
              </Form.Item>
            </>
          )}
          {who === 'position' && (
            <Form.Item name="positionId" label={t('appraisal.assign.position')} rules={[{ required: true, message: t('common.required') }]}>
              <Select data-testid="assign-position" showSearch={{ optionFilterProp: 'label' }} options={(positions.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          )}
          {who === 'people' && (
            <Form.Item name="personIds" label={t('appraisal.assign.people')} rules={[{ required: true, message: t('common.required') }]}>
              <Select
                mode="multiple"
                data-testid="assign-people"
                loading={people.isFetching}
                showSearch={{ filterOption: false, onSearch: setQ }}
                options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} · ${p.unitName}` }))}
              />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
