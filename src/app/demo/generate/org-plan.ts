import type { Role } from '../../../core/auth/roles';
import { FAMILIES, type Family } from './kpi-library';
import { personName, PLACES } from './names';

/**
 * The shape of a generated company of N people, as plain data with the ids the rows will get (the database
 * is empty, so units, people and users are numbered from 1): company → divisions → departments → teams, the
 * head of each unit first, then the staff of each team. A person's account has the person's id.
 */
export interface PlannedUnit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  depth: 0 | 1 | 2 | 3;
  family: Exclude<Family, 'leader'> | null;
  /** The person who manages the unit. */
  headId: number;
}

export interface PlannedPerson {
  id: number;
  fullName: string;
  email: string;
  unitId: number;
  positionId: number;
  managerId: number | null;
  role: Role;
  family: Family;
}

export interface PlannedPosition {
  id: number;
  code: string;
  name: string;
}

export interface OrgPlan {
  units: PlannedUnit[];
  people: PlannedPerson[];
  positions: PlannedPosition[];
  /** Position id → the family whose KPIs its people carry. */
  positionFamily: Map<number, Family>;
}

export const EMAIL_DOMAIN = 'scale.openkpi.test';
export const ADMIN_EMAIL = `admin@${EMAIL_DOMAIN}`;
/** Enough for a company root, four divisions, a department and a team each, with people in every team. */
export const MIN_PEOPLE = 20;

const POSITIONS: readonly [code: string, name: string, family: Family][] = [
  ['tong-giam-doc', 'Tổng giám đốc', 'leader'],
  ['giam-doc-khoi', 'Giám đốc khối', 'leader'],
  ['truong-phong', 'Trưởng phòng', 'leader'],
  ['truong-nhom', 'Trưởng nhóm', 'leader'],
  ['nv-kinh-doanh', 'Nhân viên kinh doanh', 'sales'],
  ['nv-van-hanh', 'Nhân viên vận hành', 'ops'],
  ['ky-su-phan-mem', 'Kỹ sư phần mềm', 'tech'],
  ['chuyen-vien-van-phong', 'Chuyên viên văn phòng', 'office'],
];
const STAFF_POSITION: Record<Exclude<Family, 'leader'>, number> = { sales: 5, ops: 6, tech: 7, office: 8 };
const HEAD_POSITION = [1, 2, 3, 4] as const;

const DIVISION_NAMES: Record<Exclude<Family, 'leader'>, string> = {
  sales: 'Khối Kinh doanh',
  ops: 'Khối Vận hành',
  tech: 'Khối Công nghệ',
  office: 'Khối Tài chính – Nhân sự',
};
const DEPARTMENT_WORDS: Record<Exclude<Family, 'leader'>, string[]> = {
  sales: ['Kinh doanh', 'Bán lẻ', 'Khách hàng doanh nghiệp', 'Thương mại điện tử'],
  ops: ['Kho vận', 'Giao nhận', 'Chăm sóc khách hàng', 'Mua hàng'],
  tech: ['Phát triển sản phẩm', 'Hạ tầng', 'Dữ liệu', 'Kiểm thử'],
  office: ['Kế toán', 'Nhân sự', 'Pháp chế', 'Hành chính'],
};
const TEAM_WORDS: Record<Exclude<Family, 'leader'>, string> = { sales: 'Bán hàng', ops: 'Vận hành', tech: 'Kỹ thuật', office: 'Nghiệp vụ' };

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const STAFF_FAMILIES = FAMILIES.filter((f): f is Exclude<Family, 'leader'> => f !== 'leader');

/** The number of divisions, departments and teams for N people (teams of about 11). */
export function orgSizes(people: number): { divisions: number; departments: number; teams: number } {
  const teams = Math.max(4, Math.round(people / 11));
  const divisions = Math.min(8, Math.max(4, Math.round(teams / 60)));
  const departments = Math.max(divisions, Math.round(teams / 5));
  return { divisions, departments, teams };
}

export function planOrg(people: number, rand: () => number): OrgPlan {
  const { divisions, departments, teams } = orgSizes(people);
  const units: PlannedUnit[] = [];
  const persons: PlannedPerson[] = [];
  const addHead = (unitId: number, depth: 0 | 1 | 2 | 3, managerId: number | null, family: Family): number => {
    const id = persons.length + 1;
    const email = id === 1 ? ADMIN_EMAIL : `nv${pad(id - 1, 5)}@${EMAIL_DOMAIN}`;
    persons.push({ id, fullName: personName(rand), email, unitId, positionId: HEAD_POSITION[depth], managerId, role: id === 1 ? 'admin' : 'manager', family });
    return id;
  };
  const root = { id: 1, code: 'CTY', name: 'Công ty Cổ phần Thương mại OpenKPI', parentId: null, depth: 0 as const, family: null, headId: addHead(1, 0, null, 'leader') };
  units.push(root);
  const divisionUnits: PlannedUnit[] = [];
  for (let d = 0; d < divisions; d++) {
    const family = STAFF_FAMILIES[d % STAFF_FAMILIES.length]!;
    const round = Math.floor(d / STAFF_FAMILIES.length);
    const id = units.length + 1;
    const unit: PlannedUnit = { id, code: `KHOI-${pad(d + 1, 2)}`, name: round === 0 ? DIVISION_NAMES[family] : `${DIVISION_NAMES[family]} ${round + 1}`, parentId: root.id, depth: 1, family, headId: 0 };
    unit.headId = addHead(id, 1, root.headId, 'leader');
    units.push(unit);
    divisionUnits.push(unit);
  }
  const departmentUnits: PlannedUnit[] = [];
  for (let p = 0; p < departments; p++) {
    const division = divisionUnits[p % divisions]!;
    const family = division.family!;
    const word = DEPARTMENT_WORDS[family][Math.floor(p / divisions) % 4]!;
    const place = PLACES[p % PLACES.length]!;
    const id = units.length + 1;
    const unit: PlannedUnit = { id, code: `PB-${pad(p + 1, 3)}`, name: `Phòng ${word} ${place} ${p + 1}`, parentId: division.id, depth: 2, family, headId: 0 };
    unit.headId = addHead(id, 2, division.headId, 'leader');
    units.push(unit);
    departmentUnits.push(unit);
  }
  const teamUnits: PlannedUnit[] = [];
  for (let t = 0; t < teams; t++) {
    const department = departmentUnits[t % departments]!;
    const family = department.family!;
    const id = units.length + 1;
    const unit: PlannedUnit = { id, code: `NHOM-${pad(t + 1, 4)}`, name: `Nhóm ${TEAM_WORDS[family]} ${t + 1}`, parentId: department.id, depth: 3, family, headId: 0 };
    unit.headId = addHead(id, 3, department.headId, 'leader');
    units.push(unit);
    teamUnits.push(unit);
  }
  const staff = people - persons.length;
  for (let t = 0; t < teams; t++) {
    const team = teamUnits[t]!;
    const count = Math.floor(((t + 1) * staff) / teams) - Math.floor((t * staff) / teams);
    for (let s = 0; s < count; s++) {
      const id = persons.length + 1;
      persons.push({
        id,
        fullName: personName(rand),
        email: `nv${pad(id - 1, 5)}@${EMAIL_DOMAIN}`,
        unitId: team.id,
        positionId: STAFF_POSITION[team.family!],
        managerId: team.headId,
        role: 'employee',
        family: team.family!,
      });
    }
  }
  const positions = POSITIONS.map(([code, name], i) => ({ id: i + 1, code, name }));
  const positionFamily = new Map(POSITIONS.map(([, , family], i) => [i + 1, family] as const));
  return { units, people: persons, positions, positionFamily };
}
