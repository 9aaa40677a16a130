// The counsellor web app: server-rendered pages (hono/jsx) over the same service the API uses,
// mounted at / by createApp after the /v1 routes. Every page works without JavaScript (GET and
// POST forms); assets/app.js only adds conveniences. docs/web.md walks through it.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { assetRoute } from './assets.ts';
import type { WebDeps } from './page.tsx';
import { alternativePage } from './pages/alternative.tsx';
import { cohortDownload, cohortExample, cohortFormPage, cohortResultPage } from './pages/cohort.tsx';
import { comparePage } from './pages/compare.tsx';
import { findPage } from './pages/find.tsx';
import { profilePage } from './pages/profile.tsx';
import { resultsPage } from './pages/results.tsx';

export type { WebDeps } from './page.tsx';

export function webRoutes(deps: WebDeps): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  web.get('/', findPage(deps));
  web.get('/profile', profilePage(deps));
  web.get('/results', resultsPage(deps));
  web.get('/alternative/:id', alternativePage(deps));
  web.get('/compare', comparePage(deps));
  web.get('/cohort', cohortFormPage(deps));
  web.post('/cohort', cohortResultPage(deps));
  web.post('/cohort/gaps.csv', cohortDownload(deps));
  web.get('/cohort/example.csv', cohortExample(deps));
  web.get('/assets/:name', assetRoute);
  return web;
}
