/** Which agency an admin user belongs to ("Cán bộ của cơ quan"): the one lookup every rule uses. */
import type { Core } from '@strapi/strapi';
import { UID } from '../constants.js';

/** The agency of a user, in the forms the callers need. */
export interface Membership {
  /** Row id, for permission conditions. */
  id: number;
  documentId: string;
  slug: string;
}

/** The agency an admin user (by e-mail) belongs to, or null. */
export async function agencyOfUser(strapi: Core.Strapi, email: string): Promise<Membership | null> {
  const row = (await strapi.db.query(UID.agencyMember).findOne({
    where: { userEmail: email },
    populate: { agency: { select: ['id', 'documentId', 'slug'] } },
  })) as { agency?: Membership | null } | null;
  return row?.agency ?? null;
}
