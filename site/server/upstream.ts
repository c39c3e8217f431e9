/** Renders a page by asking the Astro server that runs in this process on a loopback port. */
import http from 'node:http';

/** A rendered page as Astro answered it. */
export interface Rendered {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Headers passed on to Astro: what can change the page (host for absolute URLs, language). */
const FORWARDED = ['host', 'accept', 'accept-language', 'x-forwarded-proto', 'x-forwarded-host', 'user-agent'];

/** GETs `path` from the Astro server at `origin`, forwarding the visitor's relevant headers. */
export function render(origin: URL, path: string, headers: http.IncomingHttpHeaders): Promise<Rendered> {
  const forwarded: http.OutgoingHttpHeaders = {};
  for (const name of FORWARDED) if (headers[name] !== undefined) forwarded[name] = headers[name];
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: origin.hostname, port: origin.port, path, method: 'GET', headers: forwarded, agent, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`render of ${path} timed out`)));
    request.on('error', reject);
    request.end();
  });
}
