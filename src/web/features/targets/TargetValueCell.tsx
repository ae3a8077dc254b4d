import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { ValueInput } from '../kpi/ValueInput';

interface Props {
  value: number | null;
  unit: string | null | undefined;
  editable: boolean;
  testId: string;
  /** Saves the new value; a rejection's message is shown under the field. */
  onSave(value: number): Promise<unknown>;
}

/** A target shown as money; editable in place (Enter saves, Esc cancels) for users who may set it. */
export function TargetValueCell({ value, unit, editable, testId, onSave }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<number | null>(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editing) box.current?.querySelector('input')?.select();
  }, [editing]);

  const start = () => {
    setDraft(value);
    setError(null);
    setEditing(true);
  };
  const save = async () => {
    if (draft === null) return setError(t('targets.errors.valueRequired'));
    if (draft === value) return setEditing(false);
    setSaving(true);
    try {
      await onSave(draft);
      setEditing(false);
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.issues.map((i) => i.message)].join(' ') : String(e));
    } finally {
      setSaving(false);
    }
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Enter') void save();
    if (e.key === 'Escape') setEditing(false);
  };

  if (!editing) {
    return (
      <Space size={4}>
        <Typography.Text data-testid={testId} type={value === null ? 'secondary' : undefined}>
          {formatKpiValue(value, unit, lang)}
        </Typography.Text>
        {editable && <Button size="small" type="text" icon={<EditOutlined />} onClick={start} aria-label={t('targets.edit')} data-testid={`${testId}-edit`} />}
      </Space>
    );
  }
  return (
    <div onKeyDown={keys} ref={box}>
      <Space size={4}>
        <ValueInput value={draft} onChange={setDraft} unit={unit} testId={`${testId}-input`} style={{ width: 190 }} status={error ? 'error' : ''} />
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={saving} onClick={() => void save()} aria-label={t('common.save')} data-testid={`${testId}-save`} />
        <Button size="small" icon={<CloseOutlined />} onClick={() => setEditing(false)} aria-label={t('common.cancel')} />
      </Space>
      {error && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, maxWidth: 280 }} data-testid={`${testId}-error`}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
