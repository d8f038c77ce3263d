/**
 * A tiny static file server for the built site, on 127.0.0.1 and a random
 * port, optionally under a base path, optionally compressing text (brotli or
 * gzip, as the browser asks) the way a real static host does.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
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

/** Types worth compressing: text. Fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm)|image\/svg\+xml)/;

/** The body encoded as the request's Accept-Encoding prefers (br, then gzip), with its Content-Encoding; cached per file. */
function encode(body: Buffer, type: string, accept: string, cache: Map<string, Buffer>, key: string): { body: Buffer; encoding?: string } {
  if (!COMPRESSIBLE.test(type)) return { body };
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
  if (!encoding) return { body };
  const cacheKey = `${encoding}:${key}`;
  if (!cache.has(cacheKey)) {
    cache.set(
      cacheKey,
      encoding === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }),
    );
  }
  return { body: cache.get(cacheKey)!, encoding };
}

/** A slow link between the server and every browser it serves: a round trip before each response, then a shared bandwidth. */
export interface SlowLink {
  latencyMs: number;
  bytesPerSecond: number;
}

/** Lighthouse's mobile preset ("slow 4G"): 150 ms round trip, 1.6 Mbit/s down. */
export const SLOW_4G: SlowLink = { latencyMs: 150, bytesPerSecond: (1.6 * 1024 * 1024) / 8 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Sends a response whole, or over the slow link in 4 KiB chunks that share its bandwidth with every other response. */
function sender(link: SlowLink | undefined) {
  let linkFreeAt = 0;
  return async (res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): Promise<void> => {
    if (!link) return void res.writeHead(status, headers).end(body);
    await sleep(link.latencyMs);
    res.writeHead(status, { ...headers, 'content-length': String(body.length) });
    for (let at = 0; at < body.length; at += 4096) {
      const chunk = body.subarray(at, at + 4096);
      linkFreeAt = Math.max(Date.now(), linkFreeAt) + (chunk.length / link.bytesPerSecond) * 1000;
      await sleep(linkFreeAt - Date.now());
      if (res.destroyed) return;
      res.write(chunk);
    }
    res.end();
  };
}

/**
 * Serves `root` under `base` ("/" or "/course/"); directories serve index.html, misses serve 404.html with status 404.
 * With `compress`, text is sent brotli- or gzip-encoded and assets under _astro/ are cacheable for a year, as a static host would.
 * With `slow`, every response crosses a slow link (the server throttles, so any browser sees the same network).
 */
export async function serveStatic(
  root: string,
  base = '/',
  { compress = false, slow }: { compress?: boolean; slow?: SlowLink } = {},
): Promise<StaticServer> {
  const encoded = new Map<string, Buffer>();
  const send = sender(slow);
  const absRoot = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const notFound = async () => {
      const page = await readFile(join(absRoot, '404.html')).catch(() => Buffer.from('Not found'));
      await send(res, 404, { 'content-type': MIME['.html']! }, page);
    };
    if (!pathname.startsWith(prefix) && pathname !== prefix.slice(0, -1)) return notFound();
    const rel = normalize(pathname.slice(prefix.length));
    let file = join(absRoot, rel);
    if (file !== absRoot && !file.startsWith(absRoot + sep)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const raw = await readFile(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (!compress) return await send(res, 200, { 'content-type': type, 'cache-control': 'no-store' }, raw);
      const { body, encoding } = encode(raw, type, String(req.headers['accept-encoding'] ?? ''), encoded, file);
      const cache = rel.startsWith('_astro') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
      await send(
        res,
        200,
        {
          'content-type': type,
          'cache-control': cache,
          vary: 'accept-encoding',
          ...(encoding ? { 'content-encoding': encoding } : {}),
        },
        body,
      );
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
