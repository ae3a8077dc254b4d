import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../lib/format';
import { useSession, useUser, userCan } from '../../session';
import { ChannelTable } from './ChannelTable';
import { channelComparison, listCampaigns, marketingKeys, type CampaignT } from './marketing-api';

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

  return (
    <div data-testid="marketing-page">
      <Typography.Title level={3}>{t('marketing.title')}</Typography.Title>
      {companyWide && (
        <Card title={t('marketing.comparison')} style={{ marginBottom: 16 }} loading={comparison.isLoading}>
          <Typography.Paragraph type="secondary">{t('marketing.comparisonHint')}</Typography.Paragraph>
          {comparison.data && <ChannelTable testId="channel-comparison" rows={used.map((c) => ({ ...c, key: c.code }))} total={comparison.data.total} />}
        </Card>
      )}
      <Card title={t('marketing.campaigns')}>
        <Table<CampaignT>
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
    </div>
  );
}
