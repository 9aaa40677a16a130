// NOC 2021: the official structure CSV or the unit-group JSON -> the core model.
import type { Importer } from '../import-result.ts';
import { importNoc as importNocFile } from './import-noc.ts';

export const importNoc: Importer = importNocFile;
export { NOC_STRUCTURE_FILE } from './import-noc.ts';
export { readNocStructure, type NocStructure } from './structure-csv.ts';
export { readNocUnitGroups, type NocUnitGroups } from './unit-groups-json.ts';
export { nocFieldPath, teerOf, NOC_LEVEL_NAMES, type NocClass, type NocLevel } from './noc-classes.ts';
export { OPEN_GOVERNMENT_LICENCE_CANADA } from './open-government-licence.ts';
