/** Where media are kept, read from the environment: every wrong or missing value names its variable. */
import { describe, expect, test } from 'vitest';
import { MEDIA_STORAGE_ENV, mediaOrigin, mediaPublicUrl, mediaStorageFromEnv } from '../../../shared/src/index.js';

/** A complete S3 configuration for a MinIO-like service. */
const S3 = {
  UPLOAD_PROVIDER: 's3',
  S3_BUCKET: 'cchc-media',
  S3_ENDPOINT: 'https://s3.example.vn',
  S3_ACCESS_KEY_ID: 'khoa-truy-cap',
  S3_SECRET_ACCESS_KEY: 'bi-mat',
  MEDIA_PUBLIC_URL: 'https://media.example.vn/',
};

describe('mediaStorageFromEnv', () => {
  test.each([[{}], [{ UPLOAD_PROVIDER: 'local' }], [{ UPLOAD_PROVIDER: '  ' }], [{ UPLOAD_PROVIDER: 'local', S3_BUCKET: 'Khong Hop Le' }]])('%j keeps media in the CMS', (env) => {
    expect(mediaStorageFromEnv(env)).toEqual({ provider: 'local' });
  });

  test('an S3-compatible service: path style, a default region, the public base without its slash', () => {
    expect(mediaStorageFromEnv(S3)).toEqual({
      provider: 's3',
      bucket: 'cchc-media',
      region: 'us-east-1',
      endpoint: 'https://s3.example.vn',
      forcePathStyle: true,
      accessKeyId: 'khoa-truy-cap',
      secretAccessKey: 'bi-mat',
      prefix: '',
      publicUrl: 'https://media.example.vn',
      acl: 'public-read',
    });
  });

  test('Amazon S3 itself: no endpoint, virtual-hosted addresses, the region given; every setting read', () => {
    const { S3_ENDPOINT: _endpoint, ...aws } = S3;
    expect(mediaStorageFromEnv({ ...aws, S3_REGION: 'ap-southeast-1', S3_PREFIX: '/cchc/media/', S3_ACL: 'none', MEDIA_PUBLIC_URL: 'https://cdn.example.vn/tep' })).toMatchObject({
      endpoint: null,
      region: 'ap-southeast-1',
      forcePathStyle: false,
      prefix: 'cchc/media',
      acl: 'none',
      publicUrl: 'https://cdn.example.vn/tep',
    });
    expect(mediaStorageFromEnv({ ...S3, S3_FORCE_PATH_STYLE: 'false' })).toMatchObject({ forcePathStyle: false });
  });

  test.each([
    ['an unknown provider', { UPLOAD_PROVIDER: 'ftp' }, 'UPLOAD_PROVIDER'],
    ['no bucket', { S3_BUCKET: '' }, 'S3_BUCKET'],
    ['a bucket with capitals', { S3_BUCKET: 'CCHC_Media' }, 'S3_BUCKET'],
    ['no access key', { S3_ACCESS_KEY_ID: undefined }, 'S3_ACCESS_KEY_ID'],
    ['no secret', { S3_SECRET_ACCESS_KEY: ' ' }, 'S3_SECRET_ACCESS_KEY'],
    ['no public base', { MEDIA_PUBLIC_URL: undefined }, 'MEDIA_PUBLIC_URL'],
    ['a public base that is not a web address', { MEDIA_PUBLIC_URL: 'media.example.vn' }, 'MEDIA_PUBLIC_URL'],
    ['a public base with a query', { MEDIA_PUBLIC_URL: 'https://media.example.vn/?v=1' }, 'MEDIA_PUBLIC_URL'],
    ['an endpoint that is not http(s)', { S3_ENDPOINT: 'ftp://s3.example.vn' }, 'S3_ENDPOINT'],
    ['no region and no endpoint', { S3_ENDPOINT: undefined }, 'S3_REGION'],
    ['a region with a space', { S3_REGION: 'ha noi' }, 'S3_REGION'],
    ['a path style that is not a boolean', { S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE'],
    ['a prefix climbing out', { S3_PREFIX: 'media/../khac' }, 'S3_PREFIX'],
    ['a prefix with a space', { S3_PREFIX: 'tep media' }, 'S3_PREFIX'],
    ['a private ACL', { S3_ACL: 'private' }, 'S3_ACL'],
  ])('%s stops the start, naming the variable', (_what, change, variable) => {
    expect(() => mediaStorageFromEnv({ ...S3, ...change })).toThrow(new RegExp(`^Media storage is misconfigured: .*\\b${variable}: `));
  });

  test('every wrong variable is named at once', () => {
    expect(() => mediaStorageFromEnv({ UPLOAD_PROVIDER: 's3' })).toThrow(/S3_BUCKET.*S3_REGION.*S3_ACCESS_KEY_ID.*S3_SECRET_ACCESS_KEY.*MEDIA_PUBLIC_URL/);
  });

  test('each setting has its variable', () => {
    expect(Object.keys(MEDIA_STORAGE_ENV).sort()).toEqual(Object.keys(mediaStorageFromEnv(S3)).sort());
  });
});

describe('mediaPublicUrl and mediaOrigin', () => {
  test.each([
    [{}, null],
    [{ MEDIA_PUBLIC_URL: '' }, null],
    [{ MEDIA_PUBLIC_URL: 'http://127.0.0.1:4568/cchc-media/' }, 'http://127.0.0.1:4568/cchc-media'],
  ])('%j → %s', (env, expected) => {
    expect(mediaPublicUrl(env)).toBe(expected);
  });

  test('a wrong value is refused with the variable named', () => {
    expect(() => mediaPublicUrl({ MEDIA_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/MEDIA_PUBLIC_URL/);
  });

  test('the origin of the bucket, for a CSP; none for local media', () => {
    expect(mediaOrigin(mediaStorageFromEnv({ ...S3, MEDIA_PUBLIC_URL: 'https://cdn.example.vn:8443/a/b' }))).toBe('https://cdn.example.vn:8443');
    expect(mediaOrigin(mediaStorageFromEnv({}))).toBeNull();
  });
});
