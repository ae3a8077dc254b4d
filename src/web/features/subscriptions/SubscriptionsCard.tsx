import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../session';
import { ScopeChooser, useScopeLabel } from './ScopeChooser';
import { createSubscription, deleteSubscription, listSubscriptions, type SubscriptionT } from './subscriptions-api';

const REPORTS = ['scorecard', 'digest', 'diagnostics', 'late-measurements'] as const;
type Report = (typeof REPORTS)[number];

/** One's own report subscriptions: list, add, remove (docs/subscriptions.md). */
export function SubscriptionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const client = useQueryClient();
  const scopeLabel = useScopeLabel();
  const list = useQuery({ queryKey: ['subscriptions'], queryFn: listSubscriptions });
  const [report, setReport] = useState<Report>('digest');
  const [cadence, setCadence] = useState<'weekly' | 'monthly'>('monthly');
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [scope, setScope] = useState('company');
  const refresh = () => void client.invalidateQueries({ queryKey: ['subscriptions'] });
  const showError = (e: unknown) => void message.error(e instanceof Error ? e.message : String(e));
  const add = useMutation({ mutationFn: createSubscription, onSuccess: () => (refresh(), void message.success(t('subscriptions.added'))), onError: showError });
  const remove = useMutation({ mutationFn: deleteSubscription, onSuccess: refresh, onError: showError });
  const ready = scope !== 'unit:';

  const describe = (s: SubscriptionT) => `${t(`subscriptions.cadence.${s.cadence}`)} · ${scopeLabel(s.scope)} · ${s.format.toUpperCase()}`;

  return (
    <Card title={t('subscriptions.title')} data-testid="subscriptions-card">
      <Typography.Paragraph type="secondary">{t('subscriptions.intro')}</Typography.Paragraph>
      <List<SubscriptionT>
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('subscriptions.none') }}
        data-testid="subscriptions-list"
        renderItem={(s) => (
          <List.Item
            actions={[
              <Button key="remove" size="small" danger icon={<DeleteOutlined />} onClick={() => remove.mutate(s.id)} aria-label={t('subscriptions.remove')} data-testid={`subscription-remove-${s.id}`} />,
            ]}
          >
            <List.Item.Meta title={t(`subscriptions.report.${s.report}`)} description={describe(s)} />
            {s.lastSentKey && <Tag>{t('subscriptions.lastSent', { key: s.lastSentKey })}</Tag>}
          </List.Item>
        )}
      />
      <Form layout="vertical" style={{ maxWidth: 560, marginTop: 16 }}>
        <Form.Item label={t('subscriptions.reportLabel')}>
          <Select<Report>
            value={report}
            onChange={setReport}
            style={{ width: 'min(360px, 100%)' }}
            options={REPORTS.map((r) => ({ value: r, label: t(`subscriptions.report.${r}`) }))}
            data-testid="subscription-report"
            virtual={false}
          />
        </Form.Item>
        <Form.Item label={t('subscriptions.scopeLabel')}>
          <ScopeChooser value={scope} onChange={setScope} personId={user.personId} testId="subscription-scope" />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item label={t('subscriptions.cadenceLabel')}>
            <Segmented value={cadence} onChange={(v) => setCadence(v as 'weekly' | 'monthly')} options={(['weekly', 'monthly'] as const).map((c) => ({ value: c, label: t(`subscriptions.cadence.${c}`) }))} data-testid="subscription-cadence" />
          </Form.Item>
          <Form.Item label={t('subscriptions.formatLabel')}>
            <Segmented value={format} onChange={(v) => setFormat(v as 'pdf' | 'xlsx')} options={[{ value: 'pdf', label: 'PDF' }, { value: 'xlsx', label: 'Excel' }]} data-testid="subscription-format" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Button type="primary" disabled={!ready} loading={add.isPending} onClick={() => add.mutate({ report, cadence, format, scope })} data-testid="subscription-add">
            {t('subscriptions.add')}
          </Button>
          <Link to="/reports/digest" data-testid="digest-link">
            {t('subscriptions.openDigest')}
          </Link>
        </Space>
      </Form>
    </Card>
  );
}
