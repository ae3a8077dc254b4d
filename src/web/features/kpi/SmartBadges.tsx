import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { SMART_LETTERS } from '../../../core/smart/types';
import type { SmartSummaryT } from './types';

export const SMART_COLOR = { ok: 'success', warning: 'warning', error: 'error' } as const;

/** S M A R T ALIGN as small green / amber / red tags. */
export function SmartBadges({ summary, testId }: { summary: SmartSummaryT; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space size={2} data-testid={testId}>
      {SMART_LETTERS.map((letter) => (
        <Tooltip key={letter} title={`${t(`kpi.smart.letter.${letter}`)} – ${t(`kpi.smart.status.${summary[letter]}`)}`}>
          <Tag color={SMART_COLOR[summary[letter]]} data-status={summary[letter]} data-letter={letter} style={{ marginInlineEnd: 0, paddingInline: 4, fontSize: 11 }}>
            {letter === 'ALIGN' ? t('kpi.smart.alignShort') : letter}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
