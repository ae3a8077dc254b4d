import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { agreementActions, agreementParty, nextAgreement, type AgreementStatus } from './agreement';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
}

describe('target agreement state machine', () => {
  it('runs the whole flow: propose 120 → counter 100 → manager accepts 100 → revise 110 → accept → finalize 105', () => {
    let s = nextAgreement('none', null, { action: 'propose', value: 120 });
    expect(s).toEqual({ status: 'proposed', target: 120, value: 120 });
    s = nextAgreement(s.status, s.target, { action: 'counter', value: 100, reason: 'Thị trường giảm' });
    expect(s).toEqual({ status: 'countered', target: 100, value: 100 });
    expect(agreementParty('countered', 'accept')).toBe('manager');
    s = nextAgreement(s.status, s.target, { action: 'accept' });
    expect(s).toEqual({ status: 'agreed', target: 100, value: 100 });
    // Editing an agreed target sends it back for agreement.
    s = nextAgreement(s.status, s.target, { action: 'revise', value: 110 });
    expect(s).toEqual({ status: 'proposed', target: 110, value: 110 });
    expect(agreementParty('proposed', 'accept')).toBe('employee');
    s = nextAgreement(s.status, s.target, { action: 'accept' });
    expect(s).toEqual({ status: 'agreed', target: 110, value: 110 });
    s = nextAgreement(s.status, s.target, { action: 'finalize', value: 105, reason: 'Ban giám đốc chốt' });
    expect(s).toEqual({ status: 'finalized', target: 105, value: 105 });
    s = nextAgreement(s.status, s.target, { action: 'revise', value: 90 });
    expect(s.status).toBe('proposed');
  });

  it('finalize keeps the value on the table when none is given, and needs one when there is no target', () => {
    expect(nextAgreement('countered', 100, { action: 'finalize', reason: 'Chốt theo đề xuất của nhân viên' })).toEqual({ status: 'finalized', target: 100, value: 100 });
    expect(codeOf(() => nextAgreement('none', null, { action: 'finalize', reason: 'x' }))).toBe('APPRAISAL_TARGET_REQUIRED');
    expect(nextAgreement('none', null, { action: 'finalize', value: 7, reason: 'x' }).status).toBe('finalized');
  });

  it('refuses steps the status does not allow with APPRAISAL_AGREEMENT_STATE', () => {
    const refused: [AgreementStatus, Parameters<typeof nextAgreement>[2]][] = [
      ['none', { action: 'accept' }],
      ['none', { action: 'counter', value: 1, reason: 'r' }],
      ['none', { action: 'revise', value: 1 }],
      ['proposed', { action: 'propose', value: 1 }],
      ['countered', { action: 'counter', value: 1, reason: 'r' }],
      ['agreed', { action: 'accept' }],
      ['agreed', { action: 'counter', value: 1, reason: 'r' }],
      ['finalized', { action: 'accept' }],
    ];
    for (const [status, step] of refused) expect(codeOf(() => nextAgreement(status, 5, step)), `${status} ${step.action}`).toBe('APPRAISAL_AGREEMENT_STATE');
    expect(agreementActions('agreed')).toEqual(['revise', 'finalize']);
  });

  it('a counter-proposal and a finalize need a reason; propose, counter and revise need a value', () => {
    expect(codeOf(() => nextAgreement('proposed', 120, { action: 'counter', value: 100, reason: '  ' }))).toBe('APPRAISAL_REASON_REQUIRED');
    expect(codeOf(() => nextAgreement('proposed', 120, { action: 'finalize', value: 100 }))).toBe('APPRAISAL_REASON_REQUIRED');
    expect(codeOf(() => nextAgreement('proposed', 120, { action: 'counter', reason: 'r' }))).toBe('APPRAISAL_TARGET_REQUIRED');
    expect(codeOf(() => nextAgreement('none', null, { action: 'propose' }))).toBe('APPRAISAL_TARGET_REQUIRED');
  });
});
