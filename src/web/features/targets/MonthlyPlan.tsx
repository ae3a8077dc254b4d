import { LockFilled, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, InputNumber, Modal, Row, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { ValueInput } from '../kpi/ValueInput';
import { formatValueCompact } from '../results/display';
import { periodLabel } from '../results/periods';
import { stepChoices } from './cascade-weights';
import { editMonth, fitToTotal, monthPlanOf, monthsOf, planSumCheck, planTargets } from './month-plan';
import { completeYearMonths, initialMonthPlan } from './initial-plan';
import { useScopeActuals, useSetTargets, useTargets } from './queries';
import { formatSignedCompact } from './sum-status';
import type { TargetRow } from './target-tree';

interface Props {
  code: string;
  unit: string | null | undefined;
  /** The company or unit whose plan is edited; null when closed. */
  row: TargetRow | null;
  initialYear: number;
  onClose(): void;
}

/** One month's target; the change is committed on Enter or when the field loses focus. */
function MonthInput({ value, unit, testId, onCommit }: { value: number; unit: string | null | undefined; testId: string; onCommit(v: number): void }) {
  const [draft, setDraft] = useState<number | null>(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft === null) setDraft(value);
    else if (draft !== value) onCommit(draft);
  };
  return (
    <div onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()}>
      <ValueInput value={draft} onChange={setDraft} unit={unit} testId={testId} />
    </div>
  );
}

/** 12 monthly targets with a lock per month: editing a month spreads the difference over the unlocked months. */
export function MonthlyPlan({ code, unit, row, initialYear, onClose }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const all = useTargets(code, null);
  const save = useSetTargets(code);
  const { steps, initial } = stepChoices(unit);
  const [year, setYear] = useState(initialYear);
  const [step, setStep] = useState(initial);
  const [values, setValues] = useState<number[] | null>(null);
  const [locked, setLocked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);

  const plan = useMemo(() => (row && all.data ? monthPlanOf(all.data, row.key, year) : null), [row, all.data, year]);
  const history = useScopeActuals(code, row?.key ?? null, year - 1);
  // The plan opens with the saved months, else the yearly target already split (by last year's months when it is a complete year).
  const opening = useMemo(
    () => (plan && !history.isPending ? initialMonthPlan(plan, completeYearMonths(history.data ?? [], year - 1), steps) : null),
    [plan, history.isPending, history.data, year, steps.join()],
  );
  useEffect(() => {
    setValues(null);
    setError(null);
    // The user's edits are dropped when the scope or the year changes, not on a background refresh.
  }, [row?.key, year]);
  useEffect(() => {
    if (!row) return;
    setYear(initialYear);
    setLocked([]);
    setStep(initial);
  }, [row?.key]);

  const current = values ?? opening?.values ?? [];
  const total = plan?.yearly ?? null;
  const check = planSumCheck(current, total);
  const sum = current.reduce((a, b) => a + b, 0);

  const apply = (r: ReturnType<typeof editMonth>) => {
    if (r.ok) {
      setValues(r.values);
      setError(null);
    } else setError(r.error[lang]);
  };
  const toggle = (i: number) => setLocked((l) => (l.includes(i) ? l.filter((x) => x !== i) : [...l, i]));
  const submit = () => {
    if (!row || !plan) return;
    save.mutateAsync({ scope: row.scope, targets: planTargets(plan, current) }).then(
      () => {
        void message.success(t('targets.plan.saved'));
        onClose();
      },
      (e: unknown) => setError(e instanceof ApiError ? [e.message, ...e.issues.map((i) => i.message)].join(' ') : String(e)),
    );
  };

  return (
    <Modal
      open={row !== null}
      onCancel={onClose}
      width={1040}
      destroyOnHidden
      title={row ? t('targets.plan.title', { name: row.name }) : ''}
      modalRender={(node) => <div data-testid="monthly-plan">{node}</div>}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={submit} loading={save.isPending} disabled={!opening} data-testid="plan-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {!plan || !opening ? (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text>
            {t('targets.plan.yearly')} {year}:{' '}
            <Typography.Text strong data-testid="plan-yearly">
              {total === null ? t('targets.plan.noYearly') : formatKpiValue(total, unit, lang)}
            </Typography.Text>
            {total !== null && <Typography.Text type="secondary"> · {formatValueCompact(total, unit, lang)}</Typography.Text>}
          </Typography.Text>
          {values === null && (opening.basis === 'even' || opening.basis === 'lastYear') && (
            <Alert type="info" showIcon data-testid="plan-basis" data-basis={opening.basis} title={t(`targets.plan.basis.${opening.basis}`, { year: year - 1 })} />
          )}
          <Space wrap size="large">
            <Space>
              <Typography.Text type="secondary">{t('targets.plan.year')}</Typography.Text>
              <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} style={{ width: 100 }} data-testid="plan-year" />
            </Space>
            <Space>
              <Typography.Text type="secondary">{t('targets.cascade.step')}</Typography.Text>
              <Select value={step} onChange={setStep} style={{ width: 150 }} options={steps.map((s) => ({ value: s, label: formatKpiValue(s, unit, lang) }))} data-testid="plan-step" />
            </Space>
            <Typography.Text type="secondary">{t('targets.plan.hint')}</Typography.Text>
          </Space>
          <Row gutter={[12, 12]}>
            {monthsOf(year).map((p, i) => {
              const isLocked = locked.includes(i);
              return (
                <Col xs={12} sm={8} md={4} key={p} data-testid={`plan-month-${i + 1}`}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                    <Typography.Text strong>{periodLabel(p, lang)}</Typography.Text>
                    <Tooltip title={t(isLocked ? 'targets.plan.unlock' : 'targets.plan.lock')}>
                      <Button
                        size="small"
                        type={isLocked ? 'primary' : 'text'}
                        icon={isLocked ? <LockFilled /> : <UnlockOutlined />}
                        onClick={() => toggle(i)}
                        aria-pressed={isLocked}
                        aria-label={t(isLocked ? 'targets.plan.unlock' : 'targets.plan.lock')}
                        data-testid={`plan-lock-${i + 1}`}
                      />
                    </Tooltip>
                  </div>
                  <MonthInput value={current[i] ?? 0} unit={unit} testId={`plan-value-${i + 1}`} onCommit={(v) => apply(editMonth(current, i, v, locked, total, step))} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`plan-compact-${i + 1}`}>
                    {formatValueCompact(current[i] ?? 0, unit, lang)}
                  </Typography.Text>
                </Col>
              );
            })}
          </Row>
          <Space wrap size="large">
            <Typography.Text>
              {t('targets.plan.sum')}: <Typography.Text strong data-testid="plan-sum">{formatKpiValue(sum, unit, lang)}</Typography.Text>
            </Typography.Text>
          </Space>
          {check && (
            <Alert
              type={check.ok ? 'success' : 'error'}
              showIcon
              data-testid="plan-check"
              data-status={check.ok ? 'ok' : 'mismatch'}
              title={check.ok ? t('targets.plan.sumOk') : t(check.difference < 0 ? 'targets.sum.over' : 'targets.sum.under', { diff: formatSignedCompact(check.difference, unit, lang) })}
              action={
                !check.ok && total !== null ? (
                  <Button size="small" onClick={() => apply(fitToTotal(current, locked, total, step))} data-testid="plan-fit">
                    {t('targets.plan.fit')}
                  </Button>
                ) : undefined
              }
            />
          )}
          {error && <Alert type="error" showIcon title={error} data-testid="plan-error" />}
        </Space>
      )}
    </Modal>
  );
}
