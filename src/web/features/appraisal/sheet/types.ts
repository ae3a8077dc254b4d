import type { z } from 'zod';
import type { AgreementBody, AgreementVersion, MySheets, ReviewBody, Sheet, SheetGroup, SheetItem, SheetItemsBody, TARGET_STATUSES } from '../../../../contract/appraisal';

// Types only: the zod schemas stay out of the web bundle.
export type SheetT = z.infer<typeof Sheet>;
export type SheetItemT = z.infer<typeof SheetItem>;
export type SheetGroupT = z.infer<typeof SheetGroup>;
export type MySheetsT = z.infer<typeof MySheets>;
export type AgreementVersionT = z.infer<typeof AgreementVersion>;
export type AgreementBodyT = z.input<typeof AgreementBody>;
export type ReviewBodyT = z.input<typeof ReviewBody>;
export type SheetItemsBodyT = z.input<typeof SheetItemsBody>;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
