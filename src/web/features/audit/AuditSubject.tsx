import { FileOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntryT } from '../../api';
import { useSession } from '../../session';
import { periodLabel } from '../results/periods';

type Subject = AuditEntryT['subject'];

/** What an audit entry is about, readable: the KPI (linked), the unit or person, the period, a name, a file. */
export function AuditSubject({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { kpi, scope, period, name, file } = subject;
  const kpiName = kpi ? (lang === 'en' && kpi.nameEn ? kpi.nameEn : kpi.name) : null;
  return (
    <Space size={[6, 0]} wrap data-testid="audit-subject" style={{ minWidth: 0 }}>
      {kpi && (
        <span>
          <Link to={`/kpis/${encodeURIComponent(kpi.code)}`} data-testid="audit-kpi-link">
            {kpi.code}
          </Link>{' '}
          {kpiName !== kpi.code && <Typography.Text>{kpiName}</Typography.Text>}
        </span>
      )}
      {scope && <Typography.Text type="secondary">· {scope.type === 'company' ? t('audit.companyScope') : (scope.name ?? `#${scope.id}`)}</Typography.Text>}
      {period && <Typography.Text type="secondary">· {periodLabel(period, lang)}</Typography.Text>}
      {name && <Typography.Text>{kpi ? `· ${name}` : name}</Typography.Text>}
      {file && (
        <Typography.Text>
          <FileOutlined /> {file}
        </Typography.Text>
      )}
    </Space>
  );
}
