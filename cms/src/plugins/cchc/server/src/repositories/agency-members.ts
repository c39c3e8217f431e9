/**
 * Which agency an admin user belongs to ("Cán bộ của cơ quan"): the one lookup every
 * rule uses. Membership is bound to the user's id; the e-mail on the record only
 * finds the account when a committee administrator saves it, so a user who changes
 * their own e-mail changes nothing.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { UID } from '../constants.js';

const Membership = z.object({ id: z.number(), documentId: z.string(), slug: z.string() });

/** The agency of a user, in the forms the callers need. */
export type Membership = z.infer<typeof Membership>;

/** The agency an admin user (by id) belongs to, or null. */
export async function agencyOfUser(strapi: Core.Strapi, userId: number): Promise<Membership | null> {
  const row = await strapi.db.query(UID.agencyMember).findOne({
    where: { userId },
    populate: { agency: { select: ['id', 'documentId', 'slug'] } },
  });
  const agency = (row as { agency?: unknown } | null)?.agency;
  return agency ? Membership.parse(agency) : null;
}

/** The id of the admin account with this e-mail, or null. */
export async function adminUserIdByEmail(strapi: Core.Strapi, email: string): Promise<number | null> {
  const row = await strapi.db.query('admin::user').findOne({ where: { email: email.trim().toLowerCase() }, select: ['id'] });
  return row ? z.object({ id: z.number() }).parse(row).id : null;
}

/** Current e-mail addresses of the users who belong to an agency. */
export async function agencyUserEmails(strapi: Core.Strapi, agencySlug: string): Promise<string[]> {
  const members = await strapi.db.query(UID.agencyMember).findMany({ where: { agency: { slug: agencySlug } }, select: ['userId'] });
  const ids = z.array(z.object({ userId: z.number().nullable() })).parse(members).flatMap((m) => (m.userId === null ? [] : [m.userId]));
  if (ids.length === 0) return [];
  const users = await strapi.db.query('admin::user').findMany({ where: { id: { $in: ids }, isActive: true }, select: ['email'] });
  return z.array(z.object({ email: z.string() })).parse(users).map((u) => u.email);
}

/** Binds records made before membership followed the user's id (they named an e-mail only). */
export async function bindLegacyMemberships(strapi: Core.Strapi): Promise<void> {
  const rows = await strapi.db.query(UID.agencyMember).findMany({ where: { userId: null }, select: ['id', 'userEmail'] });
  for (const row of z.array(z.object({ id: z.number(), userEmail: z.string() })).parse(rows)) {
    const userId = await adminUserIdByEmail(strapi, row.userEmail);
    if (userId === null) continue;
    // An account already bound elsewhere keeps its membership; the old record stays unbound (and inert) for an administrator to look at.
    if (await strapi.db.query(UID.agencyMember).findOne({ where: { userId }, select: ['id'] })) {
      strapi.log.warn(`[cchc] membership record ${row.id} (${row.userEmail}) not bound: that account already belongs to an agency`);
      continue;
    }
    await strapi.db.query(UID.agencyMember).update({ where: { id: row.id }, data: { userId } });
  }
}
