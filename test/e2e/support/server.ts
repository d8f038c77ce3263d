/** A tiny static file server for the built site, on 127.0.0.1 and a random port, optionally under a base path. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.yaml': 'text/yaml; charset=utf-8',
};

export interface StaticServer {
  /** The site's root URL, ending in the base path and a slash, e.g. http://127.0.0.1:4321/course/ */
  url: string;
  close: () => Promise<void>;
}

/** Serves `root` under `base` ("/" or "/course/"); directories serve index.html, misses serve 404.html with status 404. */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const absRoot = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const notFound = async () => {
      const page = await readFile(join(absRoot, '404.html')).catch(() => Buffer.from('Not found'));
      res.writeHead(404, { 'content-type': MIME['.html']! }).end(page);
    };
    if (!pathname.startsWith(prefix) && pathname !== prefix.slice(0, -1)) return notFound();
    const rel = normalize(pathname.slice(prefix.length));
    let file = join(absRoot, rel);
    if (file !== absRoot && !file.startsWith(absRoot + sep)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      return notFound();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
