// An occupation in one framework matched to an occupation in another.
import { z } from 'zod';
import { Id, Unit } from './common.ts';

export const Crosswalk = z.strictObject({
  fromFramework: Id,
  fromOccupation: Id,
  toFramework: Id,
  toOccupation: Id,
  confidence: Unit.default(1),
  source: z.string().trim().min(1),
});
export type Crosswalk = z.infer<typeof Crosswalk>;
