import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError, type FieldMap } from '../../../lib/api-errors';
import { useSession } from '../../../session';
import { usePhone } from '../../../shell/use-phone';
import { ValueInput } from '../../kpi/ValueInput';
import { usePositions } from '../../org/queries';
import type { TemplateT } from '../cycles/types';
import { useSaveTemplate } from './queries';
import { bodyOf, emptyTemplate, newKpiItem, newRatedItem, toTemplateBody, type TemplateFormValues } from './template-form';
import { TemplateItemFields } from './TemplateItemFields';
import { weightChecks } from './weight-check';
import { WeightTotal } from './WeightTotal';

/** Server issue paths → the editor's fields (the form's names are the body's paths). */
const FIELDS: FieldMap = Object.fromEntries(
  ['code', 'name', 'positionId', 'groups.*.code', 'groups.*.name.vi', 'groups.*.name.en', 'groups.*.weight', 'groups.*.items.*.code', 'groups.*.items.*.kpiCode', 'groups.*.items.*.weight', 'groups.*.items.*.scale', 'groups.*.items.*.name.vi', 'groups.*.items.*.name.en'].map((p) => [p, {}]),
);

interface Props {
  /** The template to edit; null for a new one. */
  template: TemplateT | null;
  onClose: () => void;
}

/** Drawer with a template's groups and items; weights are checked live with the server's decimal rule. */
export function TemplateEditor({ template, onClose }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const phone = usePhone();
  const [form] = Form.useForm<TemplateFormValues>();
  const save = useSaveTemplate();
  const showError = useShowError();
  const positions = usePositions();
  const groups = Form.useWatch('groups', { form, preserve: true }) ?? [];
  const checks = weightChecks(groups);
  const initial = useMemo(() => (template ? bodyOf(template) : emptyTemplate()), [template]);

  const submit = async (values: TemplateFormValues) => {
    // The same check the server runs: refuse before sending, with the same words.
    const bad = weightChecks(values.groups ?? []).find((c) => !c.ok);
    if (bad?.message) {
      void message.error(bad.message[lang]);
      return;
    }
    try {
      await save.mutateAsync({ id: template?.id ?? null, body: toTemplateBody(values) });
      void message.success(t('appraisal.templates.saved'));
      onClose();
    } catch (e) {
      showError(e, form, FIELDS);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={phone ? '100%' : 920}
      title={template ? t('appraisal.templates.editTitle', { code: template.code }) : t('appraisal.templates.newTitle')}
      destroyOnHidden
      extra={
        <Space wrap>
          {!phone && <WeightTotal check={checks[0]} />}
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="template-save">
            {t('appraisal.templates.save')}
          </Button>
        </Space>
      }
      data-testid="template-editor"
    >
      <Form<TemplateFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} requiredMark={false}>
        <Row gutter={8}>
          <Col xs={24} md={6}>
            <Form.Item name="code" label={t('appraisal.templates.code')} rules={[{ required: true, message: t('appraisal.templates.codeRequired') }]}>
              <Input data-testid="template-code" maxLength={40} disabled={template !== null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="name" label={t('appraisal.templates.name')} rules={[{ required: true, message: t('appraisal.templates.nameRequired') }]}>
              <Input data-testid="template-name" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="positionId" label={t('appraisal.templates.position')}>
              <Select
                data-testid="template-position"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(positions.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                placeholder={t('appraisal.templates.anyPosition')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
          <Typography.Text strong>{t('appraisal.templates.groupWeights')}</Typography.Text>
          {/* On a wide screen the groups' total sits in the drawer's header, in sight while scrolling through the items. */}
          {phone && <WeightTotal check={checks[0]} />}
        </Space>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((g, gi) => (
                <Card
                  key={g.key}
                  size="small"
                  data-testid={`group-${gi}`}
                  title={groups[gi]?.name?.[lang] || t('appraisal.templates.groupN', { n: gi + 1 })}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(g.name)} aria-label={t('appraisal.templates.removeGroup')} data-testid={`group-${gi}-remove`} />}
                >
                  <Row gutter={8}>
                    <Col xs={24} md={5}>
                      <Form.Item name={[g.name, 'code']} label={t('appraisal.templates.code')} style={{ marginBottom: 8 }}>
                        <Input data-testid={`group-${gi}-code`} maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[g.name, 'name', 'vi']} label={t('appraisal.templates.nameVi')} style={{ marginBottom: 8 }}>
                        <Input data-testid={`group-${gi}-name-vi`} maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={7}>
                      <Form.Item name={[g.name, 'name', 'en']} label={t('appraisal.templates.nameEn')} style={{ marginBottom: 8 }}>
                        <Input data-testid={`group-${gi}-name-en`} maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={4}>
                      <Form.Item name={[g.name, 'weight']} label={t('appraisal.templates.weight')} style={{ marginBottom: 8 }}>
                        <ValueInput testId={`group-${gi}-weight`} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.List name={[g.name, 'items']}>
                    {(items, ops) => (
                      <>
                        {items.map((it, ii) => {
                          const item = groups[gi]?.items?.[ii];
                          return (
                            <TemplateItemFields
                              key={it.key}
                              form={form}
                              groupIndex={gi}
                              itemIndex={ii}
                              field={it.name}
                              kind={item?.kind === 'rated' ? 'rated' : 'kpi'}
                              scale={item?.scale ?? 0}
                              onRemove={() => ops.remove(it.name)}
                            />
                          );
                        })}
                        <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }} wrap>
                          <Space wrap>
                            <Button size="small" icon={<PlusOutlined />} onClick={() => ops.add(newKpiItem())} data-testid={`group-${gi}-add-kpi`}>
                              {t('appraisal.templates.addKpi')}
                            </Button>
                            <Button size="small" icon={<PlusOutlined />} onClick={() => ops.add(newRatedItem())} data-testid={`group-${gi}-add-rated`}>
                              {t('appraisal.templates.addRated')}
                            </Button>
                          </Space>
                          <WeightTotal check={checks[gi + 1]} />
                        </Space>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', name: { vi: '', en: '' }, weight: null, items: [] })} data-testid="group-add">
                {t('appraisal.templates.addGroup')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
