import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { percent } from './format';
import type { AwarenessT } from './marketing-api';

/** Before/after awareness as two bars, the lift with its interval, and the plain conclusion. */
export function AwarenessChart({ awareness }: { awareness: AwarenessT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { before, after, lift } = awareness;
  const bars = [before, after].filter((s) => s !== null);
  if (bars.length === 0) return <Typography.Text type="secondary">{t('marketing.noSurvey')}</Typography.Text>;
  const pts = (x: number) => formatNumber(x * 100, lang, 2);
  return (
    <div data-testid="awareness">
      {bars.map((s) => {
        const share = s.aware / s.asked;
        return (
          <div key={s.phase} style={{ marginBottom: 8 }} data-testid={`awareness-${s.phase}`}>
            <Typography.Text>
              {t(`marketing.phase.${s.phase}`)} ({formatDate(s.takenOn, lang)}): <strong>{percent(share, lang)}</strong> — {formatNumber(s.aware, lang)}/{formatNumber(s.asked, lang)}
            </Typography.Text>
            <div style={{ background: '#f0f0f0', height: 18, borderRadius: 4 }}>
              <div style={{ width: `${share * 100}%`, height: '100%', borderRadius: 4, background: s.phase === 'before' ? '#91caff' : '#1677ff' }} />
            </div>
          </div>
        );
      })}
      {lift && (
        <>
          <LiftInterval low={lift.ci[0]} lift={lift.lift} high={lift.ci[1]} />
          <Typography.Paragraph data-testid="awareness-lift" style={{ marginTop: 4 }}>
            {t('marketing.lift', { lift: pts(lift.lift), low: pts(lift.ci[0]), high: pts(lift.ci[1]), level: formatNumber(lift.confidence * 100, lang, 1) })}
          </Typography.Paragraph>
          <Alert type={lift.significant ? 'success' : 'info'} showIcon title={lift.message} data-testid="awareness-conclusion" />
          {lift.sampleSizeToDetect !== null && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="awareness-sample-size">
              {t('marketing.sampleSize', { n: formatNumber(lift.sampleSizeToDetect, lang, 0) })}
            </Typography.Paragraph>
          )}
          {lift.warnings.map((w) => (
            <Alert key={w.code} type="warning" showIcon title={w.message} style={{ marginTop: 8 }} />
          ))}
        </>
      )}
    </div>
  );
}

/** The lift and its interval on one axis from the smaller of 0 and the low end to the larger of 0 and the high end; 0 is marked, so an interval that crosses it reads as "may be no change". */
function LiftInterval({ low, lift, high }: { low: number; lift: number; high: number }) {
  const min = Math.min(0, low);
  const max = Math.max(0, high);
  const at = (x: number) => `${((x - min) / (max - min || 1)) * 100}%`;
  return (
    <div data-testid="awareness-interval" style={{ position: 'relative', height: 22, margin: '12px 8px 0' }}>
      <div style={{ position: 'absolute', top: 10, left: 0, right: 0, height: 1, background: '#d9d9d9' }} />
      <div style={{ position: 'absolute', top: 4, height: 14, width: 1, background: '#8c8c8c', left: at(0) }} title="0" />
      <div style={{ position: 'absolute', top: 8, height: 6, borderRadius: 3, background: '#69b1ff', left: at(low), width: `calc(${at(high)} - ${at(low)})` }} />
      <div style={{ position: 'absolute', top: 5, width: 12, height: 12, marginLeft: -6, borderRadius: 6, background: '#1677ff', left: at(lift) }} />
    </div>
  );
}
