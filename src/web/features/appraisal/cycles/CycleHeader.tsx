import { LockOutlined, NotificationOutlined, StepBackwardOutlined, StepForwardOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Space, Steps, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CyclePhase } from '../../../../core/appraisal/cycle';
import { useShowError } from '../../../lib/api-errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { userCanAtAll, useSession, useUser } from '../../../session';
import { usePhone } from '../../../shell/use-phone';
import { nextDeadline, phaseColor, phaseName, PHASE_ORDER } from './display';
import { phaseMoves } from './phase-moves';
import { useMovePhase, useReopen } from './queries';
import type { CycleT } from './types';

/** The cycle's name, its phases as steps with deadlines, and (admins) the buttons that move, lock, publish or reopen it. */
export function CycleHeader({ cycle }: { cycle: CycleT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const phone = usePhone();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const move = useMovePhase(cycle.id);
  const reopen = useReopen(cycle.id);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const moves = phaseMoves(cycle.phase, { setup: userCanAtAll(user, 'appraisal.setup'), lock: userCanAtAll(user, 'appraisal.lock') });
  const busy = move.isPending || reopen.isPending;
  const next = nextDeadline(cycle);

  const go = (phase: CyclePhase) =>
    move.mutateAsync({ phase }).then(
      () => void message.success(t('appraisal.cycle.movedTo', { phase: phaseName(phase, lang) })),
      (e: unknown) => showError(e),
    );
  const confirmThen = (title: string, content: string, phase: CyclePhase) =>
    modal.confirm({ title, content, okText: t('appraisal.cycle.confirm'), cancelText: t('common.cancel'), onOk: () => go(phase) });
  const doReopen = () =>
    reopen.mutateAsync(reason.trim()).then(
      () => {
        setReopening(false);
        setReason('');
        void message.success(t('appraisal.cycle.reopened'));
      },
      (e: unknown) => showError(e),
    );

  return (
    <Card size="small" data-testid="cycle-header">
      <Space orientation="vertical" style={{ width: '100%' }} size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
          <Space orientation="vertical" size={0}>
            <Space wrap size={8}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="cycle-title">
                {cycle.name}
              </Typography.Title>
              <Tag color={phaseColor(cycle.phase)} data-testid="cycle-phase" data-phase={cycle.phase}>
                {phaseName(cycle.phase, lang)}
              </Tag>
            </Space>
            <Typography.Text type="secondary">
              {cycle.code} · {formatDate(cycle.startsOn, lang)} – {formatDate(cycle.endsOn, lang)}
            </Typography.Text>
            {cycle.lockedAt && (
              <Typography.Text data-testid="cycle-locked">
                <LockOutlined /> {t('appraisal.cycle.lockedAt', { at: formatDateTime(cycle.lockedAt, lang) })}
                {cycle.publishedAt ? ` · ${t('appraisal.cycle.publishedAt', { at: formatDateTime(cycle.publishedAt, lang) })}` : ''}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            {moves.back && (
              <Button icon={<StepBackwardOutlined />} disabled={busy} onClick={() => void go(moves.back!)} data-testid="phase-back">
                {t('appraisal.cycle.back', { phase: phaseName(moves.back, lang) })}
              </Button>
            )}
            {moves.forward && (
              <Button type="primary" icon={<StepForwardOutlined />} disabled={busy} onClick={() => void go(moves.forward!)} data-testid="phase-forward">
                {t('appraisal.cycle.forward', { phase: phaseName(moves.forward, lang) })}
              </Button>
            )}
            {moves.lock && (
              <Button danger icon={<LockOutlined />} disabled={busy} onClick={() => confirmThen(t('appraisal.cycle.lockTitle'), t('appraisal.cycle.lockText'), 'locked')} data-testid="cycle-lock">
                {t('appraisal.cycle.lock')}
              </Button>
            )}
            {moves.publish && (
              <Button type="primary" icon={<NotificationOutlined />} disabled={busy} onClick={() => confirmThen(t('appraisal.cycle.publishTitle'), t('appraisal.cycle.publishText'), 'published')} data-testid="cycle-publish">
                {t('appraisal.cycle.publish')}
              </Button>
            )}
            {moves.reopen && (
              <Button icon={<UnlockOutlined />} disabled={busy} onClick={() => setReopening(true)} data-testid="cycle-reopen">
                {t('appraisal.cycle.reopen')}
              </Button>
            )}
          </Space>
        </Space>
        {phone ? (
          // Eight steps stacked would fill a phone's screen: the current one, its deadline and what comes next.
          <Typography.Text data-testid="cycle-steps">
            {t('appraisal.cycle.stepOf', { n: PHASE_ORDER.indexOf(cycle.phase) + 1, total: PHASE_ORDER.length, phase: phaseName(cycle.phase, lang) })}
            {next ? ` · ${t('appraisal.cycle.deadline', { date: formatDate(next.date, lang), phase: phaseName(next.phase, lang) })}` : ''}
          </Typography.Text>
        ) : (
          <Steps
            size="small"
            current={PHASE_ORDER.indexOf(cycle.phase)}
            data-testid="cycle-steps"
            items={PHASE_ORDER.map((p) => ({
              key: p,
              title: phaseName(p, lang),
              content: cycle.deadlines[p] ? formatDate(cycle.deadlines[p], lang) : undefined,
            }))}
          />
        )}
      </Space>
      <Modal
        open={reopening}
        title={t('appraisal.cycle.reopenTitle')}
        onCancel={() => setReopening(false)}
        onOk={() => void doReopen()}
        okText={t('appraisal.cycle.reopen')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim() === '', 'data-testid': 'reopen-ok' } as ButtonProps}
        confirmLoading={reopen.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('appraisal.cycle.reopenText')}</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} rows={3} placeholder={t('appraisal.cycle.reason')} data-testid="reopen-reason" />
      </Modal>
    </Card>
  );
}
