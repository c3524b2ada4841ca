/**
 * Serves the built dashboard (dashboard/dist) at `/`: its static files, and index.html for the
 * dashboard's own client-side routes so they survive a reload and can be shared. Anything else
 * is not the dashboard's: it answers false and the server says 404.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { packageRoot } from './util/package-root';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The client-side routes of dashboard/src/router.tsx. A page added there adds its pattern here.
 */
export const DASHBOARD_ROUTES: readonly RegExp[] = [
  /^\/$/,
  /^\/fields\/?$/,
  /^\/fields\/[^/]+\/?$/,
  /^\/parties\/?$/,
  /^\/findings\/?$/,
  /^\/reports\/?$/,
  /^\/graphiql\/?$/,
];

export function dashboardDir(): string {
  return join(packageRoot(), 'dashboard', 'dist');
}

export async function serveDashboard(req: IncomingMessage, res: ServerResponse, pathname: string, dir = dashboardDir()): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!existsSync(join(dir, 'index.html'))) return false;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  // Never serve outside the dashboard folder, whatever the path says.
  const candidate = normalize(join(dir, relative));
  const inside = candidate === dir || candidate.startsWith(dir + sep);
  const isFile = inside && existsSync(candidate) && statSync(candidate).isFile();
  if (!isFile && !DASHBOARD_ROUTES.some((route) => route.test(pathname))) return false;
  const file = isFile ? candidate : join(dir, 'index.html');
  res.statusCode = 200;
  res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
  // Hashed assets can be cached for good; index.html must always be revalidated.
  res.setHeader('cache-control', file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
  });
  return true;
}
