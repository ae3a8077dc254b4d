import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useShowError } from '../../../lib/api-errors';
import { useUser } from '../../../session';
import { AssessmentForm } from './AssessmentForm';
import { ItemsEditor } from './ItemsEditor';
import { useApprove, useSheet } from './queries';
import { SheetView } from './SheetView';
import { TargetActions } from './TargetActions';
import type { SheetItemT, SheetT } from './types';

/** Second-level approval, when the server's `can.approve` allows it (a reviewed sheet of a cycle that asks for it, not by its reviewer). */
function ApproveButton({ sheet }: { sheet: SheetT }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const approve = useApprove(sheet.id);
  if (!sheet.can.approve) return null;
  return (
    <Popconfirm
      title={t('sheet.approve.confirm', { person: sheet.personName })}
      okText={t('sheet.approve.button')}
      cancelText={t('sheet.cancel')}
      onConfirm={() => approve.mutate(undefined, { onSuccess: () => void message.success(t('sheet.approve.done')), onError: (e) => showError(e) })}
    >
      <Button loading={approve.isPending} data-testid="sheet-approve">
        {t('sheet.approve.button')}
      </Button>
    </Popconfirm>
  );
}

function SheetBody({ sheet }: { sheet: SheetT }) {
  const { t } = useTranslation();
  const user = useUser();
  const [editing, setEditing] = useState(false);
  const own = user.personId === sheet.personId;
  const actions = (item: SheetItemT) => (item.kind === 'kpi' ? <TargetActions sheet={sheet} item={item} /> : null);
  const header = (
    <Space wrap>
      {sheet.can.editItems && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="sheet-edit-items">
          {t('sheet.edit.button')}
        </Button>
      )}
      <ApproveButton sheet={sheet} />
    </Space>
  );
  const mode = sheet.can.review ? 'review' : sheet.can.selfAssess ? 'self' : null;
  return (
    <>
      {mode ? (
        <AssessmentForm sheet={sheet} mode={mode}>
          {(footer) => <SheetView sheet={sheet} own={own} headerExtra={header} itemActions={actions} itemFooter={footer} />}
        </AssessmentForm>
      ) : (
        <SheetView sheet={sheet} own={own} headerExtra={header} itemActions={actions} />
      )}
      {editing && <ItemsEditor sheet={sheet} open onClose={() => setEditing(false)} />}
    </>
  );
}

/** One person's sheet for their manager, an admin or a viewer: the actions shown are those the server's `can` flags allow. */
export default function SheetPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const sheet = useSheet(id);
  return (
    <div data-testid="sheet-page">
      {sheet.data && (
        <Link to={`/appraisal/cycles/${sheet.data.cycleId}`} style={{ display: 'inline-block', marginBottom: 8 }}>
          <ArrowLeftOutlined /> {t('sheet.backToCycle')}
        </Link>
      )}
      {sheet.error ? (
        <Alert type="error" showIcon title={sheet.error.message} data-testid="sheet-error" />
      ) : !sheet.data ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <SheetBody sheet={sheet.data} />
      )}
    </div>
  );
}
