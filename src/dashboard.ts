/**
 * Serves the built dashboard (dashboard/dist) at `/`: static files, and index.html for every
 * other GET so client-side routes survive a reload. Answers false when it has nothing to serve.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { packageRoot } from './services/seeds';

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
  const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(dir, 'index.html');
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
