import type { z } from 'zod';
import type {
  AssignBody,
  AssignResult,
  BonusRule,
  BonusRuleBody,
  Calibration,
  CalibrateBody,
  Consensus,
  Cycle,
  CycleBody,
  Pay,
  PayBody,
  PayScenario,
  PhaseBody,
  SheetList,
  SheetSummary,
  Template,
  TemplateBody,
  TemplateGroup,
  TemplateItem,
} from '../../../../contract/appraisal';

// Types only, inferred from the server's contract: the zod schemas stay out of the web bundle.
export type CycleT = z.infer<typeof Cycle>;
export type CycleBodyT = z.input<typeof CycleBody>;
export type PhaseBodyT = z.input<typeof PhaseBody>;
export type AssignBodyT = z.input<typeof AssignBody>;
export type AssignResultT = z.infer<typeof AssignResult>;
export type SheetSummaryT = z.infer<typeof SheetSummary>;
export type SheetListT = z.infer<typeof SheetList>;
export type ConsensusT = z.infer<typeof Consensus>;
export type CalibrationT = z.infer<typeof Calibration>;
export type CalibrateBodyT = z.input<typeof CalibrateBody>;
export type PayT = z.infer<typeof Pay>;
export type PayBodyT = z.input<typeof PayBody>;
export type PayScenarioT = z.input<typeof PayScenario>;
export type TemplateT = z.infer<typeof Template>;
export type TemplateBodyT = z.input<typeof TemplateBody>;
export type TemplateGroupT = z.input<typeof TemplateGroup>;
export type TemplateItemT = z.input<typeof TemplateItem>;
export type BonusRuleT = z.infer<typeof BonusRule>;
export type BonusRuleBodyT = z.input<typeof BonusRuleBody>;
