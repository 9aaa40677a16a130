// The one mapping from error codes to HTTP: every BridgeworkError code and every code the HTTP
// layer raises has its status, title and documentation here, and toProblem() turns any thrown
// value into an application/problem+json body (RFC 9457). docs/api.md and /docs list this table.
import { BridgeworkError, type BridgeworkErrorCode, type ErrorDetail } from '@bridgework/core';
import { StoreUnavailableError } from '@bridgework/store';

/** Codes that only exist at the HTTP boundary. */
export type HttpErrorCode =
  | 'request.malformed'
  | 'request.too_large'
  | 'request.unsupported_media_type'
  | 'request.header_too_large'
  | 'request.timeout'
  | 'auth.missing_key'
  | 'auth.invalid_key'
  | 'auth.forbidden'
  | 'route.not_found'
  | 'method.not_allowed'
  | 'service.not_ready';

export type ProblemCode = BridgeworkErrorCode | HttpErrorCode;

/** An error raised by the HTTP layer itself (a body it cannot read, a missing key...). */
export class HttpError extends Error {
  readonly code: HttpErrorCode;
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(code: HttpErrorCode, message: string, details: ErrorDetail[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

export interface ProblemType {
  status: number;
  title: string;
  /** When a client sees it and what to do; shown in /docs. */
  description: string;
}

// A Record over the union: adding a code to core without mapping it here fails the type check.
export const PROBLEM_TYPES: Record<ProblemCode, ProblemType> = {
  'request.malformed': { status: 400, title: 'Malformed request', description: 'The body is not well-formed JSON or CSV (a syntax error, invalid UTF-8, or nesting deeper than allowed).' },
  'request.invalid': { status: 400, title: 'Invalid request', description: 'A body, query or path value does not match its schema: a wrong type, a value out of range, a missing or unknown field. `errors` lists each issue with its path.' },
  'request.too_large': { status: 413, title: 'Request body too large', description: 'The body is larger than the server accepts (1 MiB unless BRIDGEWORK_BODY_LIMIT says otherwise).' },
  'request.header_too_large': { status: 431, title: 'Request headers too large', description: 'The request headers are larger than the server accepts (16 KiB in all). The connection is closed.' },
  'request.timeout': { status: 408, title: 'Request timeout', description: 'The request (headers and body) did not arrive within the time the server waits for one (BRIDGEWORK_REQUEST_TIMEOUT). The connection is closed.' },
  'request.unsupported_media_type': { status: 415, title: 'Unsupported media type', description: 'The body is not sent as application/json (or text/csv where a route accepts CSV).' },
  'auth.missing_key': { status: 401, title: 'API key required', description: 'The route needs an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.' },
  'auth.invalid_key': { status: 401, title: 'Unknown API key', description: 'The key sent is not one this server knows.' },
  'auth.forbidden': { status: 403, title: 'Not allowed for this role', description: "The key is valid but may not do this: profiles need a key of an organization (a counsellor key), importing and deleting frameworks, organizations, keys and the audit log an admin key." },
  'route.not_found': { status: 404, title: 'No such route', description: 'No endpoint has this path. The reference is at /docs.' },
  'method.not_allowed': { status: 405, title: 'Method not allowed', description: 'The path exists but not with this method; the Allow header lists those it takes.' },
  'service.not_ready': { status: 503, title: 'Not ready', description: 'The store cannot be reached or the default framework is not loaded yet (GET /readyz).' },
  'framework.invalid': { status: 422, title: 'Invalid framework', description: 'The framework data breaks a rule of the model (schema or references); `errors` lists each issue.' },
  'framework.not_found': { status: 404, title: 'Framework not found', description: 'No framework with this id is stored.' },
  'framework.version_not_found': { status: 404, title: 'Framework version not found', description: 'The framework is stored, but not in this version.' },
  'framework.version_exists': { status: 409, title: 'Framework version exists', description: 'This (id, version) is already stored; versions are immutable. Import under another version, or delete the stored one first.' },
  'framework.empty': { status: 422, title: 'Empty framework', description: 'The framework has nothing to score.' },
  'occupation.not_found': { status: 404, title: 'Occupation not found', description: 'No occupation has this id, code or title (or it has no competency ratings). `errors` suggests close titles.' },
  'occupation.ambiguous': { status: 422, title: 'Ambiguous occupation', description: 'The code or title names several occupations; `errors` lists them: use an id.' },
  'competency.not_found': { status: 404, title: 'Competency not found', description: 'A competency id is not in the framework.' },
  'profile.invalid': { status: 422, title: 'Invalid profile', description: 'The profile breaks a rule of the model (e.g. it belongs to another framework).' },
  'profile.not_found': { status: 404, title: 'Profile not found', description: 'No stored profile has this id (it may have been erased).' },
  'profile.erasure_pending': { status: 503, title: 'Erasure pending', description: 'The profile is deleted and can no longer be read, but old copies remain in the database files while another connection holds them (a long read, a backup). Repeat the DELETE after Retry-After seconds to finish erasing it; nothing claims it is erased until then.' },
  'profile.empty': { status: 422, title: 'Empty profile', description: 'The profile names no occupation and no competency (or only occupations without ratings).' },
  'profile.quota_exceeded': { status: 403, title: 'Profile quota reached', description: "The organization holds as many profiles as its quota allows; erase one, or ask an admin to raise it (PATCH /v1/organizations/{id})." },
  'organization.not_found': { status: 404, title: 'Organization not found', description: 'No organization has this id (GET /v1/organizations lists them).' },
  'organization.exists': { status: 409, title: 'Organization exists', description: 'An organization with this id exists already.' },
  'key.not_found': { status: 404, title: 'Key not found', description: 'No active API key has this id (it may have been revoked).' },
  'cohort.empty': { status: 422, title: 'Empty cohort', description: 'The cohort has no profiles.' },
  'program.invalid': { status: 422, title: 'Invalid bridging program', description: 'The bridging program cannot be applied.' },
  'import.invalid_file': { status: 422, title: 'Invalid source file', description: 'A source file does not have the expected format; `errors` gives file:line and what was expected. Nothing was stored.' },
  'import.missing_file': { status: 422, title: 'Missing source file', description: 'The path does not exist on the server or lacks a required file. Nothing was stored.' },
  'import.failed': { status: 422, title: 'Import failed', description: 'The source could not be imported. Nothing was stored.' },
  'import.path_not_allowed': { status: 403, title: 'Path not allowed', description: 'The path lies outside the folders this server imports from (BRIDGEWORK_IMPORT_ROOTS).' },
  'import.not_found': { status: 404, title: 'Import job not found', description: 'No import job has this id (the newest 200 are kept).' },
  'store.failed': { status: 500, title: 'Storage failure', description: 'The database failed. The server logged it with the request id.' },
  internal: { status: 500, title: 'Internal error', description: 'An unexpected fault. The server logged it with the request id; nothing about your request was logged.' },
};

export const PROBLEM_CODES = Object.keys(PROBLEM_TYPES) as ProblemCode[];

/** `type` is a relative URI; GET /problems/<code> redirects to its description in /docs. */
export const problemTypeUri = (code: ProblemCode) => `/problems/${code}`;

export interface ProblemIssue {
  /** Where: `body.profile.occupations.0.years`, `query.limit`, a file:line, an occupation id. */
  path?: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The path of the request that failed. */
  instance: string;
  code: ProblemCode;
  requestId: string;
  errors: ProblemIssue[];
}

export interface ProblemResponse {
  problem: Problem;
  headers: Record<string, string>;
  /** A fault of the server (5xx): the caller logs it with the stack. */
  fault: boolean;
}

/** Seconds a client is asked to wait before trying again when the database cannot be reached. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Any thrown value as a problem. Unknown errors become `internal` with a message that reveals
 * nothing. A database that cannot be reached (StoreUnavailableError) is a 503 service.not_ready
 * with Retry-After: not the request's fault; its reason (hosts, addresses) is logged, not sent.
 */
export function toProblem(error: unknown, instance: string, requestId: string): ProblemResponse {
  if (error instanceof StoreUnavailableError) {
    const type = PROBLEM_TYPES['service.not_ready'];
    return {
      problem: {
        type: problemTypeUri('service.not_ready'),
        title: type.title,
        status: type.status,
        detail: `The database cannot be reached or did not answer in time; the server logged why as request ${requestId}. Try again shortly.`,
        instance,
        code: 'service.not_ready',
        requestId,
        errors: [],
      },
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
      fault: true,
    };
  }
  const known = error instanceof BridgeworkError || error instanceof HttpError;
  const code: ProblemCode = known ? error.code : 'internal';
  const type = PROBLEM_TYPES[code];
  // Not a fault of the server: the detail says what happened and what to do.
  const pending = code === 'profile.erasure_pending';
  const fault = type.status >= 500 && code !== 'service.not_ready' && !pending;
  const detail = fault
    ? `${type.title}: the server logged it as request ${requestId}; quote that id when reporting it.`
    : known
      ? error.message
      : type.title;
  return {
    problem: {
      type: problemTypeUri(code),
      title: type.title,
      status: type.status,
      detail,
      instance,
      code,
      requestId,
      errors: known && !fault ? error.details.map(toIssue) : [],
    },
    headers: error instanceof HttpError ? error.headers : pending ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {},
    fault,
  };
}

function toIssue(detail: ErrorDetail): ProblemIssue {
  return detail.where !== undefined ? { path: detail.where, message: detail.message } : { message: detail.message };
}

/** A problem as the bytes of its JSON body. */
export function problemResponseBytes(problem: Problem): Buffer {
  return Buffer.from(JSON.stringify(problem), 'utf8');
}

export function problemResponse({ problem, headers }: ProblemResponse): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
