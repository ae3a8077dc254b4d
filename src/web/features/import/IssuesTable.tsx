import { useTranslation } from 'react-i18next';
import type { IssueT } from '../../api';
import { ExportTable } from '../../shell/ExportTable';

/** Row errors of a file: row number (the header is row 1), column and message. */
export function IssuesTable({ issues, testId = 'import-issues' }: { issues: IssueT[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ExportTable<IssueT> exportName="import-issues"
      data-testid={testId}
      size="small"
      rowKey={(i, n) => `${i.row ?? ''}-${i.column ?? i.path}-${i.code}-${n ?? 0}`}
      dataSource={issues}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: t('importActuals.row'), dataIndex: 'row', width: 80, render: (v?: number) => v ?? '—' },
        { title: t('importActuals.column'), dataIndex: 'column', width: 200, render: (v: string | undefined, i) => v ?? i.path },
        { title: t('importActuals.problem'), dataIndex: 'message' },
      ]}
    />
  );
}
