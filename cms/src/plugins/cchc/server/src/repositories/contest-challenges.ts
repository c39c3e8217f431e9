/**
 * The proof-of-work challenges already spent on a registration, in a table of the
 * plugin's own: a solved challenge counts once, on every CMS instance, because its
 * nonce is a primary key (an insert, not a read-then-write), and an expired one is
 * never recorded. Rows outlive their challenge's expiry by ten minutes.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isUniqueViolation } from './contest-entries.js';
import { qualified } from './schema-names.js';

export const CHALLENGE_TABLE = 'cchc_contest_challenges';

/** How long past its expiry a spent challenge's row is kept. */
const DROP_MARGIN_MS = 10 * 60_000;

/** Makes the table when it is missing. */
export async function createChallengeTable(schema: () => Knex.SchemaBuilder): Promise<void> {
  if (await schema().hasTable(CHALLENGE_TABLE)) return;
  await schema().createTable(CHALLENGE_TABLE, (t) => {
    t.string('nonce', 64).primary();
    t.bigInteger('expires_at').notNullable().index();
  });
}

/** Creates the spent-challenge store over a Strapi instance. */
export function createSpentChallenges(strapi: Core.Strapi, now: () => number = Date.now) {
  const table = () => qualified(strapi, CHALLENGE_TABLE);
  return {
    async ensureTable(): Promise<void> {
      const schemaName = strapi.db.getSchemaName();
      await createChallengeTable(() => (schemaName ? strapi.db.connection.schema.withSchema(schemaName) : strapi.db.connection.schema));
    },
    /**
     * Records a challenge as spent; false when it already was, or has expired (so a row dropped
     * below can never let its proof count again). Rows expired for a while are dropped on the
     * way; the margin covers clocks that differ between instances.
     */
    async record(nonce: string, expiresAt: number): Promise<boolean> {
      const at = now();
      if (expiresAt <= at) return false;
      await strapi.db.connection(table()).where('expires_at', '<', at - DROP_MARGIN_MS).delete();
      try {
        await strapi.db.connection(table()).insert({ nonce, expires_at: expiresAt });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}

export type SpentChallenges = ReturnType<typeof createSpentChallenges>;
