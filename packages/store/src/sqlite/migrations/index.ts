// Every SQLite migration, in the order they apply. Append new ones; never edit a released one.
import { initial } from './001-initial.ts';
import { importSources } from './002-import-sources.ts';
import { erasures } from './003-erasures.ts';
import { importJobs } from './004-import-jobs.ts';
import { organizations } from './005-organizations.ts';
import type { Migration } from '../../migration.ts';

export type { Migration } from '../../migration.ts';

export const MIGRATIONS: readonly Migration[] = [initial, importSources, erasures, importJobs, organizations];
