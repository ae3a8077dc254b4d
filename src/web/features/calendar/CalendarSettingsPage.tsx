import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Input, InputNumber, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CalendarSettings } from '../../../contract/calendar';
import { api } from '../../api';
import { useShowError } from '../../lib/api-errors';
import { fromDmy, toDmy } from './dates';

type SettingsT = z.infer<typeof CalendarSettings>;
interface Row {
  date: string;
  name: string;
  nameEn: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** /settings/calendar — the working week, public holidays and reminder stages (admins). */
export default function CalendarSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['company-calendar'], queryFn: () => api<SettingsT>('GET', '/api/company/calendar') });
  const [week, setWeek] = useState<number[]>([]);
  const [offsets, setOffsets] = useState({ remindBeforeDays: 2, escalateAfterDays: 2, escalate2AfterDays: 4 });
  const [rows, setRows] = useState<Row[]>([]);
  const [badRows, setBadRows] = useState<Set<number>>(new Set());

  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setWeek(s.workingDays);
    setOffsets({ remindBeforeDays: s.remindBeforeDays, escalateAfterDays: s.escalateAfterDays, escalate2AfterDays: s.escalate2AfterDays });
    setRows(s.holidays.map((h) => ({ date: toDmy(h.day), name: h.name, nameEn: h.nameEn ?? '' })));
  }, [settings.data]);

  const save = useMutation({
    mutationFn: (body: SettingsT) => api<SettingsT>('PUT', '/api/company/calendar', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['company-calendar'], saved);
      void message.success(t('common.saved'));
    },
    onError: (e) => showError(e),
  });

  const submit = () => {
    const bad = new Set(rows.flatMap((r, i) => (fromDmy(r.date) === null || r.name.trim() === '' ? [i] : [])));
    setBadRows(bad);
    if (bad.size > 0) {
      void message.error(t('calendarSettings.badRows', { rows: [...bad].map((i) => i + 1).join(', ') }));
      return;
    }
    save.mutate({
      workingDays: week,
      ...offsets,
      holidays: rows.map((r) => ({ day: fromDmy(r.date)!, name: r.name.trim(), nameEn: r.nameEn.trim() || null })),
    });
  };
  const setRow = (i: number, patch: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  if (settings.isLoading) return <Skeleton active />;
  return (
    <div data-testid="calendarSettings-page" style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('calendarSettings.title')}</Typography.Title>
      <Card title={t('calendarSettings.week')} size="small" style={{ marginBottom: 16 }}>
        <Checkbox.Group
          value={week}
          onChange={(v) => setWeek(v as number[])}
          options={WEEKDAYS.map((d) => ({ value: d, label: t(`calendarSettings.weekday${d}`) }))}
          data-testid="calendar-week"
        />
      </Card>
      <Card title={t('calendarSettings.stages')} size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('calendarSettings.stagesHint')}</Typography.Paragraph>
        <Space wrap size="large">
          {(['remindBeforeDays', 'escalateAfterDays', 'escalate2AfterDays'] as const).map((k) => (
            <label key={k} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              <span>{t(`calendarSettings.${k}`)}</span>
              <InputNumber
                min={k === 'remindBeforeDays' ? 0 : 1}
                max={k === 'escalate2AfterDays' ? 60 : 30}
                value={offsets[k]}
                onChange={(v) => setOffsets((o) => ({ ...o, [k]: v ?? 0 }))}
                data-testid={`calendar-${k}`}
              />
            </label>
          ))}
        </Space>
      </Card>
      <Card title={t('calendarSettings.holidays', { count: rows.length })} size="small" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="calendar-holidays">
          {rows.map((r, i) => (
            <div key={i} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="calendar-holiday">
              <Input
                style={{ width: 130 }}
                placeholder="dd/mm/yyyy"
                value={r.date}
                status={badRows.has(i) ? 'error' : undefined}
                onChange={(e) => setRow(i, { date: e.target.value })}
                aria-label={t('calendarSettings.date')}
                data-testid="holiday-date"
              />
              <Input style={{ flex: '1 1 180px', minWidth: 0 }} placeholder={t('calendarSettings.name')} value={r.name} onChange={(e) => setRow(i, { name: e.target.value })} data-testid="holiday-name" />
              <Input style={{ flex: '1 1 160px', minWidth: 0 }} placeholder={t('calendarSettings.nameEn')} value={r.nameEn} onChange={(e) => setRow(i, { nameEn: e.target.value })} />
              <Button icon={<DeleteOutlined />} aria-label={t('calendarSettings.remove')} onClick={() => setRows((all) => all.filter((_, j) => j !== i))} />
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => setRows((all) => [...all, { date: '', name: '', nameEn: '' }])} data-testid="holiday-add" style={{ alignSelf: 'flex-start' }}>
            {t('calendarSettings.add')}
          </Button>
        </div>
      </Card>
      <Button type="primary" onClick={submit} loading={save.isPending} data-testid="calendar-save">
        {t('common.save')}
      </Button>
    </div>
  );
}
