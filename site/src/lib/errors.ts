/** Errors of the site's CMS client. Pages never catch them; the middleware maps them to HTTP. */

/** The CMS could not be reached, timed out or answered 5xx: the site answers 503. */
export class CmsUnavailableError extends Error {
  override readonly name = 'CmsUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The CMS answered, but not as its contract says (unexpected status, invalid JSON,
 * a body the shared schema rejects). This is a bug on one side: the site answers 500.
 */
export class CmsContractError extends Error {
  override readonly name = 'CmsContractError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
