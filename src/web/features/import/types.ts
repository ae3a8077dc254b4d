import type { z } from 'zod';
import type { ColumnMapping, ImportActualsResult, ImportPreview } from '../../../contract/actuals-import';

export type ImportPreviewT = z.infer<typeof ImportPreview>;
export type ImportResultT = z.infer<typeof ImportActualsResult>;
export type ColumnMappingT = z.infer<typeof ColumnMapping>;
export type Decimal = 'comma' | 'dot';
