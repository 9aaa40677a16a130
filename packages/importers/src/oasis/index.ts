// OaSIS 2023: ESDC's published CSV files -> the core model.
import type { Importer } from '../import-result.ts';
import { importOasis as importOasisFolder } from './import-oasis.ts';

export const importOasis: Importer = importOasisFolder;
export { normalizeProfileCode } from './profile-code.ts';
export { RATING_FAMILIES, ratedRequirement, type RatingFamily, type RatingScale } from './rating-scales.ts';
export { OASIS_FILES, type OasisFileKey } from './oasis-files.ts';
