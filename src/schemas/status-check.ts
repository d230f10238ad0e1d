import { CheckBaseSchema } from './check-base.ts';

/**
 * What /status needs of a check: the `CheckBase` fields minus probe settings. Kind-specific fields are
 * validated strictly by the probe stage (`src/schemas/check.ts`); here they are dropped to keep the
 * collection small.
 */
export const StatusCheckSchema = CheckBaseSchema.pick({ id: true, title: true, description: true, group: true, freshness: true, docs: true });
