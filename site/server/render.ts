/**
 * Renders a page by calling Astro's request handler in this process (the Node
 * adapter in middleware mode): no loopback socket, no second HTTP parse. The
 * handler writes into a small in-memory response; what it wrote becomes a
 * `Rendered` that the front server stores or sends.
 */
import { EventEmitter } from 'node:events';
import type http from 'node:http';

/** A rendered page as Astro answered it. */
export interface Rendered {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The adapter's handler (`handler` of dist/server/entry.mjs in middleware mode). */
export type AstroHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: (error?: unknown) => void) => Promise<void> | void;

/** Headers passed on to Astro: what can change the page (the host, for absolute URLs when SITE_URL is unset). */
const FORWARDED = ['host', 'accept', 'accept-language'] as const;

/** Longest a render may take before it counts as failed. */
const RENDER_TIMEOUT_MS = 30_000;

/**
 * The request Astro sees: GET of the normalised path with only the forwarded headers, on a
 * socket of its own (a render is shared by every visitor waiting for the page: one who
 * leaves must not abort it, and no page reads the client's address).
 */
class RenderRequest extends EventEmitter {
  readonly method = 'GET';
  readonly httpVersion = '1.1';
  readonly complete = true;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly socket: http.IncomingMessage['socket'];
  constructor(url: string, headers: http.IncomingHttpHeaders, socket: http.IncomingMessage['socket']) {
    super();
    this.url = url;
    this.headers = headers;
    this.socket = socket;
  }
}

/** The response Astro writes into: status, headers and body chunks, kept in memory. */
class RenderResponse extends EventEmitter {
  statusCode = 200;
  statusMessage = '';
  headersSent = false;
  writableEnded = false;
  readonly req: RenderRequest;
  private readonly headers: http.IncomingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];
  private readonly done: (rendered: Rendered) => void;
  private readonly fail: (error: Error) => void;

  constructor(req: RenderRequest, done: (rendered: Rendered) => void, fail: (error: Error) => void) {
    super();
    this.req = req;
    this.done = done;
    this.fail = fail;
  }

  setHeader(name: string, value: number | string | readonly string[]): this {
    this.headers[name.toLowerCase()] = Array.isArray(value) ? [...value] : String(value);
    return this;
  }

  getHeader(name: string): string | string[] | undefined {
    return this.headers[name.toLowerCase()];
  }

  removeHeader(name: string): void {
    delete this.headers[name.toLowerCase()];
  }

  writeHead(status: number, headers?: http.OutgoingHttpHeaders | string): this {
    this.statusCode = status;
    if (headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    }
    this.headersSent = true;
    return this;
  }

  /** Keeps a chunk; `callback` is called at once (Astro ends a failed stream from it). */
  write(chunk: string | Uint8Array, encoding?: BufferEncoding | (() => void), callback?: () => void): boolean {
    this.headersSent = true;
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) queueMicrotask(done);
    return true;
  }

  end(chunk?: string | Uint8Array | (() => void), callback?: () => void): this {
    if (this.writableEnded) return this;
    if (typeof chunk === 'function') callback = chunk;
    else if (chunk !== undefined) this.write(chunk);
    this.headersSent = true;
    this.writableEnded = true;
    this.done({ status: this.statusCode, headers: this.headers, body: Buffer.concat(this.chunks) });
    this.emit('finish');
    this.emit('close');
    if (callback) queueMicrotask(callback);
    return this;
  }

  destroy(error?: Error): this {
    if (!this.writableEnded) {
      this.writableEnded = true;
      this.fail(error ?? new Error(`render of ${this.req.url} was aborted`));
      this.emit('close');
    }
    return this;
  }
}

/** A socket as far as Astro reads one: not encrypted, a loopback address, events it may listen to. */
function renderSocket(): http.IncomingMessage['socket'] {
  return Object.assign(new EventEmitter(), { encrypted: false, remoteAddress: '127.0.0.1' }) as unknown as http.IncomingMessage['socket'];
}

/** Renders `path` with Astro's handler, passing on the visitor's relevant headers. */
export function render(handler: AstroHandler, path: string, headers: http.IncomingHttpHeaders): Promise<Rendered> {
  const forwarded: http.IncomingHttpHeaders = {};
  for (const name of FORWARDED) if (headers[name] !== undefined) forwarded[name] = headers[name] as string;
  return new Promise<Rendered>((resolve, reject) => {
    const timer = setTimeout(() => response.destroy(new Error(`render of ${path} timed out`)), RENDER_TIMEOUT_MS);
    const settle = <T>(fn: (value: T) => void) => (value: T) => {
      clearTimeout(timer);
      fn(value);
    };
    const request = new RenderRequest(path, forwarded, renderSocket());
    const response = new RenderResponse(request, settle(resolve), settle(reject));
    // Without `next`, an unmatched path renders Astro's 404 page.
    Promise.resolve(handler(request as unknown as http.IncomingMessage, response as unknown as http.ServerResponse)).catch((error: unknown) =>
      response.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
