import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Band } from '../../../core/scoring';
import { ValueInput } from '../kpi/ValueInput';

/** Band table rows: "achievement ≥ min gives score", both as percentages. */
export function BandsEditor({ bands, onChange }: { bands: Band[]; onChange(next: Band[]): void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Band>) => onChange(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <div data-testid="sandbox-bands">
      <Row gutter={8}>
        <Col span={10}>
          <Typography.Text type="secondary">{t('sandbox.bandMin')}</Typography.Text>
        </Col>
        <Col span={10}>
          <Typography.Text type="secondary">{t('sandbox.bandScore')}</Typography.Text>
        </Col>
      </Row>
      {bands.map((b, i) => (
        <Row gutter={8} key={i} style={{ marginBottom: 6 }}>
          <Col span={10}>
            <ValueInput unit="%" value={b.min} onChange={(v) => set(i, { min: v ?? 0 })} testId={`band-min-${i}`} />
          </Col>
          <Col span={10}>
            <ValueInput unit="%" value={b.score} onChange={(v) => set(i, { score: v ?? 0 })} testId={`band-score-${i}`} />
          </Col>
          <Col span={4}>
            <Button type="text" icon={<DeleteOutlined />} onClick={() => onChange(bands.filter((_, j) => j !== i))} aria-label={t('kpi.form.remove')} />
          </Col>
        </Row>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...bands, { min: 0, score: 0 }])}>
        {t('sandbox.addBand')}
      </Button>
    </div>
  );
}
