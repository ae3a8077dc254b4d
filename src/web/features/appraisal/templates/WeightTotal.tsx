import { Space, Tag, Typography } from 'antd';
import { useSession } from '../../../session';
import { totalLabel, type WeightCheck } from './weight-check';

/** The live total of one level of weights: green "Σ 100", or red "Σ 99,99 ≠ 100" with the server's own message. */
export function WeightTotal({ check }: { check: WeightCheck | undefined }) {
  const { lang } = useSession();
  if (!check) return null;
  return (
    <Space size={4} wrap data-testid={`weights-${check.path}`} data-status={check.ok ? 'ok' : 'bad'}>
      <Tag color={check.ok ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
        {totalLabel(check, lang)}
      </Tag>
      {check.message && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {check.message[lang]}
        </Typography.Text>
      )}
    </Space>
  );
}
