import type { ReminderStage } from '../../core/calendar';
import type { Lang } from '../../core/errors';
import { ddmmyyyy, type IsoDate } from '../../core/period';

export interface ReminderFacts {
  stage: ReminderStage;
  kpiCode: string;
  kpiName: string;
  kpiNameEn: string | null;
  periodKey: string;
  scopeLabel: string;
  deadline: IsoDate;
  /** Who should have measured (named in escalations). */
  measurerName: string;
}


/** The title and body of a reminder in a language: the KPI, the period and the deadline dd/mm/yyyy (the link goes with the notice). */
export function reminderText(f: ReminderFacts, lang: Lang): { title: string; body: string } {
  const deadline = ddmmyyyy(f.deadline);
  if (lang === 'en') {
    const kpi = `${f.kpiCode} – ${f.kpiNameEn ?? f.kpiName}`;
    const what = `${kpi}, period ${f.periodKey} (${f.scopeLabel})`;
    const title = {
      before: `Due soon: ${kpi} for ${f.periodKey}`,
      late: `Late: ${kpi} for ${f.periodKey}`,
      escalation: `Not measured: ${kpi} for ${f.periodKey}`,
      'escalation-2': `Still not measured: ${kpi} for ${f.periodKey}`,
    }[f.stage];
    const body = {
      before: `Please enter the actual of ${what} by ${deadline}.`,
      late: `The actual of ${what} was due on ${deadline} and is not in yet. Please enter it now.`,
      escalation: `${f.measurerName} has not entered the actual of ${what}, due on ${deadline}.`,
      'escalation-2': `${f.measurerName} has still not entered the actual of ${what}, due on ${deadline} (second escalation).`,
    }[f.stage];
    return { title, body };
  }
  const kpi = `${f.kpiCode} – ${f.kpiName}`;
  const what = `${kpi}, kỳ ${f.periodKey} (${f.scopeLabel})`;
  const title = {
    before: `Sắp đến hạn: ${kpi} kỳ ${f.periodKey}`,
    late: `Quá hạn: ${kpi} kỳ ${f.periodKey}`,
    escalation: `Chưa nhập số liệu: ${kpi} kỳ ${f.periodKey}`,
    'escalation-2': `Vẫn chưa nhập số liệu: ${kpi} kỳ ${f.periodKey}`,
  }[f.stage];
  const body = {
    before: `Vui lòng nhập kết quả thực hiện của ${what} trước hết ngày ${deadline}.`,
    late: `Kết quả thực hiện của ${what} đến hạn ngày ${deadline} nhưng chưa được nhập. Vui lòng nhập ngay.`,
    escalation: `${f.measurerName} chưa nhập kết quả thực hiện của ${what}, hạn ngày ${deadline}.`,
    'escalation-2': `${f.measurerName} vẫn chưa nhập kết quả thực hiện của ${what}, hạn ngày ${deadline} (nhắc cấp 2).`,
  }[f.stage];
  return { title, body };
}
