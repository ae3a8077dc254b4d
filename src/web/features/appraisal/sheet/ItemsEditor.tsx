import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { kpiName } from '../../kpi/KpiStatusTag';
import { useKpiList } from '../../kpi/queries';
import { useSaveItems } from './queries';
import { overrideIssues } from './sheet-rules';
import type { SheetItemsBodyT, SheetT } from './types';
import { WriteError } from './WriteError';

interface Row {
  id?: number;
  kind: 'kpi' | 'rated';
  group: string;
  code: string;
  name: { vi: string; en: string };
  weight: number | null;
  kpiCode: string | null;
  scale: number | null;
  levels: { vi: string; en: string }[];
}

const rowsOf = (sheet: SheetT): Row[] =>
  sheet.items.map((i) => ({ id: i.id, kind: i.kind, group: i.group, code: i.code, name: i.name, weight: i.weight, kpiCode: i.kpiCode, scale: i.scale, levels: i.levels ?? [] }));

function bodyOf(groups: { code: string; weight: number | null }[], rows: Row[]): SheetItemsBodyT {
  return {
    groups: groups.map((g) => ({ code: g.code, weight: g.weight ?? NaN })),
    items: rows.map((r) => {
      const common = { ...(r.id !== undefined ? { id: r.id } : {}), group: r.group, code: r.code.trim(), name: { vi: r.name.vi.trim(), en: r.name.en.trim() || r.name.vi.trim() }, weight: r.weight ?? NaN };
      return r.kind === 'kpi' ? { ...common, kind: 'kpi' as const, kpiCode: r.kpiCode ?? '' } : { ...common, kind: 'rated' as const, scale: r.scale ?? 5, levels: r.levels };
    }),
  };
}

/**
 * Per-person overrides of one sheet: group weights, item weights and extra items (existing items keep their
 * targets and reviews). Totals are checked as the server checks them, in decimal, while typing.
 */
export function ItemsEditor({ sheet, open, onClose }: { sheet: SheetT; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [groups, setGroups] = useState(() => sheet.groups.map((g) => ({ code: g.code, name: g.name, weight: g.weight as number | null })));
  const [rows, setRows] = useState<Row[]>(() => rowsOf(sheet));
  const kpis = useKpiList({ status: 'active' });
  const save = useSaveItems(sheet.id);
  const issues = useMemo(() => overrideIssues(groups, rows), [groups, rows]);
  const incomplete = rows.some((r) => !r.code.trim() || !r.name.vi.trim() || (r.kind === 'kpi' && !r.kpiCode));

  const update = (index: number, patch: Partial<Row>) => setRows((prev) => prev.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const addExtra = () =>
    setRows((prev) => [...prev, { kind: 'kpi', group: groups[0]?.code ?? '', code: '', name: { vi: '', en: '' }, weight: null, kpiCode: null, scale: 5, levels: [] }]);

  return (
    <Modal
      open={open}
      width={760}
      title={t('sheet.edit.title', { person: sheet.personName })}
      onCancel={onClose}
      onOk={() => save.mutate(bodyOf(groups, rows), { onSuccess: onClose })}
      okText={t('sheet.edit.save')}
      cancelText={t('sheet.cancel')}
      okButtonProps={{ disabled: issues.length > 0 || incomplete, 'data-testid': 'items-save' } as never}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <WriteError error={save.error} testId="items-error" />
      <Typography.Paragraph type="secondary">{t('sheet.edit.hint')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('sheet.edit.groups')}</Typography.Title>
      {groups.map((g, gi) => (
        <Space key={g.code} wrap style={{ marginBottom: 6, display: 'flex' }}>
          <span style={{ minWidth: 140, display: 'inline-block' }}>{g.name[lang]}</span>
          <InputNumber
            min={0}
            max={100}
            value={g.weight}
            decimalSeparator={lang === 'vi' ? ',' : '.'}
            onChange={(v) => setGroups((prev) => prev.map((x, i) => (i === gi ? { ...x, weight: v } : x)))}
            suffix="%"
            data-testid={`edit-group-weight-${g.code}`}
          />
        </Space>
      ))}
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Title level={5}>{t('sheet.edit.items')}</Typography.Title>
      {rows.map((r, i) => (
        <div key={r.id ?? `new-${i}`} style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }} data-testid={`edit-item-${r.code || `new-${i}`}`}>
          <Space wrap size={6} style={{ display: 'flex' }}>
            {r.id === undefined ? (
              <>
                <Tag color="orange">{t('sheet.item.extra')}</Tag>
                <Select
                  value={r.kind}
                  onChange={(kind) => update(i, { kind })}
                  options={[
                    { value: 'kpi', label: 'KPI' },
                    { value: 'rated', label: t('sheet.edit.rated') },
                  ]}
                  style={{ width: 120 }}
                />
                <Select value={r.group} onChange={(group) => update(i, { group })} options={groups.map((g) => ({ value: g.code, label: g.name[lang] }))} style={{ width: 150 }} />
                <Input placeholder={t('sheet.edit.code')} value={r.code} onChange={(e) => update(i, { code: e.target.value })} style={{ width: 120 }} data-testid="edit-new-code" />
                <Input placeholder={t('sheet.edit.nameVi')} value={r.name.vi} onChange={(e) => update(i, { name: { ...r.name, vi: e.target.value } })} style={{ width: 200 }} data-testid="edit-new-name" />
                <Input placeholder={t('sheet.edit.nameEn')} value={r.name.en} onChange={(e) => update(i, { name: { ...r.name, en: e.target.value } })} style={{ width: 200 }} />
                {r.kind === 'kpi' ? (
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('sheet.edit.kpi')}
                    value={r.kpiCode ?? undefined}
                    onChange={(kpiCode: string) => update(i, { kpiCode })}
                    options={(kpis.data ?? []).map((k) => ({ value: k.code, label: `${k.code} · ${kpiName(k, lang)}` }))}
                    style={{ width: 260, maxWidth: '100%' }}
                    data-testid="edit-new-kpi"
                  />
                ) : (
                  <InputNumber min={2} max={10} value={r.scale} onChange={(scale) => update(i, { scale })} prefix={t('sheet.edit.scale')} />
                )}
              </>
            ) : (
              <span style={{ minWidth: 140, display: 'inline-block' }}>
                {r.name[lang]} <Typography.Text type="secondary">({groups.find((g) => g.code === r.group)?.name[lang] ?? r.group})</Typography.Text>
              </span>
            )}
            <InputNumber
              min={0}
              max={100}
              value={r.weight}
              decimalSeparator={lang === 'vi' ? ',' : '.'}
              onChange={(weight) => update(i, { weight })}
              suffix="%"
              data-testid={`edit-item-weight-${r.code || `new-${i}`}`}
            />
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('sheet.edit.remove')} onClick={() => setRows((prev) => prev.filter((_, j) => j !== i))} />
          </Space>
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={addExtra} style={{ marginTop: 8 }} data-testid="edit-add-extra">
        {t('sheet.edit.addExtra')}
      </Button>
      {issues.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="items-weight-issues"
          title={
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {issues.map((x) => (
                <li key={x.path}>{x.message[lang]}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
