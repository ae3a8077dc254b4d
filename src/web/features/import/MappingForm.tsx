import { Col, Form, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LABELS } from '../../../core/import/headers';
import { useSession } from '../../session';
import type { ColumnMappingT } from './types';

/** The fields of the mapping screen, in the order people think of them. */
export const MAPPED_FIELDS = ['kpi', 'period', 'date', 'scope', 'unit', 'person', 'value', 'numerator', 'denominator', 'comment'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
const HINTED = new Set<MappedField>(['kpi', 'period', 'date', 'value', 'numerator', 'denominator']);

interface Props {
  headers: string[];
  value: ColumnMappingT;
  onChange(next: ColumnMappingT): void;
}

/** One select per field, each offering the file's column headers. */
export function MappingForm({ headers, value, onChange }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const options = headers.map((h) => ({ value: h, label: h }));
  return (
    <Form layout="vertical" data-testid="import-mapping">
      <Row gutter={12}>
        {MAPPED_FIELDS.map((f) => (
          <Col key={f} xs={24} sm={12} lg={6}>
            <Form.Item
              label={
                <span>
                  {FIELD_LABELS[f][lang]} {HINTED.has(f) && <Typography.Text type="secondary">{t(`importActuals.need.${f}`)}</Typography.Text>}
                </span>
              }
              style={{ marginBottom: 12 }}
            >
              <Select
                allowClear
                placeholder={t('importActuals.notMapped')}
                value={value[f] ?? null}
                options={options}
                onChange={(v: string | null | undefined) => onChange({ ...value, [f]: v ?? undefined })}
                data-testid={`map-${f}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  );
}
