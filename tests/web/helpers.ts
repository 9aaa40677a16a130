// The app over a temporary SQLite file with the curated fqr-canada framework as its default (imported
// on first use), for page tests through app.request and for the browser tests on a real server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, DEFAULT_BODY_LIMIT, startServer, type ApiConfig, type RunningServer } from '@bridgework/api';
import { CURATED_FRAMEWORK } from '@bridgework/service';
import { openSqliteStore } from '@bridgework/store/sqlite';

export const REPO = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const FIXTURES = join(REPO, 'tests/web/fixtures');
export const ARTIFACTS = join(REPO, 'test-artifacts');

export function webConfig(dir: string, overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database: join(dir, 'bridgework.db'),
    // These pages are checked on the curated framework's own content (tests/catalogue covers the
    // catalogue, the service's default).
    defaultFramework: CURATED_FRAMEWORK,
    imports: [],
    apiKeys: [],
    publicRead: true,
    bodyLimit: DEFAULT_BODY_LIMIT,
    importRoots: [dir],
    log: () => undefined,
    ...overrides,
  };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  /** GET (or any method) through app.request, with the text of the answer. */
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; text: string }>;
  close(): Promise<void>;
}

export function testApp(overrides: Partial<ApiConfig> = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'bridgework-web-'));
  const config = webConfig(dir, overrides);
  const store = openSqliteStore(config.database);
  const app = createApp({ store, config });
  return {
    app,
    get: async (path, headers = {}) => {
      const response = await app.request(path, { headers });
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  url: string;
  running: RunningServer;
  close(): Promise<void>;
}

/** The real server: node:http through @hono/node-server on an ephemeral port. */
export async function startWebServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bridgework-web-server-'));
  const running = await startServer(webConfig(dir));
  return {
    url: running.url,
    running,
    close: async () => {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Visible text of an HTML fragment: tags dropped, entities of the escaper decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The part of a page between two markers (an id attribute, a heading...). */
export function between(html: string, start: string, end?: string): string {
  const from = html.indexOf(start);
  if (from < 0) return '';
  const to = end === undefined ? -1 : html.indexOf(end, from + start.length);
  return html.slice(from, to < 0 ? undefined : to);
}
