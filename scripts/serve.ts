/**
 * Serves the built dashboard (dist/, or $DUCHA_OUT, or the folder given) on localhost: a small
 * static server with gzip, Framework's clean URLs (/progress -> progress.html) and a
 * Content-Security-Policy that lets the pages reach nothing but this server. Prints the URL.
 *
 *   npm run serve [-- --port 3000] [-- <folder>]
 */
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { type Server, createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** Text, JSON, SVG, and data/cases.bin (integer columns: ~1.1 MB at 50,000 cases, a fraction of it gzipped). */
const compressible = (file: string): boolean => /^(text\/|application\/json|image\/svg)/.test(TYPES[extname(file)] ?? "") || extname(file) === ".bin";

// vega compiles expressions with Function(): 'unsafe-eval'; Framework inlines each page's module
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

const gzipCache = new Map<string, { mtime: number; body: Buffer }>();

/** The file for a URL path: the file itself, else path.html, else path/index.html. */
function resolveFile(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!);
  } catch {
    return undefined;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  for (const candidate of [full, `${full}.html`, join(full, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Compress every text file of the site once, up front (the first visitor should not wait). */
function precompress(dir: string): void {
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (compressible(p)) gzipCache.set(p, { mtime: statSync(p).mtimeMs, body: gzipSync(readFileSync(p)) });
    }
  };
  walk(dir);
}

/** A server for `root` (not yet listening). */
export function dashboardServer(root: string): Server {
  const dir = resolve(root);
  precompress(dir);
  return createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let file = resolveFile(dir, req.url ?? "/");
    let status = 200;
    if (!file) {
      status = 404;
      file = resolveFile(dir, "/404");
      if (!file) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("未找到（404）");
        return;
      }
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const headers: Record<string, string> = {
      "Content-Type": type,
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      // Framework names every asset by its content hash; pages are revalidated
      "Cache-Control": /\/_(node|observablehq|file|import|npm)\//.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
    };
    if (compressible(file) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const mtime = statSync(file).mtimeMs;
      let hit = gzipCache.get(file);
      if (!hit || hit.mtime !== mtime) gzipCache.set(file, (hit = { mtime, body: gzipSync(readFileSync(file)) }));
      res.writeHead(status, { ...headers, "Content-Encoding": "gzip", "Content-Length": String(hit.body.length), Vary: "Accept-Encoding" });
      res.end(req.method === "HEAD" ? undefined : hit.body);
      return;
    }
    res.writeHead(status, { ...headers, "Content-Length": String(statSync(file).size) });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
}

/** Listen on 127.0.0.1 at `port`, or the next free port (up to 20 tries); returns the port. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let tries = 0;
    const attempt = (p: number) => {
      server.once("error", (e: NodeJS.ErrnoException) => {
        if ((e.code === "EADDRINUSE" || e.code === "EACCES") && ++tries < 20 && port !== 0) attempt(p + 1);
        else reject(e);
      });
      server.listen(p, "127.0.0.1", () => {
        const a = server.address();
        resolvePort(typeof a === "object" && a ? a.port : p);
      });
    };
    attempt(port);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ options: { port: { type: "string", short: "p" } }, allowPositionals: true });
  const root = resolve(positionals[0] ?? process.env.DUCHA_OUT ?? "dist");
  if (!existsSync(join(root, "index.html"))) {
    console.error(`错误：${root} 中没有构建好的站点，请先运行 npm run build`);
    process.exit(1);
  }
  const server = dashboardServer(root);
  const port = await listen(server, Number(values.port ?? process.env.PORT ?? 3000));
  console.log(`督察信访件分析已启动：http://localhost:${port}/`);
  console.log("（按 Ctrl+C 停止）");
}
