/** The headers stored with each object in a bucket (media/bucket-headers.ts), as /uploads sends them. */
import { describe, expect, test } from 'vitest';
import { objectHeaders } from '../../../cms/src/plugins/cchc/server/src/media/bucket-headers.js';

describe('objectHeaders', () => {
  test.each([
    ['image/png', {}],
    ['image/avif', {}],
    ['audio/mpeg', {}],
    ['video/mp4', {}],
    ['application/pdf', { ContentDisposition: 'attachment' }],
    ['text/vtt', { ContentDisposition: 'attachment' }],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', { ContentDisposition: 'attachment' }],
    [undefined, { ContentDisposition: 'attachment' }],
  ])('%s is stored with %j', (mime, expected) => {
    expect(objectHeaders(mime)).toEqual(expected);
  });
});
