// The API describes itself: /openapi.json (generated from the route declarations), /docs (the same
// document as one HTML page), and /problems/<code> (each problem type's entry in /docs).
import { jsonResponse } from '../http/json-response.ts';
import { defineRoute } from '../http/route.ts';
import { HttpError, PROBLEM_TYPES } from '../http/problems.ts';
import type { OpenApiDocument } from '../openapi/document.ts';
import { renderDocs } from '../openapi/html.ts';
import { ProblemParams } from '../schemas/requests.ts';

export function docsRoutes(document: () => OpenApiDocument) {
  let page: string | undefined;
  return [
    defineRoute({
      method: 'GET',
      path: '/openapi.json',
      operationId: 'openapi',
      tag: 'Reference',
      summary: 'This API as an OpenAPI 3.1 document',
      access: 'open',
      responses: [{ status: 200, description: 'The document.' }],
      handle: ({ c }) => jsonResponse(c, document()),
    }),
    defineRoute({
      method: 'GET',
      path: '/docs',
      operationId: 'docs',
      tag: 'Reference',
      summary: 'This API as a readable HTML page',
      access: 'open',
      responses: [{ status: 200, description: 'The reference.', contentType: 'text/html' }],
      handle: ({ c }) => {
        // Everything on the page is inline: no script runs, nothing loads from elsewhere.
        c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        return c.html((page ??= renderDocs(document())));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/problems/:code',
      operationId: 'problemType',
      tag: 'Reference',
      summary: 'Where a problem `type` URI leads: its entry in /docs',
      access: 'open',
      params: ProblemParams,
      responses: [{ status: 302, description: 'Redirect to the entry in /docs.' }],
      problems: ['route.not_found'],
      handle: ({ c, params }) => {
        if (!Object.hasOwn(PROBLEM_TYPES, params.code)) throw new HttpError('route.not_found', `no problem type "${params.code}"; /docs lists them`);
        return c.redirect(`/docs#problem-${params.code}`, 302);
      },
    }),
  ];
}
