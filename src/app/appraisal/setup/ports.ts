import type { CyclePhase, CycleRecord } from '../../../core/appraisal';

/** A vi/en pair (group, item and level names). */
export interface Names {
  vi: string;
  en: string;
}

export type TemplateItemDef =
  | { kind: 'kpi'; code: string; name: Names; weight: number; kpiCode: string }
  | { kind: 'rated'; code: string; name: Names; weight: number; scale: number; levels: Names[] };

export interface TemplateGroupDef {
  code: string;
  name: Names;
  weight: number;
  items: TemplateItemDef[];
}

/** A sheet template (mẫu phiếu đánh giá) as written. */
export interface TemplateInput {
  code: string;
  name: string;
  positionId: number | null;
  groups: TemplateGroupDef[];
}

export interface TemplateRecord extends TemplateInput {
  id: number;
  archived: boolean;
  positionName: string | null;
  /** Sheets assigned from this template (any cycle). */
  sheets: number;
}

export interface BonusRuleInput {
  effectiveFrom: string;
  rate: number;
  /** Coefficient per grade, or 'score': the final score is the coefficient. */
  coefficients: Record<string, number> | 'score';
  roundStep: number;
  note: string;
}

export interface BonusRuleRecord extends BonusRuleInput {
  id: number;
  createdAt: string;
}

/** A new cycle: everything a cycle record has except what the system sets (id, phase, lock and publish times). */
export type CycleInput = Omit<CycleRecord, 'id' | 'phase' | 'lockedAt' | 'publishedAt'>;

export type CyclePatch = Partial<Pick<CycleInput, 'name' | 'deadlines' | 'missing' | 'bands' | 'distribution' | 'secondApproval'>>;

/** Sheets of a cycle counted per unit, split into the reader's own sheets and the others (for scope filtering). */
export interface SheetCount {
  cycleId: number;
  unitId: number;
  own: boolean;
  count: number;
}

/** Who can be picked for an assignment: a person with what the sheet copies from them. */
export interface AssignablePerson {
  id: number;
  fullName: string;
  unitId: number;
  positionId: number | null;
  managerId: number | null;
  active: boolean;
}

/** A sheet a person already has in a cycle. */
export interface ExistingSheet {
  id: number;
  personId: number;
  positionId: number | null;
  startsOn: string;
  endsOn: string;
}

export interface NewSheet {
  personId: number;
  unitId: number;
  positionId: number | null;
  reviewerId: number | null;
  startsOn: string;
  endsOn: string;
}

/** An item as every new sheet of one assignment gets it (copied from the template). */
export interface NewItem {
  groupCode: string;
  code: string;
  name: Names;
  sort: number;
  kind: 'kpi' | 'rated';
  kpiId: number | null;
  scale: number | null;
  levels: Names[] | null;
  weight: number;
}

/** A target one person's new sheet starts from (items without one have no target, status 'none'). */
export interface ItemTarget {
  personId: number;
  code: string;
  target: number;
  targetStatus: 'proposed';
}

/** Storage for the setup part of people performance (implemented in db/repositories/appraisal-setup.ts). */
export interface AppraisalSetupStore {
  templates: {
    list(): Promise<TemplateRecord[]>;
    get(id: number): Promise<TemplateRecord | null>;
    /** The id of the template with this code, compared without case. */
    idByCode(code: string): Promise<number | null>;
    create(input: TemplateInput): Promise<number>;
    update(id: number, input: TemplateInput): Promise<void>;
    archive(id: number): Promise<void>;
  };
  bonusRules: {
    list(): Promise<BonusRuleRecord[]>;
    create(input: BonusRuleInput, createdBy: number | null): Promise<BonusRuleRecord>;
  };
  cycles: {
    list(): Promise<CycleRecord[]>;
    /** The cycle, its row locked until the transaction ends (phase moves and assignments do not interleave). */
    getForUpdate(id: number): Promise<CycleRecord | null>;
    idByCode(code: string): Promise<number | null>;
    create(input: CycleInput): Promise<number>;
    update(id: number, patch: CyclePatch): Promise<void>;
    setPhase(id: number, phase: CyclePhase, stamps: { lockedAt?: Date | null; publishedAt?: Date | null }): Promise<void>;
    /** Sheet counts per cycle and unit; `own` = the sheets of `personId`. */
    sheetCounts(personId: number | null): Promise<SheetCount[]>;
    sheetIds(cycleId: number): Promise<number[]>;
  };
  assignment: {
    /** Ids and status of KPIs by code (unknown codes are absent). */
    kpisByCode(codes: string[]): Promise<Map<string, { id: number; archived: boolean }>>;
    /** The people picked by id, by unit(s), by position or both (unit ∩ position); inactive ones only when picked by id. */
    people(pick: { personIds?: number[] | undefined; unitIds?: number[] | undefined; positionId?: number | undefined }): Promise<AssignablePerson[]>;
    existingSheets(cycleId: number, personIds: number[]): Promise<ExistingSheet[]>;
    /** The persons' own targets of these KPIs for one period key: `${kpiId}|${personId}` → value. */
    personTargets(kpiIds: number[], personIds: number[], periodKey: string): Promise<Map<string, number>>;
    /** Ends existing sheets early (a person who changes position mid-cycle). */
    endSheets(ends: { id: number; endsOn: string }[]): Promise<void>;
    /**
     * Inserts the sheets, each with the same items, and the targets they start from (version 1 of each:
     * proposed by `proposedBy`), set-based; returns the new sheet id per person.
     */
    insertSheets(
      cycleId: number,
      templateId: number,
      groups: { code: string; name: Names; weight: number; overridden: boolean }[],
      sheets: NewSheet[],
      items: NewItem[],
      targets: ItemTarget[],
      proposedBy: { userId: number | null; name: string },
    ): Promise<Map<number, number>>;
  };
}
