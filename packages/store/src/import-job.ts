// An import job as the store keeps it: the service's record of an import running in another
// process (its state is the service's to define), stored so that every process on the database
// can answer for it.

export interface ImportJobRecord {
  /** Chosen by the caller (a UUID). */
  id: string;
  /** ISO 8601: when it was first saved, and last saved. */
  createdAt: string;
  updatedAt: string;
  /** The job's state as the service wrote it (JSON). */
  job: Record<string, unknown>;
}

/** Jobs kept; older ones are dropped as new ones are saved. */
export const KEPT_IMPORT_JOBS = 200;
