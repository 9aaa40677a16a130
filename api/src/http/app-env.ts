// What the middleware leaves on the Hono context for the handlers.
import type { Role } from '../config.ts';

export type RequestBody = { kind: 'json'; value: unknown } | { kind: 'csv'; text: string };

export interface AppEnv {
  Variables: {
    requestId: string;
    /** The role of a valid API key, when one was sent. */
    role?: Role;
    body?: RequestBody;
  };
}
