import { EditOutlined, FolderAddOutlined, ImportOutlined, InboxOutlined, NodeIndexOutlined, UndoOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Space, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OrgUnitT, type PersonViewT } from '../../api';
import { useShowError } from '../../lib/api-errors';
import { unitOrCompany, userCan, userCanAtAll, useUser } from '../../session';
import { ImportPeopleModal } from './ImportPeopleModal';
import { OrgChartDiagram } from './OrgChartDiagram';
import { PeopleTable } from './PeopleTable';
import { PersonDrawer } from './PersonDrawer';
import { orgKeys, useUnits } from './queries';
import { UnitDialog, type UnitDialogMode } from './UnitDialog';
import { UnitTreePanel } from './UnitTreePanel';

export default function OrgChartPage() {
  const { t } = useTranslation();
  const user = useUser();
  const units = useUnits();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const { modal, message } = App.useApp();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<UnitDialogMode | null>(null);
  const [personOpen, setPersonOpen] = useState(false);
  const [person, setPerson] = useState<PersonViewT | null>(null);
  const [importOpen, setImportOpen] = useState(false);

  const all = units.data ?? [];
  const selected = all.find((u) => u.id === selectedId) ?? null;
  const canWrite = userCanAtAll(user, 'person.manage');
  const canManageSelected = selected !== null && userCan(user, 'unit.manage', { scope: 'unit', unitId: selected.id });

  const archive = useMutation({
    mutationFn: (u: OrgUnitT) => api<OrgUnitT>('PATCH', `/api/org-units/${u.id}`, { archived: !u.archived }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.units });
      void message.success(t('common.saved'));
    },
    onError: (e) => showError(e),
  });

  const confirmArchive = (u: OrgUnitT) => {
    modal.confirm({
      title: u.archived ? t('org.restoreConfirm', { name: u.name }) : t('org.archiveConfirm', { name: u.name }),
      content: u.archived ? undefined : t('org.archiveHint'),
      okText: u.archived ? t('org.restore') : t('org.archive'),
      cancelText: t('common.cancel'),
      onOk: () => archive.mutateAsync(u).catch(() => undefined),
    });
  };

  return (
    <div data-testid="org-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('org.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card
            title={t('org.units')}
            extra={
              canWrite && (
                <Tooltip title={t('org.addUnit')}>
                  <Button
                    size="small"
                    icon={<FolderAddOutlined />}
                    disabled={!userCan(user, 'unit.manage', unitOrCompany(selected?.id ?? null))}
                    onClick={() => setDialog('create')}
                    data-testid="unit-add"
                  >
                    {selected ? t('org.addChild') : t('org.addUnit')}
                  </Button>
                </Tooltip>
              )
            }
          >
            {canWrite && selected && (
              <Space wrap style={{ marginBottom: 12 }} data-testid="unit-actions">
                <Button size="small" icon={<EditOutlined />} disabled={!canManageSelected} onClick={() => setDialog('rename')} data-testid="unit-rename">
                  {t('org.rename')}
                </Button>
                <Button size="small" icon={<NodeIndexOutlined />} disabled={!canManageSelected} onClick={() => setDialog('move')} data-testid="unit-move">
                  {t('org.move')}
                </Button>
                <Button
                  size="small"
                  icon={selected.archived ? <UndoOutlined /> : <InboxOutlined />}
                  disabled={!canManageSelected}
                  onClick={() => confirmArchive(selected)}
                  data-testid="unit-archive"
                >
                  {selected.archived ? t('org.restore') : t('org.archive')}
                </Button>
              </Space>
            )}
            {units.isLoading ? <Spin /> : <UnitTreePanel units={all} selectedId={selectedId} onSelect={setSelectedId} />}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={selected ? t('org.peopleOf', { name: selected.name }) : t('org.peopleAll')}>
            {canWrite && (
              // In the card body, not its header: on a phone the header leaves the title no room.
              <Space wrap style={{ marginBottom: 12 }}>
                <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="people-import">
                  {t('import.open')}
                </Button>
                <Button
                  type="primary"
                  icon={<UserAddOutlined />}
                  onClick={() => {
                    setPerson(null);
                    setPersonOpen(true);
                  }}
                  data-testid="person-add"
                >
                  {t('people.add')}
                </Button>
              </Space>
            )}
            <PeopleTable
              unitId={selectedId}
              onOpen={(p) => {
                setPerson(p);
                setPersonOpen(true);
              }}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <OrgChartDiagram units={all} onSelect={setSelectedId} />
        </Col>
      </Row>
      <UnitDialog
        mode={dialog}
        units={all}
        unit={selected}
        onClose={(created) => {
          setDialog(null);
          if (created) setSelectedId(created.id);
        }}
      />
      <PersonDrawer open={personOpen} units={all} defaultUnitId={selectedId} person={person} onClose={() => setPersonOpen(false)} />
      <ImportPeopleModal open={importOpen} onClose={() => setImportOpen(false)} />
    </div>
  );
}
