import { Alert, Button, Card, Col, Descriptions, Form, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_DIRECTION_LABELS } from '../../../core/kpi/labels';
import { scoreReasonMessage, type KpiDirection, type RagStatus, type ScoringMethodKind } from '../../../core/scoring';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { optionsOf } from '../kpi/labels';
import { ValueInput } from '../kpi/ValueInput';
import { BandsEditor } from './BandsEditor';
import { DEFAULT_STATE, methodsFor, scoreSandbox, WORKED_EXAMPLES, type SandboxState } from './sandbox-model';
import { ExportTable } from '../../shell/ExportTable';

export const RAG_COLOR: Record<RagStatus, string> = { green: '#52c41a', amber: '#faad14', red: '#ff4d4f', none: '#bfbfbf' };

const pct = (x: number | null | undefined, lang: 'vi' | 'en') => formatKpiValue(x, '%', lang);

/** /sandbox: try a scoring setup and see achievement, score and status computed live by the core's scoreKpi. */
export default function SandboxPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [s, setS] = useState<SandboxState>(DEFAULT_STATE);
  // A new key re-mounts the inputs when an example is loaded, so they show its numbers.
  const [loaded, setLoaded] = useState(0);
  const set = (patch: Partial<SandboxState>) => setS((prev) => ({ ...prev, ...patch }));
  const out = useMemo(() => scoreSandbox(s), [s]);
  const methods = methodsFor(s.direction);
  const num = (key: 'target' | 'actual' | 'baseline' | 'min' | 'max' | 'tolerance', label: string) => (
    <Col xs={24} sm={8}>
      <Form.Item label={label}>
        <ValueInput value={s[key]} onChange={(v) => set({ [key]: v })} testId={`sandbox-${key}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="sandbox-page" key={loaded}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('sandbox.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('sandbox.intro')}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={14}>
          <Card size="small" title={t('sandbox.setup')}>
            <Form layout="vertical">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item label={t('kpi.field.direction')}>
                    <Select<KpiDirection>
                      value={s.direction}
                      options={optionsOf(KPI_DIRECTION_LABELS, lang)}
                      onChange={(direction) => set({ direction, method: methodsFor(direction).includes(s.method) ? s.method : (methodsFor(direction)[0] as ScoringMethodKind) })}
                      data-testid="sandbox-direction"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label={t('sandbox.method')}>
                    <Select<ScoringMethodKind>
                      value={s.method}
                      onChange={(method) => set({ method })}
                      options={methods.map((m) => ({ value: m, label: t(`sandbox.methods.${m}`) }))}
                      data-testid="sandbox-method"
                    />
                  </Form.Item>
                </Col>
                {s.method !== 'range' && num('target', t('kpi.target.value'))}
                {num('actual', t('sandbox.actual'))}
                {s.method === 'progress' && num('baseline', t('kpi.field.baseline'))}
                {s.method === 'range' && num('min', t('kpi.target.rangeMin'))}
                {s.method === 'range' && num('max', t('kpi.target.rangeMax'))}
                {s.method === 'range' && num('tolerance', t('sandbox.tolerance'))}
              </Row>
              <Row gutter={12}>
                <Col xs={12} sm={8}>
                  <Form.Item label={t('sandbox.floor')} tooltip={t('sandbox.floorHint')}>
                    <ValueInput unit="%" value={s.floor} onChange={(v) => set({ floor: v ?? 0 })} testId="sandbox-floor" />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item label={t('sandbox.cap')} tooltip={t('sandbox.capHint')}>
                    <ValueInput unit="%" value={s.cap} onChange={(v) => set({ cap: v ?? 0 })} testId="sandbox-cap" />
                  </Form.Item>
                </Col>
                {s.method === 'bands' && (
                  <Col xs={24} sm={8}>
                    <Form.Item label={t('sandbox.below')}>
                      <ValueInput unit="%" value={s.below} onChange={(v) => set({ below: v ?? 0 })} />
                    </Form.Item>
                  </Col>
                )}
              </Row>
              {s.method === 'bands' && <BandsEditor bands={s.bands} onChange={(bands) => set({ bands })} />}
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
              {t(`sandbox.explain.${s.method}`)}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title={t('sandbox.result')} data-testid="sandbox-result">
            {!out.ok && <Alert type="error" showIcon title={out.error[lang]} data-testid="sandbox-error" />}
            {out.ok && (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('sandbox.achievement')}>
                  <Typography.Text strong style={{ fontSize: 18 }} data-testid="sandbox-achievement">
                    {pct(out.result.achievement, lang)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('sandbox.score')}>
                  <Typography.Text strong style={{ fontSize: 18 }} data-testid="sandbox-score">
                    {pct(out.result.score, lang)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('sandbox.status')}>
                  <Tag color={RAG_COLOR[out.result.status]} data-testid="sandbox-status" data-status={out.result.status}>
                    {t(`status.${out.result.status}`)}
                  </Tag>
                </Descriptions.Item>
                {out.result.reason && (
                  <Descriptions.Item label={t('sandbox.note')}>
                    <span data-testid="sandbox-reason">{scoreReasonMessage(out.result.reason)[lang]}</span>
                  </Descriptions.Item>
                )}
              </Descriptions>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
              {t('sandbox.sameAsCli')} <Typography.Text code>openkpi score</Typography.Text>
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('sandbox.examples')}>
        <ExportTable exportName="sandbox-examples"
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="sandbox-examples"
          dataSource={WORKED_EXAMPLES.map((e) => ({ ...e, out: scoreSandbox(e.state) }))}
          columns={[
            { title: t('sandbox.example'), key: 'title', render: (_: unknown, e) => e.title[lang] },
            { title: t('sandbox.method'), key: 'method', render: (_: unknown, e) => t(`sandbox.methods.${e.state.method}`) },
            { title: t('sandbox.byHand'), dataIndex: 'byHand', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('sandbox.achievement'), key: 'a', align: 'right', render: (_: unknown, e) => (e.out.ok ? pct(e.out.result.achievement, lang) : '—') },
            { title: t('sandbox.score'), key: 's', align: 'right', render: (_: unknown, e) => (e.out.ok ? pct(e.out.result.score, lang) : '—') },
            {
              title: '',
              key: 'load',
              render: (_: unknown, e) => (
                <Button
                  size="small"
                  data-testid={`example-${e.id}`}
                  onClick={() => {
                    setS(e.state);
                    setLoaded((n) => n + 1);
                  }}
                >
                  {t('sandbox.tryIt')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
