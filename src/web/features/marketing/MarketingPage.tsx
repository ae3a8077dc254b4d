import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../lib/format';
import { useSession, useUser, userCan } from '../../session';
import { CampaignForm } from './CampaignForm';
import { ChannelForm } from './ChannelForm';
import { ChannelTable } from './ChannelTable';
import { FunnelTable } from './FunnelTable';
import { channelComparison, listCampaigns, marketingKeys, type CampaignT } from './marketing-api';
import { ExportTable } from '../../shell/ExportTable';

export const STATUS_COLOR: Record<CampaignT['status'], string> = { draft: 'default', planned: 'blue', running: 'green', ended: 'purple' };

/** /marketing — each channel's KPIs side by side (staff), and the campaigns the user may see (an agency: its own). */
export default function MarketingPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const companyWide = userCan(user, 'marketing.read', { scope: 'company' });
  const comparison = useQuery({ queryKey: marketingKeys.comparison, queryFn: channelComparison, enabled: companyWide });
  const campaigns = useQuery({ queryKey: marketingKeys.campaigns, queryFn: listCampaigns });
  const used = (comparison.data?.channels ?? []).filter((c) => c.recipients > 0);
  const manages = userCan(user, 'marketing.manage', { scope: 'company' });
  const [creating, setCreating] = useState(false);

  return (
    <div data-testid="marketing-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('marketing.title')}
        </Typography.Title>
        {manages && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="campaign-new">
            {t('marketing.form.newTitle')}
          </Button>
        )}
      </Space>
      {creating && <CampaignForm onClose={() => setCreating(false)} />}
      {companyWide && (
        <Card title={t('marketing.comparison')} style={{ marginBottom: 16 }} loading={comparison.isLoading}>
          <Typography.Paragraph type="secondary">{t('marketing.comparisonHint')}</Typography.Paragraph>
          {comparison.data && <ChannelTable testId="channel-comparison" rows={used.map((c) => ({ ...c, key: c.code }))} total={comparison.data.total} />}
        </Card>
      )}
      {companyWide && comparison.data && (
        <Card title={t('marketing.funnel.title')} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('marketing.funnel.hint')}</Typography.Paragraph>
          <FunnelTable comparison={comparison.data} />
        </Card>
      )}
      <Card title={t('marketing.campaigns')}>
        <ExportTable<CampaignT> exportName="campaigns"
          data-testid="campaign-list"
          rowKey="id"
          size="small"
          pagination={false}
          loading={campaigns.isLoading}
          scroll={{ x: 'max-content' }}
          dataSource={campaigns.data?.items ?? []}
          columns={[
            { title: t('marketing.campaign'), dataIndex: 'name', render: (n: string, c) => <Link to={`/marketing/campaigns/${c.id}`} data-testid={`campaign-link-${c.code}`}>{n}</Link> },
            { title: t('marketing.status'), dataIndex: 'status', render: (s: CampaignT['status']) => <Tag color={STATUS_COLOR[s]}>{t(`marketing.statuses.${s}`)}</Tag> },
            { title: t('marketing.dates'), key: 'dates', render: (_: unknown, c) => `${formatDate(c.startDate, lang)} – ${formatDate(c.endDate, lang)}` },
            { title: t('marketing.delivery'), key: 'delivery', render: (_: unknown, c) => (c.delivery === 'agency' ? `${t('marketing.agency')}: ${c.agencyName}` : t('marketing.inHouse')) },
            { title: t('marketing.budget'), dataIndex: 'budget', align: 'right', render: (b: number) => formatMoney(b, lang) },
          ]}
        />
      </Card>
      {manages && (
        <Card title={t('marketing.form.channelsTitle')} style={{ marginTop: 16 }}>
          <ChannelForm />
        </Card>
      )}
    </div>
  );
}
