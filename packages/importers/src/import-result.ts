// What every importer takes and returns, so the CLI, the API and the store treat them alike.
import type { FrameworkData } from '@bridgework/core';

export interface ImportProgress {
  /** What is being read, e.g. "Skills.txt". */
  phase: string;
  done: number;
  /** Known for byte-based progress; absent when the total cannot be known cheaply. */
  total?: number;
}

export interface ImportOptions {
  /** Framework id to store under; each importer has a default (onet, esco, ...). */
  id?: string;
  /** Version label; each importer derives one from the release when it can. */
  version?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  data: FrameworkData;
  /** Non-fatal findings a person should see: a missing optional file, skipped rows and why. */
  warnings: string[];
  /** Row counts read per source file, for the summary and for tests against the sources. */
  rowsRead: Record<string, number>;
}

export type Importer = (path: string, options?: ImportOptions) => Promise<ImportResult>;
