import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api';
import { useUser, userCan } from '../../session';
import { PersonSelect } from '../kpi/PersonSelect';
import { ValueInput } from '../kpi/ValueInput';
import { createCampaign, listAgencyLogins, listChannels, marketingKeys, updateCampaign, type CampaignBodyT, type CampaignT } from './marketing-api';

interface ChannelValues {
  channelId?: number;
  responseRateTarget?: number | null;
  cpaTarget?: number | null;
  roasTarget?: number | null;
}

interface Values {
  code: string;
  name: string;
  dates: [Dayjs, Dayjs];
  budget?: number | null;
  ownerPersonId?: number | null;
  delivery: 'in_house' | 'agency';
  agencyName?: string;
  agencyUserIds?: number[];
  channels?: ChannelValues[];
}

const DAY = 'YYYY-MM-DD';

function initialValues(c: CampaignT | undefined): Partial<Values> {
  if (!c) return { delivery: 'in_house', channels: [{}] };
  return {
    code: c.code,
    name: c.name,
    dates: [dayjs(c.startDate), dayjs(c.endDate)],
    budget: c.budget,
    ownerPersonId: c.ownerPersonId,
    delivery: c.delivery,
    agencyName: c.agencyName ?? undefined,
    agencyUserIds: c.agencyUserIds,
    channels: c.channels.map((ch) => ({ channelId: ch.channelId, responseRateTarget: ch.responseRateTarget, cpaTarget: ch.cpaTarget, roasTarget: ch.roasTarget })),
  };
}

function bodyOf(v: Values, keep: CampaignT | undefined): CampaignBodyT {
  return {
    code: v.code,
    name: v.name,
    startDate: v.dates[0].format(DAY),
    endDate: v.dates[1].format(DAY),
    budget: v.budget ?? 0,
    ownerPersonId: v.ownerPersonId ?? null,
    delivery: v.delivery,
    agencyName: v.delivery === 'agency' ? (v.agencyName?.trim() ?? null) || null : null,
    agencyUserIds: v.delivery === 'agency' ? (v.agencyUserIds ?? keep?.agencyUserIds ?? []) : [],
    channels: (v.channels ?? [])
      .filter((c) => c.channelId !== undefined)
      .map((c) => ({ channelId: c.channelId!, responseRateTarget: c.responseRateTarget ?? null, costPerResponseTarget: null, cpaTarget: c.cpaTarget ?? null, roasTarget: c.roasTarget ?? null })),
  };
}

/** `channels.0.responseRateTarget` → the form's field name. */
const fieldName = (path: string): (string | number)[] => {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return parts[0] === 'startDate' || parts[0] === 'endDate' ? ['dates'] : parts;
};

/** Creates or edits a campaign: code, name, dates (dd/mm/yyyy), budget in VND, owner, in-house or agency, channels with targets. */
export function CampaignForm({ campaign, onClose }: { campaign?: CampaignT; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const delivery = Form.useWatch('delivery', form);
  const channels = useQuery({ queryKey: marketingKeys.channels, queryFn: listChannels });
  const mayListLogins = userCan(user, 'user.manage', { scope: 'company' });
  const logins = useQuery({ queryKey: marketingKeys.agencyLogins, queryFn: listAgencyLogins, enabled: mayListLogins });
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: Values) => (campaign ? updateCampaign(campaign.id, bodyOf(v, campaign)) : createCampaign(bodyOf(v, campaign))),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['marketing'] });
      onClose();
      if (!campaign) void navigate(`/marketing/campaigns/${saved.id}`);
    },
    onError: (e) => {
      setError(e.message);
      if (e instanceof ApiError) form.setFields(e.issues.filter((i) => i.path).map((i) => ({ name: fieldName(i.path) as never, errors: [i.message] })));
    },
  });

  return (
    <Modal open title={campaign ? t('marketing.form.editTitle') : t('marketing.form.newTitle')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(campaign)} onFinish={(v) => save.mutate(v)} data-testid="campaign-form">
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="code" label={t('marketing.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('marketing.form.codeRule') }]}>
            <Input style={{ width: 180 }} disabled={!!campaign} data-testid="campaign-code" />
          </Form.Item>
          <Form.Item name="name" label={t('marketing.campaign')} rules={[{ required: true, whitespace: true }]} style={{ minWidth: 240, flex: 1 }}>
            <Input data-testid="campaign-name" />
          </Form.Item>
        </Space>
        <Form.Item name="dates" label={t('marketing.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker format="DD/MM/YYYY" style={{ maxWidth: 320, width: '100%' }} data-testid="campaign-dates" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="budget" label={t('marketing.budget')}>
            <ValueInput unit="VND" testId="campaign-budget" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="ownerPersonId" label={t('marketing.owner')} style={{ minWidth: 240 }}>
            <PersonSelect testId="campaign-owner" initialName={campaign?.ownerName} />
          </Form.Item>
        </Space>
        <Form.Item name="delivery" label={t('marketing.delivery')}>
          <Radio.Group data-testid="campaign-delivery" options={[{ value: 'in_house', label: t('marketing.inHouse') }, { value: 'agency', label: t('marketing.agency') }]} />
        </Form.Item>
        {delivery === 'agency' && (
          <Space wrap style={{ width: '100%' }} align="start">
            <Form.Item name="agencyName" label={t('marketing.form.agencyName')} rules={[{ required: true, whitespace: true }]}>
              <Input style={{ width: 240 }} data-testid="campaign-agency-name" />
            </Form.Item>
            {mayListLogins ? (
              <Form.Item name="agencyUserIds" label={t('marketing.form.agencyLogins')} style={{ minWidth: 240 }}>
                <Select mode="multiple" data-testid="campaign-agency-logins" loading={logins.isLoading} options={(logins.data ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))} />
              </Form.Item>
            ) : (
              <Typography.Text type="secondary">{t('marketing.form.agencyLoginsAdmin')}</Typography.Text>
            )}
          </Space>
        )}
        <Typography.Title level={5}>{t('marketing.form.channels')}</Typography.Title>
        <Form.List name="channels">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="start" data-testid={`campaign-channel-${f.name}`} style={{ width: '100%', borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'channelId']} label={t('marketing.channel')} rules={[{ required: true }]}>
                    <Select style={{ width: 160 }} data-testid={`campaign-channel-${f.name}-id`} options={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'responseRateTarget']} label={t('marketing.form.responseRateTarget')}>
                    <ValueInput unit="%" testId={`campaign-channel-${f.name}-rr`} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'cpaTarget']} label={t('marketing.form.cpaTarget')}>
                    <ValueInput unit="VND" testId={`campaign-channel-${f.name}-cpa`} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'roasTarget']} label={t('marketing.form.roasTarget')}>
                    <InputNumber min={0} style={{ width: 90 }} data-testid={`campaign-channel-${f.name}-roas`} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                    {t('marketing.form.removeChannel')}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({})} data-testid="campaign-add-channel">
                + {t('marketing.form.addChannel')}
              </Button>
            </>
          )}
        </Form.List>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="campaign-form-error" />}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="campaign-save">
            {t('marketing.form.save')}
          </Button>
          <Button onClick={onClose}>{t('marketing.form.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
