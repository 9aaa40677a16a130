// The stylesheet, the small progressive-enhancement script and the icon: files beside this module,
// read once and served by our own routes (no CDN, no build step).
import { readFile } from 'node:fs/promises';
import type { Handler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';

const TYPES: Record<string, string> = {
  'style.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml',
};

const cache = new Map<string, Promise<string>>();

export const assetRoute: Handler<AppEnv> = async (c) => {
  const name = c.req.param('name') ?? '';
  const type = TYPES[name];
  if (type === undefined) return c.notFound();
  let text = cache.get(name);
  if (!text) {
    text = readFile(new URL(`./assets/${name}`, import.meta.url), 'utf8');
    text.catch(() => cache.delete(name));
    cache.set(name, text);
  }
  return c.body(await text, 200, { 'content-type': type, 'cache-control': 'public, max-age=600' });
};
