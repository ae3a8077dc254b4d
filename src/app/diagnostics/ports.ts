import type { ActionPlanStatus, MissReason } from '../../core/diagnostics';
import type { TargetScope } from '../ports';

/** One recorded reason why a KPI ended a period red for a scope. */
export interface MissReasonRecord {
  id: number;
  kpiId: number;
  scope: TargetScope;
  period: string;
  reason: MissReason;
  comment: string | null;
  controllable: boolean;
  fromSuggestion: boolean;
  updatedAt: string;
}

export interface MissReasonWrite {
  reason: MissReason;
  comment: string | null;
  controllable: boolean;
  fromSuggestion: boolean;
}

/** Fact → cause → action for a reason. */
export interface ActionPlanRecord {
  id: number;
  missReasonId: number;
  fact: string | null;
  cause: string | null;
  action: string;
  ownerPersonId: number | null;
  ownerName: string | null;
  /** ISO date (YYYY-MM-DD). */
  dueOn: string | null;
  status: ActionPlanStatus;
  updatedAt: string;
}

export type ActionPlanWrite = Omit<ActionPlanRecord, 'id' | 'missReasonId' | 'ownerName' | 'updatedAt'>;

/** An action plan with the miss it answers, for the Pareto page. */
export interface ActionPlanInContext extends ActionPlanRecord {
  kpiId: number;
  scope: TargetScope;
  period: string;
  reason: MissReason;
}

/** Where the Pareto looks: period keys (a year or quarter with its months) and units (a subtree); absent = all. */
export interface ParetoFilter {
  periodKeys: string[];
  unitIds?: number[] | undefined;
}

/** Reasons counted per (reason, KPI, scope) by SQL, with the unit the miss belongs to. */
export interface ParetoCount {
  reason: MissReason;
  kpiId: number;
  scope: TargetScope;
  /** unit scope: the unit; person scope: the person's unit; company scope: the KPI owner's unit (null without owner). */
  unitId: number | null;
  count: number;
}

/** Why KPIs were missed: reasons and action plans. */
export interface DiagnosticsStore {
  reasons(q: { period: string; scope: TargetScope; kpiIds?: number[] | undefined }): Promise<MissReasonRecord[]>;
  findReason(id: number): Promise<MissReasonRecord | null>;
  /**
   * Makes the reasons of one (KPI, scope, period) exactly `reasons`: kept reasons are updated in place (their
   * action plans stay), dropped ones are deleted with their plans. Returns the stored set afterwards.
   */
  replaceReasons(slot: { kpiId: number; scope: TargetScope; period: string }, reasons: MissReasonWrite[], byUserId: number | null): Promise<MissReasonRecord[]>;
  plans(reasonIds: number[]): Promise<ActionPlanRecord[]>;
  findPlan(id: number): Promise<ActionPlanRecord | null>;
  createPlan(missReasonId: number, plan: ActionPlanWrite): Promise<number>;
  updatePlan(id: number, plan: ActionPlanWrite): Promise<void>;
  deletePlan(id: number): Promise<void>;
  paretoCounts(f: ParetoFilter): Promise<ParetoCount[]>;
  /**
   * Target-agreement states of the appraisal items carrying these KPIs on sheets of cycles overlapping
   * [start, end], for the people of the scope (a person; a unit's people; everyone for the company), by KPI id.
   */
  agreementStates(q: { kpiIds: number[]; start: string; end: string; scope: TargetScope }): Promise<Map<number, string[]>>;
  plansIn(f: ParetoFilter): Promise<ActionPlanInContext[]>;
  /** An appraisal cycle overlapping [start, end] is locked or published (its results are final). */
  cycleLockedOver(start: string, end: string): Promise<boolean>;
}
