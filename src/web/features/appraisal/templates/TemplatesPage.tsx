import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../../lib/api-errors';
import { userCanAtAll, useSession, useUser } from '../../../session';
import { formatPercentWeight } from '../cycles/display';
import type { TemplateT } from '../cycles/types';
import { BonusRules } from './BonusRules';
import { useAppraisalTemplates, useArchiveTemplate } from './queries';
import { TemplateEditor } from './TemplateEditor';
import { ExportTable } from '../../../shell/ExportTable';

/** /appraisal/templates: evaluation sheet templates per position, and the versioned KPI bonus rules. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const { message } = App.useApp();
  const showError = useShowError();
  const templates = useAppraisalTemplates();
  const archive = useArchiveTemplate();
  // undefined: closed; null: a new template.
  const [editing, setEditing] = useState<TemplateT | null | undefined>(undefined);
  const canSetUp = userCanAtAll(user, 'appraisal.setup');

  const doArchive = (tp: TemplateT) =>
    archive.mutateAsync(tp.id).then(
      () => void message.success(t('appraisal.templates.archived')),
      (e: unknown) => showError(e),
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="appraisal-templates">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Link to="/appraisal">
            <ArrowLeftOutlined /> {t('appraisal.cycles.title')}
          </Link>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('appraisal.templates.title')}
          </Typography.Title>
        </Space>
        {canSetUp && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="template-create">
            {t('appraisal.templates.create')}
          </Button>
        )}
      </Space>
      <Card size="small">
        <ExportTable<TemplateT> exportName="evaluation-templates"
          data-testid="templates-table"
          rowKey="id"
          size="small"
          loading={templates.isFetching}
          dataSource={templates.data ?? []}
          pagination={false}
          locale={{ emptyText: templates.error?.message ?? t('appraisal.templates.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('appraisal.templates.code'), dataIndex: 'code', render: (code: string) => <Tag>{code}</Tag> },
            {
              title: t('appraisal.templates.name'),
              dataIndex: 'name',
              render: (name: string, tp) => (
                <Space size={4}>
                  <span>{name}</span>
                  {tp.archived && <Tag>{t('appraisal.templates.archivedTag')}</Tag>}
                </Space>
              ),
            },
            { title: t('appraisal.templates.position'), dataIndex: 'positionName', render: (p: string | null) => p ?? t('appraisal.templates.anyPosition') },
            {
              title: t('appraisal.templates.groups'),
              key: 'groups',
              render: (_, tp) => tp.groups.map((g) => `${g.name[lang]} ${formatPercentWeight(g.weight, lang)}`).join(' · '),
            },
            { title: t('appraisal.templates.sheets'), dataIndex: 'sheets', align: 'right' },
            {
              title: '',
              key: 'actions',
              render: (_, tp) =>
                canSetUp && !tp.archived ? (
                  <Space size={4}>
                    <Button size="small" onClick={() => setEditing(tp)} data-testid={`template-edit-${tp.code}`}>
                      {t('appraisal.templates.edit')}
                    </Button>
                    <Popconfirm title={t('appraisal.templates.archiveConfirm', { code: tp.code })} onConfirm={() => doArchive(tp)} okText={t('appraisal.templates.archive')} cancelText={t('common.cancel')}>
                      <Button size="small" danger data-testid={`template-archive-${tp.code}`}>
                        {t('appraisal.templates.archive')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <BonusRules />
      {editing !== undefined && <TemplateEditor template={editing} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}
