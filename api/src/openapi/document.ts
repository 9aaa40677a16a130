// The OpenAPI 3.1 document, generated from the route declarations and their zod schemas with
// zod's own z.toJSONSchema (JSON Schema 2020-12, the dialect OpenAPI 3.1 uses). Request bodies
// are described as clients send them (defaults optional), responses as the server returns them.
import { z } from 'zod';
import type { Access } from '../http/auth.ts';
import { PROBLEM_TYPES, problemTypeUri, type ProblemCode } from '../http/problems.ts';
import type { AnyRoute } from '../http/route.ts';
import { REQUEST_COMPONENTS } from '../schemas/requests.ts';
import { RESPONSE_COMPONENTS } from '../schemas/responses.ts';
import { ADMIN_COMPONENTS } from '../schemas/admin.ts';

export const API_VERSION = '0.1.0';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers?: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
  'x-problem-types': Record<string, { status: number; title: string; description: string; type: string }>;
}

const TAGS: Record<string, string> = {
  Frameworks: 'Stored competency frameworks and their versions; imports (admin).',
  Occupations: 'Occupations of a framework: search and detail.',
  Competencies: 'Competencies of a framework.',
  Analyses: 'Ranking, comparison, matrix, cohort gaps, what-if and pathways.',
  Profiles: "Counsellors' case files (personal data: a key of the organization that holds them).",
  Organizations: 'Organizations, their API keys and the audit log of their profiles (admin).',
  Health: 'Liveness and readiness.',
  Reference: 'This document and its HTML rendering.',
};

/** Problems any route may answer, by what the route takes. */
function commonProblems(route: AnyRoute): ProblemCode[] {
  const codes: ProblemCode[] = [];
  if (route.params || route.query || route.body) codes.push('request.invalid');
  if (route.body) codes.push('request.malformed', 'request.too_large', 'request.unsupported_media_type');
  if (route.access !== 'open') codes.push('auth.missing_key', 'auth.invalid_key', 'auth.forbidden');
  return codes;
}

export function openApiDocument(routes: readonly AnyRoute[]): OpenApiDocument {
  const responseComponents = { ...RESPONSE_COMPONENTS, ...ADMIN_COMPONENTS };
  const components = {
    ...componentSchemas(REQUEST_COMPONENTS, 'input'),
    ...componentSchemas(responseComponents, 'output'),
  };
  const requestNames = new Map(Object.entries(REQUEST_COMPONENTS).map(([name, schema]) => [schema, name]));
  const responseNames = new Map(Object.entries(responseComponents).map(([name, schema]) => [schema, name]));
  const paths: OpenApiDocument['paths'] = {};

  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
    const problems = [...new Set([...commonProblems(route), ...(route.problems ?? []), 'internal' as const])];
    const responses: Record<string, unknown> = {};
    for (const r of route.responses) {
      const name = r.schema && responseNames.get(r.schema);
      responses[String(r.status)] = {
        description: r.description,
        ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: name ? ref(name) : jsonSchema(r.schema, 'output') } } } : {}),
      };
    }
    for (const [status, codes] of groupByStatus(problems)) {
      responses[String(status)] = {
        description: codes.map((code) => `\`${code}\`: ${PROBLEM_TYPES[code].title}`).join('; '),
        content: { 'application/problem+json': { schema: ref('Problem') } },
      };
    }
    const bodyName = route.body && requestNames.get(route.body);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      'x-access': route.access,
      security: securityOf(route.access),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: bodyName ? ref(bodyName) : jsonSchema(route.body, 'input') },
                ...(route.accepts?.includes('csv') ? { 'text/csv': { schema: { type: 'string', description: 'One row per person; see the description.' } } } : {}),
              },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Bridgework API',
      version: API_VERSION,
      description:
        'Competency mapping and alternative careers for internationally educated professionals in Canada. Errors are application/problem+json (RFC 9457) with a stable `type`; see `x-problem-types`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer <key>`.' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The same key in a header of its own.' },
      },
    },
    'x-problem-types': Object.fromEntries(
      Object.entries(PROBLEM_TYPES).map(([code, t]) => [code, { ...t, type: problemTypeUri(code as ProblemCode) }]),
    ),
  };
}

function securityOf(access: Access): Record<string, string[]>[] {
  if (access === 'open') return [];
  const keyed: Record<string, string[]>[] = [{ bearer: [] }, { apiKey: [] }];
  // An empty requirement object makes the key optional (public read).
  return access === 'read' ? [{}, ...keyed] : keyed;
}

function ref(name: string) {
  return { $ref: `#/components/schemas/${name}` };
}

/** Named schemas through one zod registry, so they reference each other instead of repeating. */
function componentSchemas(named: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, strip(schema as JsonSchema)]));
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return strip(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema);
}

/** `$schema` and `$id` belong to stand-alone documents, not to schemas inside OpenAPI. */
function strip({ $schema: _schema, $id: _id, ...rest }: JsonSchema): JsonSchema {
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as JsonSchema & { description?: string };
    return {
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function groupByStatus(codes: readonly ProblemCode[]): [number, ProblemCode[]][] {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) {
    const status = PROBLEM_TYPES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return [...byStatus.entries()].sort((a, b) => a[0] - b[0]);
}
