import { Collapse, Empty, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_CATEGORIES, TEMPLATE_CATEGORY_LABELS } from '../../../core/kpi/templates/template';
import { KPI_FREQUENCY_LABELS, unitLabel } from '../../../core/kpi/labels';
import { useSession } from '../../session';
import { labelOf } from './labels';
import { useTemplates } from './queries';
import type { TemplateItemT } from './types';

interface Props {
  open: boolean;
  onClose(): void;
  onPick(template: TemplateItemT): void;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** "Create from template": the templates by category, searchable in both languages (accents optional). */
export function TemplatePicker({ open, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const templates = useTemplates(open);
  const [q, setQ] = useState('');
  const groups = useMemo(() => {
    const needle = fold(q.trim());
    const hits = (templates.data ?? []).filter(
      (tp) => !needle || [tp.code, tp.name.vi, tp.name.en, tp.description.vi, tp.description.en].some((s) => fold(s).includes(needle)),
    );
    return TEMPLATE_CATEGORIES.map((c) => ({ category: c, items: hits.filter((tp) => tp.category === c) })).filter((g) => g.items.length > 0);
  }, [templates.data, q]);

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('kpi.templates.title')} width={760} destroyOnHidden data-testid="template-picker">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.Search allowClear autoFocus placeholder={t('kpi.templates.search')} onChange={(e) => setQ(e.target.value)} data-testid="template-search" />
        <Typography.Text type="secondary">{t('kpi.templates.count', { count: templates.data?.length ?? 0 })}</Typography.Text>
        {groups.length === 0 && !templates.isLoading && <Empty description={t('kpi.templates.none')} />}
        <div style={{ maxHeight: '60vh', overflowY: 'auto' }}>
          <Collapse
            key={q ? 'search' : 'all'}
            size="small"
            defaultActiveKey={q ? groups.map((g) => g.category) : [groups[0]?.category ?? '']}
            items={groups.map((g) => ({
              key: g.category,
              label: (
                <Space>
                  {TEMPLATE_CATEGORY_LABELS[g.category][lang]}
                  <Tag>{g.items.length}</Tag>
                </Space>
              ),
              children: (
                <List
                  size="small"
                  dataSource={g.items}
                  renderItem={(tp) => (
                    <List.Item
                      data-testid={`template-${tp.id}`}
                      onClick={() => onPick(tp)}
                      style={{ cursor: 'pointer' }}
                      className="kpi-template-item"
                      extra={
                        <Space size={4} orientation="vertical" align="end">
                          <Tag>{unitLabel(tp.unit)[lang]}</Tag>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {labelOf(KPI_FREQUENCY_LABELS, tp.frequency, lang)}
                          </Typography.Text>
                        </Space>
                      }
                    >
                      <List.Item.Meta
                        title={
                          <Space size={6} wrap>
                            <Typography.Link>{tp.name[lang]}</Typography.Link>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {lang === 'vi' ? tp.name.en : tp.name.vi}
                            </Typography.Text>
                          </Space>
                        }
                        description={
                          <span style={{ fontSize: 12 }}>
                            {t('kpi.templates.counted')}: {tp.description[lang]}
                          </span>
                        }
                      />
                    </List.Item>
                  )}
                />
              ),
            }))}
          />
        </div>
      </Space>
    </Modal>
  );
}
