/**
 * Start modes: the rules of the plugin's start-mode.ts, and the launcher scripts that
 * must agree with them (they are JavaScript the plugin cannot import, and the other way round).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DEVELOPMENT_SECRETS_MARKER,
  SECRET_NAMES,
  demoAccountsAllowed,
  developmentSecretsInUse,
  isLoopback,
} from '../../../cms/src/plugins/cchc/server/src/start-mode.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

test.each([
  ['127.0.0.1', true],
  ['127.1.2.3', true],
  ['localhost', true],
  ['::1', true],
  ['[::1]', true],
  ['0.0.0.0', false],
  ['::', false],
  ['10.0.0.5', false],
  ['cchc.example.vn', false],
])('isLoopback(%s) is %s', (host, expected) => {
  expect(isLoopback(host)).toBe(expected);
});

test.each([
  [{ production: false, host: '127.0.0.1', demoFlag: false }, true],
  [{ production: false, host: '0.0.0.0', demoFlag: false }, false],
  [{ production: true, host: '127.0.0.1', demoFlag: false }, false],
  [{ production: true, host: '0.0.0.0', demoFlag: true }, true],
])('demo accounts for %o: %s', (mode, expected) => {
  expect(demoAccountsAllowed(mode)).toBe(expected);
});

describe('development secrets in production', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-secrets-'));
  fs.writeFileSync(path.join(dir, '.env'), `# ${DEVELOPMENT_SECRETS_MARKER}; never commit.\nAPP_KEYS=a,b\nAPI_TOKEN_SALT=s\nADMIN_JWT_SECRET=j\nTRANSFER_TOKEN_SALT=t\nENCRYPTION_KEY=e\n`);

  test('the generated values are refused, naming the variables', () => {
    const message = developmentSecretsInUse(dir, { APP_KEYS: 'a,b', API_TOKEN_SALT: 's', ADMIN_JWT_SECRET: 'other', TRANSFER_TOKEN_SALT: 't', ENCRYPTION_KEY: 'e' });
    expect(message).toContain('APP_KEYS, API_TOKEN_SALT, TRANSFER_TOKEN_SALT, ENCRYPTION_KEY');
    expect(message).not.toContain('ADMIN_JWT_SECRET,');
  });

  test('values set in the environment pass, and so does a .env an operator wrote', () => {
    expect(developmentSecretsInUse(dir, { APP_KEYS: 'x', API_TOKEN_SALT: 'y', ADMIN_JWT_SECRET: 'z', TRANSFER_TOKEN_SALT: 'w', ENCRYPTION_KEY: 'v' })).toBeNull();
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-secrets-'));
    fs.writeFileSync(path.join(own, '.env'), 'APP_KEYS=a,b\n');
    expect(developmentSecretsInUse(own, { APP_KEYS: 'a,b' })).toBeNull();
  });

  test('the launcher writes the marker and the names this check reads', () => {
    const launcher = fs.readFileSync(path.join(ROOT, 'scripts', 'lib', 'secrets.mjs'), 'utf8');
    expect(launcher).toContain(DEVELOPMENT_SECRETS_MARKER);
    for (const name of SECRET_NAMES) expect(launcher).toContain(`'${name}'`);
  });
});
