/** The Steering Committee website on a host name of its own (COMMITTEE_HOSTS): its root is the committee's home page. */
import http from 'node:http';
import { expect, inject, test } from 'vitest';
import { decodeEntities } from '../support/html.js';
import { seed } from '../support/seed.js';
import { COMMITTEE_HOST } from '../support/stack.js';

/** GETs a path of the site with a given Host header (fetch does not let a caller set it). */
function getWithHost(path: string, host: string): Promise<{ status: number; html: string }> {
  const url = new URL(path, inject('siteUrl'));
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname: url.hostname, port: url.port, path: url.pathname, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, html: decodeEntities(body) }));
    });
    req.on('error', reject);
  });
}

test('on the committee host, "/" is the committee home page; on the main host it is the column', async () => {
  const committee = await getWithHost('/', COMMITTEE_HOST);
  expect(committee.status).toBe(200);
  const h1 = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim();
  expect(h1(committee.html)).toBe(seed.committee.committee.name);
  const column = await getWithHost('/', new URL(inject('siteUrl')).host);
  expect(column.status).toBe(200);
  expect(h1(column.html)).not.toBe(seed.committee.committee.name);
  // Other paths are the same on both hosts.
  expect((await getWithHost('/ban-chi-dao/lien-he', COMMITTEE_HOST)).status).toBe(200);
});
