/** Admin users read back as workflow actors (a preview token names a user; their rights are read again when it is used). */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { ForbiddenError } from '../errors.js';
import { actorOf } from '../http/actor.js';
import type { Actor } from '../services/workflow.js';

const UserRow = z.object({
  id: z.number().int(),
  email: z.string(),
  firstname: z.string().nullish(),
  lastname: z.string().nullish(),
  roles: z.array(z.object({ code: z.string() })),
});

/** The actor an active admin user is now, or null (unknown, inactive or without a workflow role). */
export async function activeActor(strapi: Core.Strapi, userId: number): Promise<Actor | null> {
  const row = await strapi.db.query('admin::user').findOne({ where: { id: userId, isActive: true, $or: [{ blocked: false }, { blocked: null }] }, select: ['id', 'email', 'firstname', 'lastname'], populate: { roles: { select: ['code'] } } });
  if (!row) return null;
  try {
    return actorOf({ user: UserRow.parse(row) });
  } catch (error) {
    if (error instanceof ForbiddenError) return null;
    throw error;
  }
}
