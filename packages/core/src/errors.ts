// One error type for the whole engine: a stable snake_case code that the API maps to
// problem+json in one place, a message a person can act on, and structured details.

export type BridgeworkErrorCode =
  | 'framework.invalid'
  | 'framework.not_found'
  | 'framework.version_not_found'
  | 'framework.version_exists'
  | 'framework.empty'
  | 'occupation.not_found'
  | 'occupation.ambiguous'
  | 'competency.not_found'
  | 'profile.invalid'
  | 'profile.not_found'
  | 'profile.empty'
  | 'profile.erasure_pending'
  | 'profile.quota_exceeded'
  | 'organization.not_found'
  | 'organization.exists'
  | 'key.not_found'
  | 'cohort.empty'
  | 'program.invalid'
  | 'import.invalid_file'
  | 'import.missing_file'
  | 'import.failed'
  | 'import.path_not_allowed'
  | 'import.not_found'
  | 'store.failed'
  | 'request.invalid'
  | 'internal';

export interface ErrorDetail {
  /** Where the problem is: a file path, a JSON path, a field. */
  where?: string;
  message: string;
}

export class BridgeworkError extends Error {
  readonly code: BridgeworkErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: BridgeworkErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'BridgeworkError';
    this.code = code;
    this.details = details;
  }
}

export function isBridgeworkError(value: unknown): value is BridgeworkError {
  return value instanceof BridgeworkError;
}
