/** The upload provider as the host app configures it (cms/config/plugins.ts), given to the real @strapi/provider-upload-aws-s3. */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { mediaStorageFromEnv } from '../../../shared/src/index.js';
import { uploadConfig } from '../../../cms/config/plugins.js';

const require = createRequire(import.meta.url);
/** The provider package as the upload plugin loads it (CommonJS). */
const s3Provider = require('@strapi/provider-upload-aws-s3') as { init: (options: unknown) => { isPrivate: () => boolean; uploadStream: unknown; delete: unknown } };

const S3 = {
  UPLOAD_PROVIDER: 's3',
  S3_BUCKET: 'cchc-media',
  S3_ENDPOINT: 'http://127.0.0.1:4568',
  S3_ACCESS_KEY_ID: 'khoa',
  S3_SECRET_ACCESS_KEY: 'bi-mat',
  S3_PREFIX: 'cchc',
  MEDIA_PUBLIC_URL: 'https://media.example.vn',
};

describe('uploadConfig', () => {
  test('local media keep Strapi’s own provider', () => {
    expect(uploadConfig(mediaStorageFromEnv({}))).toEqual({ provider: 'local' });
  });

  test('a bucket: the public base, the prefix, path style, checksums only where needed, a public ACL', () => {
    expect(uploadConfig(mediaStorageFromEnv(S3))).toEqual({
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: 'https://media.example.vn',
        rootPath: 'cchc',
        s3Options: {
          region: 'us-east-1',
          endpoint: 'http://127.0.0.1:4568',
          forcePathStyle: true,
          credentials: { accessKeyId: 'khoa', secretAccessKey: 'bi-mat' },
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
          params: { Bucket: 'cchc-media', ACL: 'public-read' },
        },
      },
    });
  });

  test('Amazon S3 keeps the SDK’s default checksums; S3_ACL=none sends no ACL', () => {
    const { S3_ENDPOINT: _endpoint, ...aws } = S3;
    const options = uploadConfig(mediaStorageFromEnv({ ...aws, S3_REGION: 'ap-southeast-1', S3_ACL: 'none' })).providerOptions!.s3Options;
    expect(options).not.toHaveProperty('endpoint');
    expect(options).not.toHaveProperty('requestChecksumCalculation');
    // The provider adds `public-read` unless the key is there; a falsy value sends nothing.
    expect(options.params).toHaveProperty('ACL', null);
  });

  test.each([['public-read'], ['none']])('the real provider takes the options (S3_ACL=%s) and serves public URLs', (acl) => {
    const provider = s3Provider.init(uploadConfig(mediaStorageFromEnv({ ...S3, S3_ACL: acl })).providerOptions);
    expect(provider.isPrivate()).toBe(false);
    expect(typeof provider.uploadStream).toBe('function');
  });
});
