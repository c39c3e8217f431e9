/** The front server's in-process render (site/server/render.ts) as Astro's handler uses it. */
import type http from 'node:http';
import { describe, expect, test } from 'vitest';
import { render, type AstroHandler } from '../../../site/server/render.ts';

describe('render', () => {
  test('collects status, headers and body, and gives Astro only the forwarded headers', async () => {
    let seen: http.IncomingHttpHeaders = {};
    const handler: AstroHandler = (req, res) => {
      seen = req.headers;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': ['a=1', 'b=2'] });
      res.write('<p>Xin ');
      res.end(Buffer.from('chào</p>'));
    };
    const rendered = await render(handler, '/bai-viet/a', { host: 'cchc.test', cookie: 'x=1', 'accept-language': 'vi' });
    expect(rendered.status).toBe(200);
    expect(rendered.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(rendered.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(rendered.body.toString()).toBe('<p>Xin chào</p>');
    expect(seen).toEqual({ host: 'cchc.test', 'accept-language': 'vi' });
  });

  test('a stream that fails midway ends from the write callback, at once (not after the time limit)', async () => {
    const handler: AstroHandler = (_req, res) => {
      res.writeHead(200, {});
      res.write('<p>');
      // What Astro's writeResponse does when the body stream errors.
      (res.write as (chunk: string, cb: () => void) => boolean)('Internal server error', () => res.end());
    };
    const started = Date.now();
    const rendered = await render(handler, '/', {});
    expect(Date.now() - started).toBeLessThan(1000);
    expect(rendered.body.toString()).toBe('<p>Internal server error');
  });

  test('a handler that throws, or destroys the response, fails the render', async () => {
    await expect(render(() => Promise.reject(new Error('boom')), '/', {})).rejects.toThrow('boom');
    await expect(render((_req, res) => void res.destroy(new Error('cut')), '/', {})).rejects.toThrow('cut');
  });
});
