import { DeleteOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Segmented, Select, Typography, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useKpiList } from '../../kpi/queries';
import { ValueInput } from '../../kpi/ValueInput';
import { fillFromKpi, levelsFor, type TemplateFormValues } from './template-form';

interface Props {
  form: FormInstance<TemplateFormValues>;
  groupIndex: number;
  itemIndex: number;
  /** The Form.List field name of this item inside its group's items. */
  field: number;
  kind: 'kpi' | 'rated';
  scale: number;
  onRemove: () => void;
}

/** One item of a group: a KPI from the library, or a rated item with a scale and a vi/en descriptor per level. */
export function TemplateItemFields({ form, groupIndex, itemIndex, field, kind, scale, onRemove }: Props) {
  const { t } = useTranslation();
  const kpis = useKpiList({});
  // Deep paths under a Form.List: the form's own path types stop at a fixed depth.
  const path = ['groups', groupIndex, 'items', itemIndex] as unknown as ['groups'];
  const at = (key: string) => [...path, key] as unknown as ['groups'];
  const id = `item-${groupIndex}-${itemIndex}`;
  const kpiOptions = useMemo(
    () => (kpis.data ?? []).filter((k) => k.status !== 'archived').map((k) => ({ value: k.code, label: `${k.code} · ${k.name}` })),
    [kpis.data],
  );

  const pickKpi = (code: string) => {
    const kpi = kpis.data?.find((k) => k.code === code);
    if (kpi) form.setFieldValue(path, fillFromKpi(form.getFieldValue(path) ?? {}, kpi));
  };
  const setKind = (next: 'kpi' | 'rated') => {
    if (next === 'rated' && !form.getFieldValue(at('scale'))) {
      form.setFieldValue(at('scale'), 5);
      form.setFieldValue(at('levels'), levelsFor(5, []));
    }
  };
  const setScale = (next: number | null) => {
    if (next === null) return;
    form.setFieldValue(at('levels'), levelsFor(next, form.getFieldValue(at('levels')) ?? []));
  };

  return (
    <div className="appraisal-item" data-testid={id} style={{ borderTop: '1px dashed #e5e7eb', paddingTop: 8, marginTop: 8 }}>
      <Row gutter={[8, 0]} align="bottom">
        <Col xs={24} md={8}>
          <Form.Item name={[field, 'kind']} label={t('appraisal.templates.itemKind')} style={{ marginBottom: 8 }}>
            <Segmented
              data-testid={`${id}-kind`}
              onChange={(v) => setKind(v as 'kpi' | 'rated')}
              options={[
                { value: 'kpi', label: t('appraisal.templates.kindKpi') },
                { value: 'rated', label: t('appraisal.templates.kindRated') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={kind === 'kpi' ? 12 : 6}>
          {kind === 'kpi' ? (
            <Form.Item name={[field, 'kpiCode']} label={t('appraisal.templates.kpi')} rules={[{ required: true, message: t('appraisal.templates.kpiRequired') }]} style={{ marginBottom: 8 }}>
              <Select data-testid={`${id}-kpi`} showSearch={{ optionFilterProp: 'label' }} options={kpiOptions} loading={kpis.isFetching} onChange={pickKpi} />
            </Form.Item>
          ) : (
            <Form.Item name={[field, 'scale']} label={t('appraisal.templates.scale')} style={{ marginBottom: 8 }}>
              <InputNumber data-testid={`${id}-scale`} min={2} max={10} precision={0} onChange={setScale} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Col>
        <Col xs={20} md={kind === 'kpi' ? 3 : 9}>
          <Form.Item name={[field, 'weight']} label={t('appraisal.templates.weight')} style={{ marginBottom: 8 }}>
            <ValueInput testId={`${id}-weight`} />
          </Form.Item>
        </Col>
        <Col xs={4} md={1} style={{ textAlign: 'right' }}>
          <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('appraisal.templates.removeItem')} data-testid={`${id}-remove`} style={{ marginBottom: 8 }} />
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[field, 'code']} label={t('appraisal.templates.code')} style={{ marginBottom: 8 }}>
            <Input data-testid={`${id}-code`} maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name={[field, 'name', 'vi']} label={t('appraisal.templates.nameVi')} style={{ marginBottom: 8 }}>
            <Input data-testid={`${id}-name-vi`} maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item name={[field, 'name', 'en']} label={t('appraisal.templates.nameEn')} style={{ marginBottom: 8 }}>
            <Input data-testid={`${id}-name-en`} maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'rated' && (
        <Form.List name={[field, 'levels']}>
          {(levels) => (
            <div data-testid={`${id}-levels`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('appraisal.templates.levels', { scale })}
              </Typography.Text>
              {levels.map((level, li) => (
                <Row key={level.key} gutter={8} align="middle">
                  <Col xs={24} md={2}>
                    <Typography.Text strong>{li + 1}</Typography.Text>
                  </Col>
                  <Col xs={24} md={11}>
                    <Form.Item name={[level.name, 'vi']} style={{ marginBottom: 4 }}>
                      <Input placeholder={t('appraisal.templates.levelVi', { n: li + 1 })} data-testid={`${id}-level-${li}-vi`} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={11}>
                    <Form.Item name={[level.name, 'en']} style={{ marginBottom: 4 }}>
                      <Input placeholder={t('appraisal.templates.levelEn', { n: li + 1 })} data-testid={`${id}-level-${li}-en`} maxLength={200} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
            </div>
          )}
        </Form.List>
      )}
    </div>
  );
}
