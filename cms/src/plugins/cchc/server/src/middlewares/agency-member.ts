/**
 * Document Service middleware for agency memberships: the e-mail a committee
 * administrator types finds the account, and the record is bound to that
 * account's id (one agency per account). Rules then follow the id, never the e-mail.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../constants.js';
import { InvalidInputError, MESSAGES } from '../errors.js';
import { adminUserIdByEmail } from '../repositories/agency-members.js';

/** Creates the middleware, bound to a Strapi instance. */
export function createAgencyMemberMiddleware(strapi: Core.Strapi) {
  return async (context: { uid: string; action: string; params: Record<string, unknown> }, next: () => Promise<unknown>) => {
    const { uid, action, params } = context;
    if (uid !== UID.agencyMember || (action !== 'create' && action !== 'update' && action !== 'clone')) return next();
    const data = (params.data ?? {}) as Record<string, unknown>;
    // The id is never taken from a form: it follows the e-mail given.
    delete data.userId;
    if (typeof data.userEmail === 'string') {
      const userId = await adminUserIdByEmail(strapi, data.userEmail);
      if (userId === null) throw new InvalidInputError(MESSAGES.memberUnknownUser);
      const documentId = typeof params.documentId === 'string' && action === 'update' ? params.documentId : undefined;
      const twin = await strapi.db.query(UID.agencyMember).findOne({ where: { userId, ...(documentId ? { documentId: { $ne: documentId } } : {}) }, select: ['id'] });
      if (twin) throw new InvalidInputError(MESSAGES.memberTaken);
      data.userEmail = data.userEmail.trim().toLowerCase();
      data.userId = userId;
    } else if (action === 'clone') {
      throw new InvalidInputError(MESSAGES.memberTaken);
    }
    params.data = data;
    return next();
  };
}
