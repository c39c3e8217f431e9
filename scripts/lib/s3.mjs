// A local S3-compatible server (s3rver, a devDependency) for tests and local clusters: the CMS
// keeps media in one of its buckets as it would in MinIO, Ceph or Amazon S3 (path-style
// addresses, multipart uploads, the AWS SDK's checksums accepted), and it serves every object
// to plain GETs, as a public bucket does. It checks the access key id but not the SigV4
// signature: a wrong secret goes unnoticed here. It keeps the objects as files in `directory`.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** The credentials s3rver checks signatures with (fixed by s3rver). */
export const S3RVER_CREDENTIALS = Object.freeze({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });

/**
 * Starts s3rver on 127.0.0.1 with `bucket` created, and resolves once it listens.
 * `port` 0 (the default) takes a free one; without `directory`, a temporary folder is used
 * and removed by stop().
 * @returns {Promise<{ endpoint: string, bucket: string, accessKeyId: string, secretAccessKey: string, directory: string, stop: () => Promise<void> }>}
 *   `endpoint` is the server's address (S3_ENDPOINT); a bucket's public base is `${endpoint}/${bucket}`.
 */
export async function startS3Server({ port = 0, directory, bucket } = {}) {
  if (!bucket) throw new Error('startS3Server: a bucket name is required');
  const own = directory === undefined;
  const dir = own ? await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-s3-')) : path.resolve(directory);
  await fs.mkdir(dir, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, directory: dir, silent: true, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    ...S3RVER_CREDENTIALS,
    directory: dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Keep-alive connections of the AWS SDK would hold close() open.
      server.httpServer.closeAllConnections?.();
      await server.close();
      if (own) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
