import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api';
import { formatDate, formatMoney } from '../../lib/format';
import { useSession, useUser, userCan } from '../../session';
import { useState } from 'react';
import { AwarenessChart } from './AwarenessChart';
import { CampaignForm } from './CampaignForm';
import { CampaignImports } from './CampaignImports';
import { SampleSizeHelper } from './SampleSizeHelper';
import { ChannelTable } from './ChannelTable';
import { getAwareness, getCampaign, marketingKeys, setStatus } from './marketing-api';
import { STATUS_COLOR } from './MarketingPage';
import { ResultForm } from './ResultForm';
import { SurveyForm } from './SurveyForm';

/** /marketing/campaigns/:id — targets vs actuals per channel, before/after awareness, survey entry. */
export default function CampaignPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const detail = useQuery({ queryKey: marketingKeys.campaign(id), queryFn: () => getCampaign(id) });
  const awareness = useQuery({ queryKey: marketingKeys.awareness(id), queryFn: () => getAwareness(id), enabled: detail.isSuccess });
  const [editing, setEditing] = useState(false);
  const start = useMutation({ mutationFn: () => setStatus(id, 'running'), onSuccess: () => client.invalidateQueries({ queryKey: marketingKeys.campaign(id) }) });

  if (detail.error) return <Alert type="error" showIcon title={detail.error.message} data-testid="campaign-error" />;
  if (!detail.data) return <Card loading />;
  const { campaign: c, channels, total } = detail.data;
  const target = { scope: 'campaign' as const, campaignId: c.id, assignedUserIds: c.agencyUserIds };
  const targets = new Map(c.channels.map((ch) => [ch.channelId, ch]));
  const startError = start.error instanceof ApiError ? start.error : null;

  return (
    <div data-testid="campaign-page">
      <Link to="/marketing">← {t('marketing.title')}</Link>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', margin: '8px 0' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {c.name} <Tag color={STATUS_COLOR[c.status]}>{t(`marketing.statuses.${c.status}`)}</Tag>
        </Typography.Title>
        <Space wrap>
          {userCan(user, 'marketing.manage', target) && (
            <Button onClick={() => setEditing(true)} data-testid="campaign-edit">
              {t('marketing.form.edit')}
            </Button>
          )}
          {userCan(user, 'marketing.manage', target) && (c.status === 'draft' || c.status === 'planned') && (
            <Button type="primary" onClick={() => start.mutate()} loading={start.isPending} data-testid="campaign-start">
              {t('marketing.start')}
            </Button>
          )}
        </Space>
      </Space>
      {editing && <CampaignForm campaign={c} onClose={() => setEditing(false)} />}
      {startError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="campaign-start-error"
          title={startError.message}
          description={startError.issues.length > 0 && <ul style={{ margin: 0 }}>{startError.issues.map((i) => <li key={i.path}>{i.message}</li>)}</ul>}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('marketing.code')}>{c.code}</Descriptions.Item>
        <Descriptions.Item label={t('marketing.dates')}>{`${formatDate(c.startDate, lang)} – ${formatDate(c.endDate, lang)}`}</Descriptions.Item>
        <Descriptions.Item label={t('marketing.budget')}>{formatMoney(c.budget, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('marketing.owner')}>{c.ownerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('marketing.delivery')}>{c.delivery === 'agency' ? `${t('marketing.agency')}: ${c.agencyName}` : t('marketing.inHouse')}</Descriptions.Item>
      </Descriptions>
      <Card title={t('marketing.targetsVsActuals')} style={{ marginBottom: 16 }}>
        <ChannelTable
          testId="campaign-channels"
          withTargets
          rows={channels.map((ch) => {
            const tg = targets.get(ch.channelId);
            return { ...ch, key: ch.code, responseRateTarget: tg?.responseRateTarget ?? null, cpaTarget: tg?.cpaTarget ?? null, roasTarget: tg?.roasTarget ?? null };
          })}
          total={total}
        />
      </Card>
      <Card title={t('marketing.awareness')} style={{ marginBottom: 16 }} loading={awareness.isLoading}>
        {awareness.data && <AwarenessChart awareness={awareness.data} />}
        <div style={{ marginTop: 16 }}>
          <SampleSizeHelper campaignId={c.id} baseline={awareness.data?.after ? awareness.data.after.aware / awareness.data.after.asked : null} />
        </div>
        {userCan(user, 'campaign.report', target) && (
          <div style={{ marginTop: 16 }}>
            <SurveyForm campaignId={c.id} />
          </div>
        )}
      </Card>
      {userCan(user, 'campaign.report', target) && (c.status === 'running' || c.status === 'ended') && (
        <Card title={t('marketing.enterResults')} style={{ marginBottom: 16 }}>
          <ResultForm campaign={c} />
        </Card>
      )}
      {userCan(user, 'campaign.report', target) && <CampaignImports campaign={c} />}
    </div>
  );
}
