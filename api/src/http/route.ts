// A route is declared once, as data: method, path, who may call it, the zod schemas of its path
// parameters, query and body, its responses, and a handler. mountRoutes() turns the declarations
// into Hono routes (auth and body middleware, then parsing); the OpenAPI document is generated from
// the same declarations, so the reference cannot disagree with the code.
import type { Context, Hono } from 'hono';
import { BridgeworkError, describeZodIssue, type ErrorDetail } from '@bridgework/core';
import { z } from 'zod';
import type { ApiConfig, Role } from '../config.ts';
import type { BridgeworkService } from '@bridgework/service';
import type { AppEnv } from './app-env.ts';
import { authorize, type Access } from './auth.ts';
import { readBody, type BodyKind } from './body.ts';
import type { ProblemCode } from './problems.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteResponse {
  status: number;
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface HandlerInput<Params, Query, Body> {
  c: Context<AppEnv>;
  service: BridgeworkService;
  config: ApiConfig;
  params: Params;
  query: Query;
  /** The parsed JSON body; undefined when the route takes none or a CSV body was sent. */
  body: Body;
  /** The raw text of a text/csv body. */
  csv?: string;
  role?: Role;
}

export interface Route<Params = unknown, Query = unknown, Body = unknown> {
  method: Method;
  /** Hono syntax: /v1/frameworks/:id */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /** Body media types besides JSON (the cohort route takes text/csv). */
  accepts?: readonly BodyKind[];
  responses: RouteResponse[];
  /** Problem codes worth listing for this route, besides the ones every route can return. */
  problems?: readonly ProblemCode[];
  // A method (not a property) so that routes with different types fit in one list.
  handle(input: HandlerInput<Params, Query, Body>): Promise<Response> | Response;
}

/** Identity, for inference: the schemas type the handler's input. */
export function defineRoute<Params = Record<string, never>, Query = Record<string, never>, Body = undefined>(
  route: Route<Params, Query, Body>,
): Route<Params, Query, Body> {
  return route;
}

// `any` here only: handlers are contravariant in their input, so no narrower type holds them all.
export type AnyRoute = Route<any, any, any>;

const EMPTY = z.strictObject({});

export function mountRoutes(app: Hono<AppEnv>, routes: readonly AnyRoute[], service: BridgeworkService, config: ApiConfig): void {
  for (const route of routes) {
    const bodyKinds: BodyKind[] = route.body ? ['json', ...(route.accepts ?? [])] : [];
    app.on(
      route.method,
      route.path,
      authorize(route.access, config.apiKeys, config.publicRead, service),
      ...(bodyKinds.length > 0 ? [readBody(bodyKinds, config.bodyLimit)] : []),
      async (c) => {
        const raw = c.get('body');
        return route.handle({
          c,
          service,
          config,
          // A route without path parameters or query has nothing to check there unless a query
          // was sent (which the empty strict schema then refuses).
          params: route.params ? parse(route.params, c.req.param(), 'path') : {},
          query: route.query || c.req.url.includes('?') ? parse(route.query ?? EMPTY, queryObject(c.req.url), 'query') : {},
          body: raw?.kind === 'json' ? parse(route.body!, raw.value, 'body') : undefined,
          ...(raw?.kind === 'csv' ? { csv: raw.text } : {}),
          ...(c.get('role') !== undefined ? { role: c.get('role') } : {}),
        });
      },
    );
  }
}

/** Parse, don't validate: a schema failure is a 400 listing every issue with its path. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, location: 'path' | 'query' | 'body'): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.map((issue) => ({
    where: [location, ...issue.path.map(String)].join('.'),
    message: describeZodIssue(issue),
  }));
  const first = details[0]!;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  throw new BridgeworkError('request.invalid', `${first.where}: ${first.message}${more}`, details);
}

/**
 * Query parameters as an object; a parameter given twice is refused rather than guessed at. The
 * object has no prototype, so `__proto__` is an own key (which the strict schemas refuse) and
 * not a write to the prototype that no schema would see.
 */
function queryObject(url: string): Record<string, string> {
  const query = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URL(url).searchParams) {
    if (Object.hasOwn(query, key)) {
      throw new BridgeworkError('request.invalid', `query.${key}: given more than once`, [{ where: `query.${key}`, message: 'given more than once' }]);
    }
    query[key] = value;
  }
  return query;
}

/** Hono path pattern -> RegExp, to tell "wrong method" (405) from "no such path" (404). */
export function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** For a path no route matched: the methods other routes take on it (empty: no such path). */
export function allowedMethods(routes: readonly AnyRoute[]): (path: string) => string[] {
  const patterns = routes.map((route) => ({ pattern: pathPattern(route.path), method: route.method }));
  return (path) => {
    const methods = new Set<string>();
    for (const { pattern, method } of patterns) if (pattern.test(path)) methods.add(method);
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
