/**
 * A stand-in LMS for the browser tests, with a real SCORM runtime: one
 * localhost server that serves an unzipped package under a random prefix
 * (files only, exactly as listed: no folder index, nothing outside the
 * prefix), a harness page that creates scorm-again's Scorm12API or
 * Scorm2004API as the LMS's `API` / `API_1484_11` and frames the package's
 * launch page, and the commit URL scorm-again posts to, which can refuse.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PROJECT_ROOT } from '../e2e/support/site.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.yaml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** What the harness's LMS knows before the launch: the learner, the passing score and the saved progress. */
export interface LmsLaunch {
  version: '1.2' | '2004';
  learner: string;
  /** Percent, as an LMS reads it from the manifest. */
  passingPercent: number;
  suspend?: string;
}

export interface Lms {
  /** The harness page for a launch. */
  harnessUrl(launch: LmsLaunch): string;
  /** The package root's URL, under its random prefix. */
  readonly packageUrl: string;
  /** Every commit the runtime posted, parsed. */
  readonly commits: unknown[];
  /** Requests that were neither the harness, the runtime, the commit URL nor a file of the package. */
  readonly strays: string[];
  /** Whether the commit URL refuses (as an LMS whose server failed would). */
  refuseCommits: boolean;
  close(): Promise<void>;
}

const RUNTIME = resolve(PROJECT_ROOT, 'node_modules/scorm-again/dist/scorm-again.min.js');

function harnessPage(launch: LmsLaunch, launchUrl: string): string {
  const state = JSON.stringify({ ...launch, launchUrl }).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS harness</title><link rel="icon" href="data:,">
<script src="/runtime/scorm-again.min.js"></script></head>
<body>
<script type="application/json" id="launch">${state}</script>
<script>
  const launch = JSON.parse(document.getElementById('launch').textContent);
  const settings = { lmsCommitUrl: '/commit', autocommit: false, logLevel: 5 };
  if (launch.version === '1.2') {
    window.API = new Scorm12API(settings);
    window.API.loadFromJSON({ core: { student_id: launch.learner, student_name: 'Lovelace, Ada' }, student_data: { mastery_score: String(launch.passingPercent) }, ...(launch.suspend ? { suspend_data: launch.suspend } : {}) });
  } else {
    window.API_1484_11 = new Scorm2004API(settings);
    window.API_1484_11.loadFromJSON({ learner_id: launch.learner, learner_name: 'Lovelace, Ada', scaled_passing_score: String(launch.passingPercent / 100), ...(launch.suspend ? { suspend_data: launch.suspend } : {}) });
  }
  const frame = document.createElement('iframe');
  frame.title = 'Course';
  frame.style.cssText = 'width: 100%; height: 900px; border: 0';
  frame.src = launch.launchUrl;
  document.body.append(frame);
</script>
</body></html>`;
}

/** Serves the package's files (name → bytes) under a random prefix, with the harness beside them. */
export async function serveLms(files: ReadonlyMap<string, Uint8Array>): Promise<Lms> {
  const prefix = `/lms-${randomBytes(4).toString('hex')}/content/1/`;
  const commits: unknown[] = [];
  const strays: string[] = [];
  const launches = new Map<string, LmsLaunch>();
  const lms = { refuseCommits: false };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, type: string, body: string | Uint8Array) =>
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (url.pathname === '/harness.html') {
      const launch = launches.get(url.searchParams.get('id') ?? '');
      return launch ? send(200, TYPES['.html']!, harnessPage(launch, `${prefix}scorm.html`)) : send(404, 'text/plain', 'no such launch');
    }
    if (url.pathname === '/runtime/scorm-again.min.js') return send(200, TYPES['.js']!, readFileSync(RUNTIME));
    if (url.pathname === '/commit' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        try {
          commits.push(JSON.parse(body));
        } catch {
          commits.push(body);
        }
        send(200, 'application/json', JSON.stringify(lms.refuseCommits ? { result: false } : { result: true, errorCode: 0 }));
      });
      return;
    }
    const name = url.pathname.startsWith(prefix) ? decodeURIComponent(url.pathname.slice(prefix.length)) : undefined;
    const file = name === undefined ? undefined : files.get(name);
    if (file) return send(200, TYPES[extname(name!)] ?? 'application/octet-stream', file);
    strays.push(url.pathname);
    return send(404, 'text/plain', 'not in the package');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let launchCount = 0;
  return Object.assign(lms, {
    packageUrl: `${origin}${prefix}`,
    commits,
    strays,
    harnessUrl(launch: LmsLaunch) {
      const id = String(++launchCount);
      launches.set(id, launch);
      return `${origin}/harness.html?id=${id}`;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  });
}
