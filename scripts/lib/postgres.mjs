// PostgreSQL for the launchers: is the server there, and does the database exist.
import pg from 'pg';

/** The URL of the server's maintenance database (`postgres`) on the server of `url`. */
function maintenanceUrl(url) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

/** The database name of a PostgreSQL URL. */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Resolves to null when the server of `url` answers, else to the error's message. */
export async function postgresProblem(url) {
  const client = new pg.Client({ connectionString: maintenanceUrl(url), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error.message || error.code || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database of `url` when it does not exist yet; resolves to true when it created it. */
export async function ensureDatabase(url) {
  const name = databaseName(url);
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`database name "${name}" in DATABASE_URL: letters, digits and _ only`);
  const client = new pg.Client({ connectionString: maintenanceUrl(url), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount > 0) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}
