import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, LoadingOutlined, MinusCircleFilled } from '@ant-design/icons';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SMART_LETTERS, type SmartLetter } from '../../../core/smart/types';
import type { IssueT } from '../../api';
import { useSession } from '../../session';
import { SMART_COLOR } from './SmartBadges';
import type { FindingT, SmartSummaryT } from './types';

const ICON = {
  ok: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#faad14' }} />,
  error: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  pending: <MinusCircleFilled style={{ color: '#bfbfbf' }} />,
};

interface Props {
  findings: readonly FindingT[];
  summary: SmartSummaryT | undefined;
  checking?: boolean;
  /** The server's KPI_NOT_SMART answer to "Activate": message and the blocking letters. */
  rejection?: { message: string; issues: readonly IssueT[] } | null;
  /** Letters with nothing to judge yet (e.g. R before any target number): shown grey, not "OK". */
  pending?: readonly SmartLetter[];
  title?: string;
}

/** S, M, A, R, T and ALIGN, each green / amber / red (grey: nothing to judge yet) with its findings in the UI language. */
export function SmartPanel({ findings, summary, checking, rejection, pending = [], title }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  // The server's refusal is about the form as it was: a letter fixed since no longer blocks, and
  // once no letter has an error the refusal is history (the next "Activate" asks again).
  const stillBlocked = (letter: string) => summary?.[letter as SmartLetter] === 'error';
  const blocked = new Set(rejection?.issues.map((i) => i.path.replace(/^smart\./, '')).filter(stillBlocked) ?? []);
  const showRejection = rejection && (summary === undefined || SMART_LETTERS.some(stillBlocked));
  return (
    <Card
      size="small"
      data-testid="smart-panel"
      title={
        <Space>
          {title ?? t('kpi.smart.title')}
          {checking && <LoadingOutlined data-testid="smart-checking" />}
        </Space>
      }
      styles={{ body: { paddingBlock: 8 } }}
    >
      {showRejection && (
        <Alert type="error" showIcon data-testid="smart-rejection" title={rejection.message} style={{ marginBottom: 8 }} />
      )}
      {!summary && <Typography.Text type="secondary">{t('kpi.smart.waiting')}</Typography.Text>}
      {summary &&
        SMART_LETTERS.map((letter: SmartLetter) => {
          const mine = findings.filter((f) => f.letter === letter);
          const status = mine.length === 0 && pending.includes(letter) ? 'pending' : summary[letter];
          return (
            <div key={letter} data-testid={`smart-letter-${letter}`} data-status={status} style={{ paddingBlock: 6, borderBottom: '1px solid #f5f5f5' }}>
              <Space size={6} align="center">
                {ICON[status]}
                <Tag color={status === 'pending' ? 'default' : SMART_COLOR[status]} style={{ marginInlineEnd: 0, minWidth: 28, textAlign: 'center' }}>
                  {letter === 'ALIGN' ? t('kpi.smart.alignShort') : letter}
                </Tag>
                <Typography.Text strong>{t(`kpi.smart.letter.${letter}`)}</Typography.Text>
                {blocked.has(letter) && <Tag color="red">{t('kpi.smart.blocking')}</Tag>}
              </Space>
              {mine.length === 0 && (
                <div style={{ marginLeft: 26 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {status === 'pending' ? t(`kpi.smart.pending.${letter}`) : t('kpi.smart.okText')}
                  </Typography.Text>
                </div>
              )}
              {mine.map((f) => (
                <div key={f.code} data-testid={`finding-${f.code}`} style={{ marginLeft: 26, marginTop: 2 }}>
                  <Typography.Text style={{ fontSize: 13 }} type={f.severity === 'error' ? 'danger' : 'warning'}>
                    {f.message[lang]}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    → {f.suggestion[lang]}
                  </Typography.Text>
                </div>
              ))}
            </div>
          );
        })}
    </Card>
  );
}
