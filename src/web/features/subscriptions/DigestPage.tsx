import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Form, List, Space, Spin, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MISS_REASON_LABELS, type MissReason } from '../../../core/diagnostics/reasons';
import { formatDate, formatNumber } from '../../lib/format';
import { useSession, useUser } from '../../session';
import { currentMonthKey, PeriodPicker } from '../results/PeriodPicker';
import { ScopeChooser } from './ScopeChooser';
import { getDigest, type DigestResponseT } from './subscriptions-api';

type Mover = DigestResponseT['up'][number];

/** /reports/digest — the management digest of a scope and period: top movers, red KPIs with reasons, late measurements. */
export default function DigestPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? currentMonthKey();
  const scope = params.get('scope') ?? 'company';
  const set = (next: { period?: string; scope?: string }) => setParams({ period, scope, ...next }, { replace: true });
  const ready = scope !== 'unit:';
  const digest = useQuery({ queryKey: ['digest', period, scope], queryFn: () => getDigest(period, scope), enabled: ready });

  const pct = (x: number | null) => (x === null ? '—' : `${formatNumber(x * 100, lang, 1)} %`);
  const pts = (x: number) => `${x > 0 ? '+' : ''}${formatNumber(x * 100, lang, 1)}`;
  const name = (k: { name: string; nameEn: string | null }) => (lang === 'en' && k.nameEn ? k.nameEn : k.name);
  const reason = (r: { reason: string; comment: string | null }) => {
    const label = MISS_REASON_LABELS[r.reason as MissReason]?.[lang] ?? r.reason;
    return r.comment ? `${label}: ${r.comment}` : label;
  };
  const movers = (title: string, list: Mover[], testId: string, color: string) => (
    <Card size="small" title={title} data-testid={testId}>
      <List<Mover>
        dataSource={list}
        locale={{ emptyText: t('subscriptions.digest.none') }}
        renderItem={(m) => (
          <List.Item extra={<Tag color={color}>{pts(m.change)}</Tag>}>
            <List.Item.Meta title={<Typography.Text>{`${m.code} · ${name(m)}`}</Typography.Text>} description={`${pct(m.previous)} → ${pct(m.current)}`} />
          </List.Item>
        )}
      />
    </Card>
  );

  return (
    <div data-testid="digest-page">
      <Typography.Title level={3}>{t('subscriptions.digest.title')}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item label={t('subscriptions.scopeLabel')}>
            <ScopeChooser value={scope} onChange={(s) => set({ scope: s })} personId={user.personId} testId="digest-scope" />
          </Form.Item>
          <Form.Item label={t('subscriptions.digest.period')} style={{ marginBottom: 0 }}>
            <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
              <PeriodPicker value={period} onChange={(p) => set({ period: p })} testId="digest-period" />
            </div>
          </Form.Item>
        </Form>
      </Card>
      {digest.error && <Alert type="error" showIcon message={digest.error.message} />}
      {digest.isLoading && <Spin />}
      {digest.data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="digest-period-text">
            {t('subscriptions.digest.against', {
              from: formatDate(digest.data.period.start, lang),
              to: formatDate(digest.data.period.end, lang),
              previous: digest.data.previousPeriod,
            })}
          </Typography.Text>
          {movers(t('subscriptions.digest.up'), digest.data.up, 'digest-up', 'green')}
          {movers(t('subscriptions.digest.down'), digest.data.down, 'digest-down', 'red')}
          <Card size="small" title={t('subscriptions.digest.red')} data-testid="digest-red">
            <List
              dataSource={digest.data.red}
              locale={{ emptyText: t('subscriptions.digest.none') }}
              renderItem={(r) => (
                <List.Item extra={<Tag color="red">{pct(r.achievement)}</Tag>}>
                  <List.Item.Meta
                    title={`${r.code} · ${name(r)}`}
                    description={r.reasons.length ? r.reasons.map(reason).join('; ') : <Typography.Text type="warning">{t('subscriptions.digest.noReason')}</Typography.Text>}
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('subscriptions.digest.late')} data-testid="digest-late">
            <List
              dataSource={digest.data.late}
              locale={{ emptyText: t('subscriptions.digest.none') }}
              renderItem={(l) => <List.Item>{`${l.code} · ${name(l)}`}</List.Item>}
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
