import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CompanyT } from '../../api';
import { useShowError, type FieldMap } from '../../lib/api-errors';
import { intlLocale } from '../../lib/format';
import { useSession } from '../../session';

const TIME_ZONES = [
  'Asia/Ho_Chi_Minh',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Manila',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'UTC',
];
const CURRENCIES = ['VND', 'USD', 'EUR', 'JPY', 'KRW', 'SGD', 'THB', 'CNY'];
const FIELDS: FieldMap = {
  name: { label: 'company.name' },
  timezone: { label: 'company.timezone' },
  currency: { label: 'company.currency' },
  locale: { label: 'company.locale' },
  fiscalYearStartMonth: { label: 'company.fiscalStart' },
};

export default function CompanySettingsPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [form] = Form.useForm<CompanyT>();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const company = useQuery({ queryKey: ['company'], queryFn: () => api<CompanyT>('GET', '/api/company') });

  useEffect(() => {
    if (company.data) form.setFieldsValue(company.data);
  }, [company.data, form]);

  const months = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(intlLocale(lang), { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: fmt.format(new Date(Date.UTC(2026, i, 1))) }));
  }, [lang]);

  const save = useMutation({
    mutationFn: (v: CompanyT) => api<CompanyT>('PUT', '/api/company', v),
    onSuccess: (saved) => {
      queryClient.setQueryData(['company'], saved);
      void message.success(t('common.saved'));
    },
    onError: (e) => showError(e, form, FIELDS),
  });

  return (
    <div data-testid="company-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('company.title')}</Typography.Title>
      <Card style={{ maxWidth: 640 }}>
        {company.isLoading ? (
          <Skeleton active />
        ) : (
          <Form<CompanyT> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="company-form">
            <Form.Item name="name" label={t('company.name')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={200} data-testid="company-name" />
            </Form.Item>
            <Form.Item name="timezone" label={t('company.timezone')} rules={[{ required: true, message: t('common.required') }]}>
              <Select showSearch options={TIME_ZONES.map((z) => ({ value: z, label: z }))} data-testid="company-timezone" />
            </Form.Item>
            <Form.Item name="currency" label={t('company.currency')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} data-testid="company-currency" />
            </Form.Item>
            <Form.Item name="locale" label={t('company.locale')} rules={[{ required: true, message: t('common.required') }]} extra={t('company.localeHint')}>
              <Select
                options={[
                  { value: 'vi-VN', label: t('company.localeVi') },
                  { value: 'en-US', label: t('company.localeEn') },
                ]}
              />
            </Form.Item>
            <Form.Item name="fiscalYearStartMonth" label={t('company.fiscalStart')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={months} data-testid="company-fiscal" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="company-save">
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
