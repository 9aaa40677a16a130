// Occupation crosswalks between frameworks: NOC 2021 -> O*NET-SOC and ESCO -> O*NET-SOC.
export { readCrosswalk } from './read-crosswalk.ts';
export type { CrosswalkOptions, CrosswalkResult } from './crosswalk-options.ts';
export { importCrosswalk } from './import-crosswalk.ts';
