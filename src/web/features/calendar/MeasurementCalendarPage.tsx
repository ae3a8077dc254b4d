import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MeasurementCalendar } from '../../../contract/calendar';
import { api, query } from '../../api';
import { toDmy } from './dates';

type CalendarT = z.infer<typeof MeasurementCalendar>;
type State = keyof CalendarT['counts'];
const STATES: State[] = ['late', 'due-soon', 'due', 'done'];
const COLOR: Record<State, string> = { late: 'red', 'due-soon': 'orange', due: 'blue', done: 'green' };

/** /calendar — what is due to be measured, due soon, late and done, per person and per unit. */
export default function MeasurementCalendarPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [scope, setScope] = useState('mine');
  const [state, setState] = useState<State | undefined>();
  const [person, setPerson] = useState<number | undefined>();
  const units = useQuery({ queryKey: ['org-units'], queryFn: () => api<{ items: { id: number; name: string }[] }>('GET', '/api/org-units'), retry: false });
  const calendar = useQuery({
    queryKey: ['measurement-calendar', scope, state, person],
    queryFn: () => api<CalendarT>('GET', `/api/measurement-calendar${query({ scope, state, person })}`),
  });

  const groups = useMemo(() => {
    const byDay = new Map<string, CalendarT['items']>();
    for (const item of calendar.data?.items ?? []) byDay.set(item.deadline, [...(byDay.get(item.deadline) ?? []), item]);
    return [...byDay];
  }, [calendar.data]);
  const people = useMemo(() => {
    const seen = new Map<number, string>();
    for (const i of calendar.data?.items ?? []) if (i.measurer) seen.set(i.measurer.personId, i.measurer.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [calendar.data]);

  return (
    <div data-testid="calendar-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('calendar.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 200 }}
          value={scope}
          onChange={(v) => {
            setScope(v);
            setPerson(undefined);
          }}
          options={[
            { value: 'mine', label: t('calendar.mine') },
            { value: 'all', label: t('calendar.all') },
            ...(units.data?.items ?? []).map((u) => ({ value: `unit:${u.id}`, label: u.name })),
          ]}
          data-testid="calendar-scope"
        />
        <Select
          style={{ minWidth: 150 }}
          allowClear
          placeholder={t('calendar.anyState')}
          value={state}
          onChange={setState}
          options={STATES.map((s) => ({ value: s, label: t(`calendar.state.${s}`) }))}
          data-testid="calendar-state"
        />
        {scope !== 'mine' && (
          <Select style={{ minWidth: 180 }} allowClear showSearch optionFilterProp="label" placeholder={t('calendar.anyPerson')} value={person} onChange={setPerson} options={people} />
        )}
      </Space>
      {calendar.data && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="calendar-counts">
          {STATES.map((s) => (
            <Tag key={s} color={COLOR[s]}>
              {t(`calendar.state.${s}`)}: {calendar.data.counts[s]}
            </Tag>
          ))}
          <Typography.Text type="secondary">{t('calendar.window', { from: toDmy(calendar.data.from), to: toDmy(calendar.data.to) })}</Typography.Text>
        </Space>
      )}
      {calendar.isLoading ? (
        <Skeleton active />
      ) : groups.length === 0 ? (
        <Empty description={t('calendar.empty')} />
      ) : (
        groups.map(([day, items]) => (
          <Card key={day} size="small" style={{ marginBottom: 12 }} title={t('calendar.deadline', { date: toDmy(day), count: items.length })} data-testid="calendar-day">
            <List
              dataSource={items}
              renderItem={(i) => (
                <List.Item style={{ flexWrap: 'wrap', gap: 8 }} data-testid="calendar-item">
                  <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                    <Typography.Text strong>{i.kpiCode}</Typography.Text> {en ? (i.kpiNameEn ?? i.kpiName) : i.kpiName}
                    <div>
                      <Typography.Text type="secondary">
                        {t('calendar.period')} {i.period} · {i.scopeLabel}
                        {i.measurer ? ` · ${t('calendar.measurer')}: ${i.measurer.name}` : ''}
                      </Typography.Text>
                    </div>
                  </div>
                  <Tag color={COLOR[i.state]}>{t(`calendar.state.${i.state}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        ))
      )}
    </div>
  );
}
