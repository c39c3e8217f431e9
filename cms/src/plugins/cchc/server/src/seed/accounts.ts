/** Demo admin accounts: created where start-mode.ts allows them, disabled where it does not. */
import type { Core } from '@strapi/strapi';
import { ADMIN_ROLE, UID } from '../constants.js';
import type { SeedAccount } from './schema.js';

const ROLE_CODE: Record<SeedAccount['role'], string> = {
  'super-admin': ADMIN_ROLE.superAdmin,
  'committee-admin': ADMIN_ROLE.committeeAdmin,
  editor: ADMIN_ROLE.cchcEditor,
  contributor: ADMIN_ROLE.contributor,
};

/** Links an existing account to its agency, once (the membership middleware binds it to the account's id). */
async function linkToAgency(strapi: Core.Strapi, email: string, agencySlug: string): Promise<void> {
  const members = strapi.documents(UID.agencyMember);
  if ((await members.count({ filters: { userEmail: { $eq: email } } as never })) > 0) return;
  const agency = await strapi.documents(UID.agency).findFirst({ filters: { slug: { $eq: agencySlug } } as never, fields: ['documentId'] as never });
  if (!agency) throw new Error(`Demo account ${email} names agency ${agencySlug}, which the data set does not have`);
  await members.create({ data: { userEmail: email, agency: agency.documentId } as never });
}

/** Creates the accounts that do not exist yet; returns the emails created. */
export async function seedAccounts(strapi: Core.Strapi, accounts: SeedAccount[], password: string): Promise<string[]> {
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const created: string[] = [];
  for (const account of accounts) {
    if (await users.exists({ email: account.email })) {
      if (account.agency) await linkToAgency(strapi, account.email, account.agency);
      continue;
    }
    const role = await roles.findOne({ code: ROLE_CODE[account.role] });
    if (!role) throw new Error(`Admin role ${ROLE_CODE[account.role]} is missing; cannot create ${account.email}`);
    await users.create({
      email: account.email,
      firstname: account.firstname,
      lastname: account.lastname,
      password,
      isActive: true,
      registrationToken: null,
      // The admin panel opens in Vietnamese for the demo accounts.
      preferedLanguage: 'vi',
      roles: [role.id],
    });
    if (account.agency) await linkToAgency(strapi, account.email, account.agency);
    created.push(account.email);
  }
  return created;
}

/** Deactivates the demo accounts that exist (their password is public); returns the e-mails deactivated. */
export async function disableAccounts(strapi: Core.Strapi, accounts: SeedAccount[]): Promise<string[]> {
  const emails = accounts.map((a) => a.email);
  const active = await strapi.db.query('admin::user').findMany({ where: { email: { $in: emails }, isActive: true }, select: ['id', 'email'] });
  for (const user of active) await strapi.db.query('admin::user').update({ where: { id: user.id }, data: { isActive: false } });
  return active.map((u) => String(u.email));
}
