// The O*NET text-release importer (see README.md for what each file becomes).
export { importOnet, type OnetImportOptions } from './import-onet.ts';
export { ONET_FILES, RATING_FILES } from './release-files.ts';
export { ESSENTIAL_IMPORTANCE } from './ratings.ts';
export { JOB_ZONES } from './job-zones.ts';
export { EDUCATION_LEVELS } from './education-levels.ts';
