export { addWorkingDays, isWorkingDay, nextWorkingDay, STANDARD_CALENDAR, workingCalendar, type WorkingCalendar } from './working-days';
export { localHour, zonedInstant } from './zoned-time';
export {
  deadlineEnds,
  DEFAULT_STAGE_OFFSETS,
  REMINDER_HOUR,
  REMINDER_STAGES,
  reportingDeadline,
  stageDays,
  stageInstant,
  type ReminderStage,
  type StageOffsets,
} from './deadline';
export { DUE_SOON_DAYS, measurementState, type MeasurementState } from './measurement-state';
