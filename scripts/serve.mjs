#!/usr/bin/env node
// A small static file server for the built site, with no SPA fallback: Muster uses hash routes,
// so any static host serves it as-is. `--base /tools/muster/` serves it under a sub-path.
//   node scripts/serve.mjs [--dir build] [--port 4173] [--base /] [--host 127.0.0.1]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm'
};

export function startServer({ dir = 'build', port = 4173, base = '/', host = '127.0.0.1' } = {}) {
  const root = path.resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'Bad request');
    }
    if (pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix + url.search });
      return res.end();
    }
    if (!pathname.startsWith(prefix)) return send(res, 404, 'Not found');
    let file = path.join(root, pathname.slice(prefix.length));
    if (!file.startsWith(root)) return send(res, 403, 'Forbidden');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return send(res, 404, 'Not found');
    const immutable = pathname.includes('/_app/immutable/');
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const shown = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
      resolve({ url: `http://${shown}:${actual}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = opt('dir', path.join(here, '..', 'build'));
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`No built site in ${dir}: run "npm run build" first.`);
    process.exit(1);
  }
  const { url } = await startServer({ dir, port: Number(opt('port', process.env.PORT ?? 4173)), base: opt('base', '/'), host: opt('host', '127.0.0.1') });
  console.log(`Muster is running at ${url} (Ctrl+C to stop)`);
}
