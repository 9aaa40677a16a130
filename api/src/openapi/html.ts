// The human-readable reference at /docs, rendered on the server from the OpenAPI document: one
// self-contained page (inline CSS, no script, nothing fetched from elsewhere).
import type { OpenApiDocument } from './document.ts';

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
  additionalProperties?: Schema | boolean;
};

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  'x-access': string;
  tags: string[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

const ACCESS: Record<string, string> = {
  open: 'open to anyone',
  read: 'open unless BRIDGEWORK_PUBLIC_READ=false (then any key)',
  counsellor: 'counsellor or admin key',
  admin: 'admin key',
};

/** Text made safe for HTML element content and double-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
const e = escapeHtml;

export function renderDocs(doc: OpenApiDocument): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Operation })),
  );
  const byTag = doc.tags.map((tag) => ({ tag, ops: operations.filter((o) => o.op.tags.includes(tag.name)) })).filter((t) => t.ops.length > 0);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.info.title)} ${e(doc.info.version)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(doc.info.title)} <small>${e(doc.info.version)}</small></h1>
<p>${inline(doc.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p></header>
<nav><h2>Contents</h2><ul>
${byTag.map(({ tag, ops }) => `<li>${e(tag.name)}<ul>${ops.map(({ method, path, op }) => `<li><a href="#op-${e(op.operationId)}"><code>${e(method)} ${e(path)}</code></a></li>`).join('')}</ul></li>`).join('\n')}
<li><a href="#auth">Authentication</a></li><li><a href="#problems">Problem types</a></li><li><a href="#schemas">Schemas</a></li>
</ul></nav>
<main>
${byTag.map(({ tag, ops }) => `<section><h2>${e(tag.name)}</h2><p>${e(tag.description)}</p>${ops.map(renderOperation).join('\n')}</section>`).join('\n')}
<section id="auth"><h2>Authentication</h2>
<p>Send an API key as <code>Authorization: Bearer &lt;key&gt;</code> or <code>X-API-Key: &lt;key&gt;</code>. Keys have a role:
<b>counsellor</b> (profiles, and analyses of stored profiles by <code>profileId</code>) or <b>admin</b> (everything, including importing and deleting frameworks).
Framework reads and analyses of inline profiles need no key unless the server sets <code>BRIDGEWORK_PUBLIC_READ=false</code>.</p>
<p>A missing key where one is needed is a 401, a key of the wrong role a 403. Bodies are JSON (<code>Content-Type: application/json</code>), at most the configured size (1&nbsp;MiB by default).</p></section>
<section id="problems"><h2>Problem types</h2>
<p>Every error is <code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>, <code>instance</code> (the request path), <code>code</code>, <code>requestId</code> and <code>errors</code> (each issue with its path).</p>
<table><thead><tr><th>type</th><th>status</th><th>title</th><th>when</th></tr></thead><tbody>
${Object.entries(doc['x-problem-types']).map(([code, p]) => `<tr id="problem-${e(code)}"><td><code>${e(p.type)}</code></td><td>${p.status}</td><td>${e(p.title)}</td><td>${inline(p.description)}</td></tr>`).join('\n')}
</tbody></table></section>
<section id="schemas"><h2>Schemas</h2>
${Object.entries(doc.components.schemas).map(([name, schema]) => `<article id="schema-${e(name)}"><h3>${e(name)}</h3>${schema.description ? `<p>${inline(String(schema.description))}</p>` : ''}${renderSchema(schema as Schema, 0)}</article>`).join('\n')}
</section>
</main>
</body>
</html>
`;
}

function renderOperation({ method, path, op }: { method: string; path: string; op: Operation }): string {
  const body = op.requestBody?.content;
  return `<article class="op" id="op-${e(op.operationId)}">
<h3><span class="method ${e(method.toLowerCase())}">${e(method)}</span> <code>${e(path)}</code></h3>
<p><b>${e(op.summary)}</b>. Access: ${e(ACCESS[op['x-access']] ?? op['x-access'])}.</p>
${op.description ? `<p>${inline(op.description)}</p>` : ''}
${op.parameters?.length ? `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr></thead><tbody>${op.parameters.map((p) => `<tr><td><code>${e(p.name)}</code>${p.required ? ' <i>required</i>' : ''}</td><td>${e(p.in)}</td><td>${typeOf(p.schema)}</td><td>${inline(p.description ?? '')}${constraints(p.schema)}</td></tr>`).join('')}</tbody></table>` : ''}
${body ? `<h4>Request body</h4><ul>${Object.entries(body).map(([type, { schema }]) => `<li><code>${e(type)}</code>: ${typeOf(schema)}</li>`).join('')}</ul>` : ''}
<h4>Responses</h4><table><tbody>${Object.entries(op.responses).map(([status, r]) => `<tr><td>${e(status)}</td><td>${inline(r.description)}${r.content ? ` ${Object.values(r.content).map((c) => typeOf(c.schema)).join(', ')}` : ''}</td></tr>`).join('')}</tbody></table>
</article>`;
}

/** A property table for object schemas, nested objects inline up to a few levels. */
function renderSchema(schema: Schema, depth: number): string {
  if (schema.properties && depth < 4) {
    const required = new Set(schema.required ?? []);
    return `<table class="schema"><tbody>${Object.entries(schema.properties)
      .map(([name, property]) => {
        const nested = property.properties ? property : property.items?.properties ? property.items : undefined;
        return `<tr><td><code>${e(name)}</code>${required.has(name) ? ' <i>required</i>' : ''}</td><td>${typeOf(property)}</td><td>${inline(property.description ?? '')}${constraints(property)}${nested ? renderSchema(nested, depth + 1) : ''}</td></tr>`;
      })
      .join('')}</tbody></table>`;
  }
  return `<p>${typeOf(schema)}${constraints(schema)}</p>`;
}

function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return `<a href="#schema-${e(name)}">${e(name)}</a>`;
  }
  if (schema.enum) return `one of ${schema.enum.map((v) => `<code>${e(JSON.stringify(v))}</code>`).join(', ')}`;
  if (schema.const !== undefined) return `<code>${e(JSON.stringify(schema.const))}</code>`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(' or ');
  if (schema.type === 'array') return `array of ${typeOf(schema.items)}`;
  if (Array.isArray(schema.type)) return schema.type.map((t) => e(t)).join(' or ');
  if (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    return `map of ${typeOf(schema.additionalProperties)}`;
  }
  return e(schema.type ?? 'any');
}

const CONSTRAINTS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'format', 'default'];

function constraints(schema: Schema): string {
  const found = CONSTRAINTS.filter((k) => schema[k] !== undefined).map((k) => `${k} <code>${e(JSON.stringify(schema[k]))}</code>`);
  return found.length > 0 ? ` <span class="constraints">(${found.join(', ')})</span>` : '';
}

/** Escapes, then renders `code` spans, the only markup the descriptions use. */
function inline(text: string): string {
  return e(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;display:grid;grid-template-columns:18rem 1fr}
header{grid-column:1/3;padding:1rem 2rem;background:#f3f5f9;border-bottom:1px solid #d8dde6}
header small{font-weight:normal;color:#5b6578}
nav{padding:1rem;border-right:1px solid #d8dde6;font-size:13px;position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto}
nav ul{padding-left:1rem}
nav code{word-break:break-all}
main{padding:1rem 2rem;min-width:0}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f1f3f7;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;margin:.5rem 0;width:100%}
td,th{border:1px solid #d8dde6;padding:.25rem .5rem;text-align:left;vertical-align:top}
table.schema table.schema{margin-top:.4rem}
.op{border-top:1px solid #d8dde6;padding-top:.5rem}
.method{display:inline-block;min-width:4.5em;text-align:center;color:#fff;border-radius:3px;font-size:13px;padding:.1em .4em}
.get{background:#2f6fb3}.post{background:#2e8b57}.patch{background:#b7791f}.delete{background:#c53030}
.constraints{color:#5b6578;font-size:13px}
i{color:#9b2c2c;font-size:12px}
`;
