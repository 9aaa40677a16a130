// @bridgework/service: the service the HTTP API and the `bridgework` command share, so both give
// the same answers over the same store: framework versions and their compiled indexes, imports,
// the analyses and counsellors' profiles. It knows no HTTP and no database library.
export {
  BridgeworkService,
  KEY_CACHE_MS,
  keyDigest,
  type CohortSubject,
  type FrameworkRef,
  type ProfileSubject,
  type Readiness,
  type ServiceOptions,
  type StartupReport,
} from './service.ts';
export type { Confinement, ImportHooks, ImportReport, ImportRequest } from './framework-sources.ts';
export { ImportJobs, STALE_MS, type ImportJob, type ImportJobStatus, type ImportRunner } from './import-jobs.ts';
export { runImportInChild, IMPORT_HEAP_MIB } from './import-process.ts';
export type { ImportProgressMessage, ImportTask } from './import-child.ts';
export { checkSourcePath, stageSource, outsideRoots, MAX_IMPORT_BYTES, type StagedSource } from './stage-source.ts';
export { publicImportError, withoutContent } from './import-error.ts';
export { IndexCache, type CompiledFramework } from './index-cache.ts';
export { Catalogue } from './catalogue.ts';
export type { CompetencySummary, OccupationDetail, OccupationSummary, Page, PageQuery } from './catalogue.ts';
export { parseCohortCsv, COHORT_COLUMNS, COMPETENCY_COLUMN_PREFIX, MAX_CSV_CELL, MAX_CSV_COLUMNS } from './cohort-csv.ts';
export {
  cohortSize,
  pathwayLimitMessage,
  pathwayWork,
  MAX_COHORT_LEVELS,
  MAX_COHORT_OCCUPATIONS,
  MAX_COHORT_SIZE,
  MAX_PATHWAY_WORK,
} from './limits.ts';
export {
  loadServiceSettings,
  databaseSetting,
  parseSources,
  BUNDLED_DEFAULT_FRAMEWORK,
  BUNDLED_IMPORTS,
  CURATED_FRAMEWORK,
  CURATED_FRAMEWORK_ID,
  DEFAULT_DATABASE,
  DEFAULT_DB_PATH,
  DEFAULT_FRAMEWORK_ID,
  REPO_ROOT,
  type DefaultFramework,
  type FrameworkSource,
  type ServiceSettings,
} from './settings.ts';
