// What the middleware leaves on the Hono context for the handlers.
import type { Role } from '../config.ts';

/** The caller of a request with a valid key. */
export interface Principal {
  /** The key's id: `key_...` for a stored key, `env:<n>` for the n-th of BRIDGEWORK_API_KEYS. */
  actor: string;
  role: Role;
  organization?: string;
}

export type RequestBody = { kind: 'json'; value: unknown } | { kind: 'csv'; text: string };

export interface AppEnv {
  Variables: {
    requestId: string;
    /** The role of a valid API key, when one was sent. */
    role?: Role;
    /** Who sent it: the key's id, role and organization. */
    principal?: Principal;
    body?: RequestBody;
  };
}
