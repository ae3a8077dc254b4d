import { ACTIONS, PERMISSIONS, type Reach } from './permissions';
import { ROLE_LABELS, ROLES } from './roles';

const REACH_TEXT: Record<Reach, string> = {
  all: 'all',
  company: 'company',
  subtree: 'subtree',
  'own-unit': 'own unit',
  self: 'self',
  'kpi-subtree': 'KPI in subtree',
  responsible: 'owner/measurer',
  assigned: 'assigned campaigns',
};

const REACH_ABOUT: Record<Reach, string> = {
  all: 'anything in the company / mọi thứ trong công ty',
  company: 'the company scope (company targets, actuals, scores) / phạm vi công ty',
  subtree: "a unit in the user's unit subtree, or a person in it / phòng ban thuộc cây phòng ban mình quản lý (hoặc được xem), hay nhân sự trong đó",
  'own-unit': "the user's own unit / phòng ban của chính mình",
  self: "the user's own person scope / chính mình",
  'kpi-subtree': "the company scope of a KPI whose owner sits in the user's subtree / phạm vi công ty của KPI có người chịu trách nhiệm thuộc cây phòng ban của mình",
  responsible: 'the company scope of a KPI the user owns or measures / phạm vi công ty của KPI mình chịu trách nhiệm hoặc đo lường',
  assigned: 'a marketing campaign the login is assigned to (agencies) / chiến dịch marketing được giao cho tài khoản (đại lý)',
};

/** docs/permissions.md, generated from the permission table (a test fails when the file differs). */
export function renderPermissionsDoc(): string {
  const lines = [
    '# Permissions / Phân quyền',
    '',
    '<!-- Generated from src/core/auth/permissions.ts by `npm run docs:permissions`; do not edit by hand. -->',
    '',
    'Every request is checked on the server against this one table: an action is allowed when one of the',
    "role's reaches covers its target. The web app asks the same table (with the user's unit and subtree from",
    '`GET /api/auth/session`) to show only the actions that will be accepted. Mỗi yêu cầu được máy chủ kiểm tra',
    'theo đúng bảng này; giao diện web cũng dùng bảng này để chỉ hiện các thao tác được phép.',
    '',
    `| action | ${ROLES.map((r) => `${r} (${ROLE_LABELS[r].vi})`).join(' | ')} | what / nội dung |`,
    `|---|${ROLES.map(() => '---').join('|')}|---|`,
    ...ACTIONS.map((a) => {
      const row = PERMISSIONS[a];
      const cells = ROLES.map((r) => (row.roles[r].length === 0 ? '—' : row.roles[r].map((x) => REACH_TEXT[x]).join(', ')));
      return `| \`${a}\` | ${cells.join(' | ')} | ${row.about.en} ${row.about.vi} |`;
    }),
    '',
    '## Reaches / Phạm vi',
    '',
    '| reach | covers |',
    '|---|---|',
    ...(Object.keys(REACH_TEXT) as Reach[]).map((r) => `| ${REACH_TEXT[r]} | ${REACH_ABOUT[r]} |`),
    '',
    '## Notes',
    '',
    '- A KPI belongs to its owner\'s unit; a KPI without an owner belongs to the company (only admins edit it).',
    '- The viewer role is read-only everywhere: it has no write reach in any row.',
    '- Managers and viewers without a person record have an empty subtree.',
    '- Refusals answer `403 FORBIDDEN` before anything is looked up that the user may not see (e.g. a cascade\'s source target).',
    '',
  ];
  return lines.join('\n');
}
