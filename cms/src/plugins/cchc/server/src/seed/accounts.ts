/** Demo admin accounts. Never created when NODE_ENV is production. */
import type { Core } from '@strapi/strapi';
import { ADMIN_ROLE, UID } from '../constants.js';
import type { SeedAccount } from './schema.js';

const ROLE_CODE: Record<SeedAccount['role'], string> = {
  'super-admin': ADMIN_ROLE.superAdmin,
  editor: ADMIN_ROLE.cchcEditor,
  contributor: ADMIN_ROLE.contributor,
};

/** Links an account to its agency, once. */
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
    if (account.agency) await linkToAgency(strapi, account.email, account.agency);
    if (await users.exists({ email: account.email })) continue;
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
    created.push(account.email);
  }
  return created;
}
