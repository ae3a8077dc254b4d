import appraisalEn from './appraisal.en.json';
import appraisalVi from './appraisal.vi.json';
import datasetsEn from './datasets.en.json';
import datasetsVi from './datasets.vi.json';
import en from './en.json';
import kpiBindingEn from './kpi-binding.en.json';
import kpiBindingVi from './kpi-binding.vi.json';
import marketingEn from './marketing.en.json';
import marketingVi from './marketing.vi.json';
import sheetEn from './sheet.en.json';
import sheetVi from './sheet.vi.json';
import vi from './vi.json';
import diagnosticsEn from './diagnostics.en.json';
import diagnosticsVi from './diagnostics.vi.json';
import calendarEn from './calendar.en.json';
import calendarVi from './calendar.vi.json';
import notificationsEn from './notifications.en.json';
import notificationsVi from './notifications.vi.json';
import reportsEn from './reports.en.json';
import reportsVi from './reports.vi.json';
import exportsEn from './exports.en.json';
import exportsVi from './exports.vi.json';

/** The whole dictionary per language: the main file plus one file per large area (each area has its own top-level keys). */
export const VI = { ...vi, ...appraisalVi, ...sheetVi, ...datasetsVi, ...marketingVi, ...kpiBindingVi, ...diagnosticsVi, ...calendarVi, ...notificationsVi, ...reportsVi, ...exportsVi };
export const EN = { ...en, ...appraisalEn, ...sheetEn, ...datasetsEn, ...marketingEn, ...kpiBindingEn, ...diagnosticsEn, ...calendarEn, ...notificationsEn, ...reportsEn, ...exportsEn };
