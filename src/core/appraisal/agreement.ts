import { DomainError } from '../errors';

/**
 * Target agreement (thống nhất chỉ tiêu) of one KPI item on a sheet: the manager proposes, the employee
 * accepts or counter-proposes (value + reason), the manager accepts the counter, revises or finalizes with a
 * written reason. Editing an agreed or finalized target sends it back for agreement.
 *
 * | from \ action | propose | accept | counter | revise | finalize |
 * |---|---|---|---|---|---|
 * | none | proposed | – | – | – | finalized |
 * | proposed | – | agreed (employee) | countered | proposed | finalized |
 * | countered | – | agreed (manager) | – | proposed | finalized |
 * | agreed | – | – | – | proposed | finalized |
 * | finalized | – | – | – | proposed | finalized |
 */
export type AgreementStatus = 'none' | 'proposed' | 'countered' | 'agreed' | 'finalized';
export type AgreementAction = 'propose' | 'accept' | 'counter' | 'revise' | 'finalize';
/** Who takes a step: the manager side (appraisal.manage, never on their own sheet) or the sheet's own person. */
export type AgreementParty = 'manager' | 'employee';

export interface AgreementStep {
  action: AgreementAction;
  /** The value put on the table (propose, counter, revise; optional for finalize). */
  value?: number | undefined;
  reason?: string | undefined;
}

export interface AgreementOutcome {
  status: AgreementStatus;
  /** The item's target after the step: the value on the table (agreed or not). */
  target: number | null;
  /** The value recorded in the step's version row. */
  value: number | null;
}

const NEXT: Record<AgreementAction, Partial<Record<AgreementStatus, AgreementStatus>>> = {
  propose: { none: 'proposed' },
  accept: { proposed: 'agreed', countered: 'agreed' },
  counter: { proposed: 'countered' },
  revise: { proposed: 'proposed', countered: 'proposed', agreed: 'proposed', finalized: 'proposed' },
  finalize: { none: 'finalized', proposed: 'finalized', countered: 'finalized', agreed: 'finalized', finalized: 'finalized' },
};

const STATUS_NAMES: Record<AgreementStatus, { vi: string; en: string }> = {
  none: { vi: 'chưa giao', en: 'not set' },
  proposed: { vi: 'đã đề xuất', en: 'proposed' },
  countered: { vi: 'nhân viên đề xuất điều chỉnh', en: 'counter-proposed' },
  agreed: { vi: 'đã thống nhất', en: 'agreed' },
  finalized: { vi: 'quản lý đã chốt', en: 'finalized' },
};

const ACTION_NAMES: Record<AgreementAction, { vi: string; en: string }> = {
  propose: { vi: 'đề xuất', en: 'propose' },
  accept: { vi: 'đồng ý', en: 'accept' },
  counter: { vi: 'đề xuất điều chỉnh', en: 'counter-propose' },
  revise: { vi: 'sửa chỉ tiêu', en: 'revise' },
  finalize: { vi: 'chốt chỉ tiêu', en: 'finalize' },
};

/** Who takes `action` when the item is in `status`: accepting a proposal is the employee's, accepting a counter the manager's. */
export function agreementParty(status: AgreementStatus, action: AgreementAction): AgreementParty {
  if (action === 'counter') return 'employee';
  if (action === 'accept') return status === 'countered' ? 'manager' : 'employee';
  return 'manager';
}

/** The actions open in `status` (for the UI and for messages). */
export function agreementActions(status: AgreementStatus): AgreementAction[] {
  return (Object.keys(NEXT) as AgreementAction[]).filter((a) => NEXT[a][status] !== undefined);
}

/**
 * The status and target after one step, or 409 APPRAISAL_AGREEMENT_STATE for a step the status does not allow.
 * Propose, counter and revise need a value; finalize takes a value or keeps the target on the table (and
 * needs one when there is none). Accept keeps the value on the table.
 */
export function nextAgreement(status: AgreementStatus, target: number | null, step: AgreementStep): AgreementOutcome {
  const next = NEXT[step.action][status];
  if (next === undefined) {
    const open = agreementActions(status);
    const list = (lang: 'vi' | 'en') => open.map((a) => ACTION_NAMES[a][lang]).join(', ');
    throw new DomainError(
      'APPRAISAL_AGREEMENT_STATE',
      {
        vi: `Chỉ tiêu đang ở trạng thái "${STATUS_NAMES[status].vi}": không thể ${ACTION_NAMES[step.action].vi}. Có thể: ${list('vi')}.`,
        en: `The target is ${STATUS_NAMES[status].en}: you cannot ${ACTION_NAMES[step.action].en} it now. Possible: ${list('en')}.`,
      },
      { params: { status, action: step.action, open } },
    );
  }
  const needsValue = step.action === 'propose' || step.action === 'counter' || step.action === 'revise' || (step.action === 'finalize' && target === null);
  if (needsValue && step.value === undefined) {
    throw new DomainError(
      'APPRAISAL_TARGET_REQUIRED',
      { vi: `Cần nhập giá trị chỉ tiêu để ${ACTION_NAMES[step.action].vi}.`, en: `A target value is needed to ${ACTION_NAMES[step.action].en}.` },
      { issues: [{ path: 'value', code: 'APPRAISAL_TARGET_REQUIRED', message: { vi: 'Cần nhập giá trị chỉ tiêu.', en: 'A target value is needed.' } }] },
    );
  }
  if ((step.action === 'counter' || step.action === 'finalize') && !step.reason?.trim()) {
    throw new DomainError(
      'APPRAISAL_REASON_REQUIRED',
      { vi: `Cần ghi lý do để ${ACTION_NAMES[step.action].vi}.`, en: `A reason is needed to ${ACTION_NAMES[step.action].en}.` },
      { issues: [{ path: 'reason', code: 'APPRAISAL_REASON_REQUIRED', message: { vi: 'Cần ghi lý do.', en: 'A reason is needed.' } }] },
    );
  }
  const value = step.action === 'accept' ? target : (step.value ?? target);
  return { status: next, target: value, value };
}
