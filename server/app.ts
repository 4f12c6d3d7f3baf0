/** The Express app: JSON API under /api, the built client for everything else. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { errorHandler, sendError } from './http/errors.ts';
import { planRoutes } from './http/plans.ts';

const CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));

export function createApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '64kb' }));
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use('/api/plans', planRoutes());
  app.use('/api', (_req, res) => sendError(res, 'NOT_FOUND', '没有该接口 / No such endpoint'));
  if (existsSync(CLIENT_DIR)) {
    app.use(express.static(CLIENT_DIR, { index: 'index.html' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile('index.html', { root: CLIENT_DIR }));
  }
  app.use(errorHandler);
  return app;
}
