import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { useManagerReview, useSelfAssessment } from './queries';
import { reviewNeedsComment } from './sheet-rules';
import type { SheetItemT, SheetT } from './types';
import { WriteError } from './WriteError';

export type AssessmentMode = 'self' | 'review';

type Values = { items: Record<string, { rating?: number | null; comment?: string }> };

interface Props {
  sheet: SheetT;
  mode: AssessmentMode;
  /** Renders the sheet with the form's fields under each item. */
  children: (footer: (item: SheetItemT) => ReactNode) => ReactNode;
}

function initialValues(sheet: SheetT, mode: AssessmentMode): Values {
  return {
    items: Object.fromEntries(
      sheet.items.map((i) => [String(i.id), mode === 'self' ? { rating: i.selfRating, comment: i.selfComment } : { rating: i.managerRating, comment: i.managerComment }]),
    ),
  };
}

/**
 * The self-assessment (a comment per item, a rating 1…scale for rated items) or the manager review (the same,
 * and a comment wherever the rating differs from the self rating — said here before the server says it).
 * "Save" keeps a draft; "Submit" hands it in.
 */
export function AssessmentForm({ sheet, mode, children }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const selfSave = useSelfAssessment(sheet.id);
  const reviewSave = useManagerReview(sheet.id);
  const save = mode === 'self' ? selfSave : reviewSave;
  const rated = sheet.items.filter((i) => i.kind === 'rated');

  const send = async (submit: boolean) => {
    const values = (await form.validateFields().catch(() => null)) as Values | null;
    if (!values) return;
    if (submit) {
      const unrated = rated.filter((i) => values.items[String(i.id)]?.rating == null);
      if (unrated.length > 0) {
        form.setFields(unrated.map((i) => ({ name: ['items', String(i.id), 'rating'], errors: [t('sheet.form.ratingRequired')] })));
        return;
      }
    }
    const items = sheet.items.map((i) => {
      const v = values.items[String(i.id)] ?? {};
      return { id: i.id, comment: (v.comment ?? '').trim(), ...(i.kind === 'rated' ? { rating: v.rating ?? null } : {}) };
    });
    save.mutate({ items, submit }, { onSuccess: () => void message.success(t(submit ? `sheet.form.${mode}Submitted` : 'sheet.form.saved')) });
  };

  const footer = (item: SheetItemT): ReactNode => {
    const key = String(item.id);
    const levels = item.levels ?? [];
    return (
      <div style={{ background: mode === 'self' ? '#f6ffed' : '#e6f4ff', borderRadius: 6, padding: '8px 10px' }}>
        <Typography.Text strong style={{ fontSize: 12 }}>
          {t(`sheet.form.${mode}Title`)}
        </Typography.Text>
        {item.kind === 'rated' && (
          <Form.Item name={['items', key, 'rating']} label={t('sheet.form.rating', { scale: item.scale })} style={{ marginBottom: 8 }}>
            <Select
              allowClear
              data-testid={`${mode}-rating-${item.code}`}
              placeholder={t('sheet.form.pickRating')}
              popupMatchSelectWidth={false}
              options={Array.from({ length: item.scale ?? 0 }, (_, i) => ({
                value: i + 1,
                label: levels[i] ? `${i + 1} · ${levels[i][lang]}` : String(i + 1),
              }))}
              style={{ maxWidth: '100%' }}
            />
          </Form.Item>
        )}
        <Form.Item
          name={['items', key, 'comment']}
          label={t('sheet.form.comment')}
          style={{ marginBottom: 0 }}
          dependencies={mode === 'review' ? [['items', key, 'rating']] : []}
          rules={
            mode === 'review'
              ? [
                  ({ getFieldValue }) => ({
                    validator: (_: unknown, comment: string | undefined) =>
                      reviewNeedsComment(getFieldValue(['items', key, 'rating']) as number | null, item.selfRating, comment)
                        ? Promise.reject(new Error(t('sheet.form.commentRequired', { self: item.selfRating })))
                        : Promise.resolve(),
                  }),
                ]
              : []
          }
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid={`${mode}-comment-${item.code}`} />
        </Form.Item>
      </div>
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initialValues(sheet, mode)} requiredMark={false} data-testid={`${mode}-form`}>
      {children(footer)}
      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2, marginBottom: 12 }}>
        <WriteError error={save.error} testId={`${mode}-error`} />
        <Space wrap>
          <Button onClick={() => void send(false)} loading={save.isPending} data-testid={`${mode}-save`}>
            {t('sheet.form.save')}
          </Button>
          <Button type="primary" onClick={() => void send(true)} loading={save.isPending} data-testid={`${mode}-submit`}>
            {t(`sheet.form.${mode}Submit`)}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`sheet.form.${mode}Hint`)}
          </Typography.Text>
        </Space>
      </Card>
    </Form>
  );
}
