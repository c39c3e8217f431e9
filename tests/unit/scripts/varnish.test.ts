/**
 * The files scripts/lib/varnish.mjs writes for deploy/varnish/cchc.vcl, and the names the
 * VCL, the launcher and shared's contract must spell alike. (Varnish itself runs in
 * tests/site/varnish.test.ts.)
 */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SITE_HEALTH_PATH, VARNISH_PURGE_METHOD, VARNISH_PURGE_SECRET_HEADER, VARNISH_PURGE_SECRET_PATTERN, XKEY_HEADER, XKEY_PURGE_HEADER } from '../../../shared/src/index.js';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { PURGE_SECRET_HEADER, PURGE_SECRET_PATTERN, VCL_FILE, backendsVcl, localVcl } from '../../../scripts/lib/varnish.mjs';

const SECRET = 'bi-mat-cua-varnish_0123';
const vcl = fs.readFileSync(VCL_FILE as string, 'utf8');

describe('one vocabulary', () => {
  test('the launcher checks and sends the secret as shared says', () => {
    expect(PURGE_SECRET_HEADER).toBe(VARNISH_PURGE_SECRET_HEADER);
    expect((PURGE_SECRET_PATTERN as RegExp).source).toBe(VARNISH_PURGE_SECRET_PATTERN.source);
  });

  test('the VCL reads the headers and the method shared names', () => {
    expect(vcl).toContain(`req.method == "${VARNISH_PURGE_METHOD}"`);
    expect(vcl).toContain(`xkey.purge(req.http.${XKEY_PURGE_HEADER})`);
    expect(vcl).toContain(`beresp.http.${XKEY_HEADER} = beresp.http.Cache-Tag`);
    expect(vcl).toContain(`unset resp.http.${XKEY_HEADER};`);
    expect(localVcl({ purgeSecret: SECRET, env: {} })).toContain(`req.http.${VARNISH_PURGE_SECRET_HEADER} != "${SECRET}"`);
    expect(backendsVcl([{ host: '127.0.0.1', port: 4321 }])).toContain(`.url = "${SITE_HEALTH_PATH}";`);
  });

  test('the VCL includes the two generated files and nothing holds a secret', () => {
    expect(vcl).toContain('include "backends.vcl";');
    expect(vcl).toContain('include "local.vcl";');
    expect(vcl).not.toMatch(/purge-secret\s*[!=]=/);
  });
});

describe('local.vcl', () => {
  test('without SITE_URL, the allowed hosts key their own entries (with their port) and others are refused with 421', () => {
    const text = localVcl({ purgeSecret: SECRET, env: { COMMITTEE_HOSTS: 'BCD.example.vn, ' } }) as string;
    expect(text).toContain('"^(?:localhost|127\\.0\\.0\\.1|\\[::1\\]|bcd\\.example\\.vn)$"');
    expect(text).toContain('set req.http.cchc-key-host = req.http.cchc-host-full;');
    expect(text).toContain('return (synth(421, "Misdirected Request"));');
  });

  test('with SITE_URL, any other host is rendered as its host', () => {
    const text = localVcl({ purgeSecret: SECRET, env: { SITE_URL: 'https://cchc.example.vn', SITE_HOSTS: 'www.cchc.example.vn' } }) as string;
    expect(text).toContain('|cchc\\.example\\.vn');
    expect(text).toContain('|www\\.cchc\\.example\\.vn');
    expect(text).toContain('set req.http.host = "cchc.example.vn";');
    expect(text).not.toContain('421');
  });

  test('purgers and proxies are loopback and the networks given', () => {
    const text = localVcl({ purgeSecret: SECRET, purgeFrom: ['10.0.0.0/8', '2001:db8::5'], trustedProxies: ['192.0.2.10'], env: {} }) as string;
    const acl = (name: string) => text.match(new RegExp(`acl ${name} \\{([^}]*)\\}`))?.[1]?.trim().split(/\s+/);
    expect(acl('cchc_purgers')).toEqual(['"127.0.0.1";', '"::1";', '"10.0.0.0"/8;', '"2001:db8::5";']);
    expect(acl('cchc_proxies')).toEqual(['"127.0.0.1";', '"::1";', '"192.0.2.10";']);
  });

  test('without a secret nobody may purge', () => {
    const text = localVcl({ purgeSecret: '', env: {} }) as string;
    expect(text).toMatch(/sub cchc_purge_secret \{\s*#[^\n]*\n\s*return \(synth\(403, "Forbidden"\)\);\s*\}/);
  });

  test.each([
    ['a short secret', { purgeSecret: 'ngan' }],
    ['a secret with a quote', { purgeSecret: 'bi-mat-co-"-nhay-kep-123' }],
    ['a secret that closes the sub', { purgeSecret: 'x"; } sub vcl_recv { return (pass); } #' }],
    ['an ACL entry that is not an address', { purgeSecret: SECRET, purgeFrom: ['0.0.0.0/0"; }'] }],
    ['a host that is not a name', { purgeSecret: SECRET, env: { COMMITTEE_HOSTS: 'a"b.example' } }],
  ])('refuses %s', (_, options) => {
    expect(() => localVcl({ env: {}, ...options })).toThrow();
  });
});

describe('backends.vcl', () => {
  test('one probed backend per instance, each added to the director', () => {
    const text = backendsVcl([{ host: '127.0.0.1', port: 4321 }, { host: '10.0.0.7', port: '4322' }]) as string;
    expect(text.match(/^backend cchc_site_\d+ \{/gm)).toEqual(['backend cchc_site_1 {', 'backend cchc_site_2 {']);
    expect(text).toContain('.host = "10.0.0.7";');
    expect(text).toContain('.port = "4322";');
    expect(text.match(/\.probe = cchc_site_health;/g)).toHaveLength(2);
    expect(text).toContain('cchc_site.add_backend(cchc_site_1);\n\tcchc_site.add_backend(cchc_site_2);');
  });

  test.each([
    ['no backend', []],
    ['a bad port', [{ host: '127.0.0.1', port: 'http' }]],
    ['a host with a quote', [{ host: '127.0.0.1"', port: 4321 }]],
  ])('refuses %s', (_, backends) => {
    expect(() => backendsVcl(backends)).toThrow();
  });
});
