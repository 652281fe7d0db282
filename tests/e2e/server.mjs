// HTTPS fixture server for the end-to-end tests: loopback only, self-signed, stops by itself.
//
// Every request, whatever its Host (the browsers map *.netsuite.com here), is answered from
// tests/fixtures/render.mjs; a path the fixtures do not know gets a plain NetSuite-like page.
// `?csp=strict` adds `Content-Security-Policy: script-src 'self'`, the policy under which Chrome
// refuses WebAssembly in content scripts. `?slow-body=MS` (at most 5000) sends the page up to its
// `<body` at once and the rest MS later: document_start comes early and document_idle late, as on a
// slow NetSuite page.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import https from "node:https";
import path from "node:path";

const MAX_LIFETIME_MS = 45 * 60 * 1000;

async function loadRenderer() {
  try {
    return await import("../fixtures/render.mjs");
  } catch (error) {
    if (error.code === "ERR_MODULE_NOT_FOUND") return null;
    throw error;
  }
}

// The hosts the tests visit: app hosts, the login host and storefronts (*.netsuite.com), and the
// externally available Suitelets' hosts, where TBA Doctor must not run.
const NAMES = "DNS:*.app.netsuite.com,DNS:*.netsuite.com,DNS:*.extforms.netsuite.com,DNS:localhost";

export function makeCertificate(dir) {
  mkdirSync(dir, { recursive: true });
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  const names = path.join(dir, "names.txt");
  const current = existsSync(names) ? readFileSync(names, "utf8") : "";
  if (!existsSync(key) || !existsSync(cert) || current !== NAMES) {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
      "-keyout", key, "-out", cert, "-subj", "/CN=*.app.netsuite.com",
      "-addext", `subjectAltName=${NAMES}`,
    ], { stdio: "ignore" });
    writeFileSync(names, NAMES);
  }
  return { key, cert };
}

function fallbackPage(pathname) {
  const safe = pathname.replace(/[^A-Za-z0-9/._-]/g, "");
  return `<!doctype html><html><head><meta charset="utf-8"><title>NetSuite</title></head>` +
    `<body><h1>NetSuite</h1><p>Fixture page ${safe}</p></body></html>`;
}

export async function startServer({ certDir }) {
  const { key, cert } = makeCertificate(certDir);
  const renderer = await loadRenderer();
  const requests = [];
  const server = https.createServer(
    { key: await readFile(key), cert: await readFile(cert) },
    (request, response) => {
      const url = new URL(request.url, `https://${request.headers.host ?? "localhost"}`);
      requests.push({ host: url.host, path: url.pathname, search: url.search });
      const headers = {};
      if (url.searchParams.get("csp") === "strict") {
        headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'";
      }
      let page = null;
      try {
        page = renderer ? renderer.renderPage(url.pathname, url.searchParams) : null;
      } catch (error) {
        response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        response.end(`fixture error: ${error.message}`);
        return;
      }
      if (page) {
        response.writeHead(page.status ?? 200, { ...headers, "Content-Type": page.contentType ?? "text/html; charset=utf-8" });
        const pause = Number(url.searchParams.get("slow-body"));
        const split = page.body.indexOf("<body");
        if (pause > 0 && pause <= 5000 && split > 0) {
          response.write(page.body.slice(0, split));
          setTimeout(() => response.end(page.body.slice(split)), pause).unref();
        } else {
          response.end(page.body);
        }
        return;
      }
      if (url.pathname === "/favicon.ico") {
        response.writeHead(204);
        response.end();
        return;
      }
      response.writeHead(200, { ...headers, "Content-Type": "text/html; charset=utf-8" });
      response.end(fallbackPage(url.pathname));
    },
  );
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const lifetime = setTimeout(() => server.close(), MAX_LIFETIME_MS);
  lifetime.unref();
  return {
    port: server.address().port,
    requests,
    renderer,
    close: () => new Promise((resolve) => { clearTimeout(lifetime); server.close(resolve); server.closeAllConnections(); }),
  };
}
