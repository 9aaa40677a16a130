// Every PostgreSQL migration, in the order they apply. Append new ones; never edit a released one.
import type { Migration } from '../../migration.ts';
import { initial } from './001-initial.ts';
import { erasures } from './002-erasures.ts';
import { importJobs } from './003-import-jobs.ts';
import { organizations } from './004-organizations.ts';

export const MIGRATIONS: readonly Migration[] = [initial, erasures, importJobs, organizations];
