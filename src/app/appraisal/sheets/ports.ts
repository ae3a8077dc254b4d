import type { AgreementAction, AgreementStatus } from '../../../core/appraisal/agreement';

export interface Names {
  vi: string;
  en: string;
}

/** A sheet group as stored on the sheet (`score` when the results engine keeps one). */
export interface SheetGroupRecord {
  code: string;
  name: Names;
  weight: number;
  overridden: boolean;
  score?: number | null;
}

/** One sheet with the names it shows and its item counts. */
export interface SheetRecord {
  id: number;
  cycleId: number;
  personId: number;
  personName: string;
  personEmail: string | null;
  unitId: number;
  unitName: string;
  positionName: string | null;
  templateId: number;
  templateName: string;
  reviewerId: number | null;
  reviewerName: string | null;
  startsOn: string;
  endsOn: string;
  groups: SheetGroupRecord[];
  bonusBase: number;
  selfSubmittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: number | null;
  reviewedByName: string | null;
  approvedAt: string | null;
  approvedBy: number | null;
  ownScore: number | null;
  score: number | null;
  grade: string | null;
  calibratedGrade: string | null;
  coefficient: number | null;
  bonus: number | null;
  items: number;
  /** KPI items, and those of them agreed or finalized (the consensus rate's parts). */
  kpiItems: number;
  agreedItems: number;
}

export interface SheetItemRecord {
  id: number;
  sheetId: number;
  group: string;
  code: string;
  name: Names;
  sort: number;
  kind: 'kpi' | 'rated';
  kpiId: number | null;
  kpiCode: string | null;
  kpiUnit: string | null;
  /** The KPI's direction (increase, decrease, range) and aggregation (sum, average, last …). */
  direction: string | null;
  aggregation: string | null;
  scale: number | null;
  levels: Names[] | null;
  weight: number;
  overridden: boolean;
  extra: boolean;
  target: number | null;
  targetStatus: AgreementStatus;
  selfRating: number | null;
  selfComment: string;
  managerRating: number | null;
  managerComment: string;
  actual: number | null;
  achievement: number | null;
  score: number | null;
}

export interface AgreementVersionRecord {
  itemId: number;
  version: number;
  action: AgreementAction;
  value: number | null;
  reason: string;
  status: AgreementStatus;
  actorName: string;
  at: string;
}

export interface CalibrationRecord {
  sheetId: number;
  beforeGrade: string | null;
  afterGrade: string;
  score: number | null;
  reason: string;
  actorName: string;
  at: string;
}

export interface TemplateGroupRecord {
  code: string;
  weight: number;
  items: { code: string; weight: number }[];
}

/** Which sheets a reader sees: those of these units (undefined = every unit) and, always, their own. */
export interface SheetVisibility {
  unitIds?: number[] | undefined;
  selfPersonId: number | null;
}

export interface SheetQuery {
  cycleId?: number | undefined;
  personId?: number | undefined;
  /** Sheets assigned in these units (the caller's filter, e.g. a unit and its sub-units). */
  unitIds?: number[] | undefined;
  visible: SheetVisibility;
  limit: number;
  offset: number;
}

export interface NewSheetItem {
  group: string;
  code: string;
  name: Names;
  sort: number;
  kind: 'kpi' | 'rated';
  kpiId: number | null;
  scale: number | null;
  levels: Names[] | null;
  weight: number;
  overridden: boolean;
  extra: boolean;
}

export interface ItemPatch {
  group?: string;
  code?: string;
  name?: Names;
  sort?: number;
  scale?: number | null;
  levels?: Names[] | null;
  weight?: number;
  overridden?: boolean;
  target?: number | null;
  targetStatus?: AgreementStatus;
  selfRating?: number | null;
  selfComment?: string;
  managerRating?: number | null;
  managerComment?: string;
}

export interface SheetPatch {
  groups?: SheetGroupRecord[];
  bonusBase?: number;
  selfSubmittedAt?: Date;
  reviewedAt?: Date;
  reviewedBy?: number;
  approvedAt?: Date;
  approvedBy?: number;
}

export interface NewAgreementVersion {
  itemId: number;
  action: AgreementAction;
  value: number | null;
  reason: string;
  status: AgreementStatus;
  actorUserId: number | null;
  actorName: string;
}

export interface NewCalibration {
  sheetId: number;
  score: number | null;
  beforeGrade: string | null;
  afterGrade: string;
  reason: string;
  actorUserId: number | null;
  actorName: string;
}

/** Storage for the sheets part of people performance (implemented in db/repositories/appraisal-sheets.ts). */
export interface AppraisalSheetsStore {
  /** One sheet; `forUpdate` locks its row until the transaction ends (two writes on one sheet take turns). */
  find(id: number, options?: { forUpdate?: boolean }): Promise<SheetRecord | null>;
  list(q: SheetQuery): Promise<{ items: SheetRecord[]; total: number }>;
  /** Every sheet of these items' sheets (by sheet id), in group then sort order. */
  items(sheetIds: readonly number[]): Promise<SheetItemRecord[]>;
  versions(itemIds: readonly number[]): Promise<AgreementVersionRecord[]>;
  calibrations(sheetIds: readonly number[]): Promise<CalibrationRecord[]>;
  templateGroups(templateId: number): Promise<TemplateGroupRecord[]>;
  /** KPI ids of these codes (archived ones too: the caller decides). */
  kpiIds(codes: readonly string[]): Promise<Map<string, { id: number; status: string }>>;
  userNames(ids: readonly number[]): Promise<Map<number, string>>;

  updateSheet(id: number, patch: SheetPatch): Promise<void>;
  /** A person's grade after calibration, on each of their sheets in the cycle (the grade is the person's). */
  setCalibratedGrade(cycleId: number, personId: number, grade: string): Promise<void>;
  updateItem(id: number, patch: ItemPatch): Promise<void>;
  insertItems(sheetId: number, items: readonly NewSheetItem[]): Promise<number[]>;
  deleteItems(ids: readonly number[]): Promise<void>;
  /** Appends the next version of an item's agreement history; returns its number. */
  appendVersion(v: NewAgreementVersion): Promise<number>;
  addCalibration(c: NewCalibration): Promise<void>;
}
