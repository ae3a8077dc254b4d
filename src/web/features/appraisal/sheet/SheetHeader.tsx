import { Alert, Card, Descriptions, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocked, PHASE_NAMES } from '../../../../core/appraisal/cycle';
import { formatDate, formatMoney } from '../../../lib/format';
import { useSession } from '../../../session';
import { SheetReportButtons } from '../../reports/SheetReportButtons';
import { formatScore } from './format';
import type { SheetT } from './types';

/** The sheet's cycle and phase, whose sheet it is, agreement progress, and — once there is one — the result. */
export function SheetHeader({ sheet, own, extra }: { sheet: SheetT; own: boolean; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const c = sheet.cycle;
  const kpiItems = sheet.items.filter((i) => i.kind === 'kpi').length;
  const grade = sheet.grade;
  return (
    <Card
      size="small"
      data-testid="sheet-header"
      title={
        <Space wrap size={6}>
          <span style={{ whiteSpace: 'normal' }}>{own ? c.name : `${sheet.personName} · ${c.name}`}</span>
          <Tag color={isLocked(c) ? 'default' : 'processing'} data-testid="sheet-phase">
            {PHASE_NAMES[c.phase][lang]}
          </Tag>
        </Space>
      }
      extra={extra}
      style={{ marginBottom: 12 }}
    >
      {isLocked(c) && c.phase === 'locked' && <Alert type="info" showIcon title={t('sheet.lockedNotice')} style={{ marginBottom: 12 }} data-testid="sheet-locked" />}
      {sheet.score !== null && (
        <Space wrap size={32} style={{ marginBottom: 12 }} data-testid="sheet-result">
          <Statistic title={t('sheet.result.score')} value={formatScore(sheet.score, lang)} styles={{ content: { fontSize: 28 } }} data-testid="sheet-score" />
          <Statistic
            title={t('sheet.result.grade')}
            value={grade ?? '—'}
            styles={{ content: { fontSize: 28 } }}
            suffix={sheet.gradeBeforeCalibration && sheet.gradeBeforeCalibration !== grade ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sheet.result.calibratedFrom', { grade: sheet.gradeBeforeCalibration })}</Typography.Text> : undefined}
            data-testid="sheet-grade"
          />
          {/* No bonus base set yet: a "0 ₫" bonus would read as a verdict, so it is left out. */}
          {sheet.bonus !== null && sheet.bonusBase !== 0 && <Statistic title={t('sheet.result.bonus')} value={formatMoney(sheet.bonus, lang)} styles={{ content: { fontSize: 28 } }} data-testid="sheet-bonus" />}
          {sheet.ownScore !== null && sheet.ownScore !== sheet.score && <Statistic title={t('sheet.result.ownScore')} value={formatScore(sheet.ownScore, lang)} styles={{ content: { fontSize: 20 } }} />}
        </Space>
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        {!own && <Descriptions.Item label={t('sheet.person')}>{sheet.personName}</Descriptions.Item>}
        <Descriptions.Item label={t('sheet.unit')}>{sheet.unitName}</Descriptions.Item>
        {sheet.positionName && <Descriptions.Item label={t('sheet.position')}>{sheet.positionName}</Descriptions.Item>}
        <Descriptions.Item label={t('sheet.template')}>{sheet.templateName}</Descriptions.Item>
        <Descriptions.Item label={t('sheet.dates')}>
          {formatDate(sheet.startsOn, lang)} – {formatDate(sheet.endsOn, lang)}
        </Descriptions.Item>
        {sheet.reviewerName && <Descriptions.Item label={t('sheet.reviewer')}>{sheet.reviewerName}</Descriptions.Item>}
        <Descriptions.Item label={t('sheet.agreed')}>
          <span data-testid="sheet-agreed">{t('sheet.agreedOf', { agreed: sheet.agreedItems, total: kpiItems })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sheet.self')}>{sheet.selfSubmittedAt ? formatDate(sheet.selfSubmittedAt, lang) : t('sheet.notYet')}</Descriptions.Item>
        <Descriptions.Item label={t('sheet.review')}>{sheet.reviewedAt ? formatDate(sheet.reviewedAt, lang) : t('sheet.notYet')}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`sheet.missing.${sheet.missing}`)}
      </Typography.Text>
      <div style={{ marginTop: 8 }}>
        <SheetReportButtons sheetId={sheet.id} />
      </div>
    </Card>
  );
}
