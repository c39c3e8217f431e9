// PostgreSQL: pg_dump in custom format inside an exported snapshot (the tables are counted in
// that same snapshot, so the manifest's counts are the dump's), and pg_restore in one transaction.
import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';

/** The version of a PostgreSQL client tool (`pg_dump`, `pg_restore`), or an error saying how to install it. */
export function toolVersion(tool) {
  const result = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (result.error?.code === 'ENOENT') throw new Error(`${tool} is not installed: install the PostgreSQL client tools of the server's major version (Debian: postgresql-client-<major>).`);
  const match = /\(PostgreSQL\) (\d+)(?:\.(\d+))?/.exec(result.stdout ?? '');
  if (!match) throw new Error(`${tool} --version answered "${(result.stdout || result.stderr || '').trim()}", not a PostgreSQL version.`);
  return { text: match[2] ? `${match[1]}.${match[2]}` : match[1], major: Number(match[1]) };
}

/** Connection settings for libpq's tools: the URL without its password, which goes in PGPASSWORD (not on a command line `ps` shows). */
function libpqOf(database) {
  const url = new URL(database.url);
  const env = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = '';
  if (database.ssl && !url.searchParams.has('sslmode')) env.PGSSLMODE = 'require';
  return { dbname: url.toString(), env };
}

/** A connected client, with a message that says what to do when the database is missing. */
async function connect(database) {
  const client = new pg.Client({ connectionString: database.url, ssl: database.ssl ? { rejectUnauthorized: true } : false });
  try {
    await client.connect();
  } catch (error) {
    const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
    if (error.code === '3D000') throw new Error(`The database "${name}" does not exist: create it (createdb ${name}) and run the command again.`);
    throw new Error(`Cannot connect to PostgreSQL (DATABASE_URL): ${error.message}`);
  }
  return client;
}

/** The server's version. */
async function serverVersion(client) {
  const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS text");
  return { text: rows[0].text.split(' ')[0], major: Math.floor(rows[0].num / 10000) };
}

/** Rows of every table outside PostgreSQL's own schemas, by name (schema-qualified outside the current schema). */
async function countTables(client) {
  const { rows } = await client.query(
    `SELECT table_schema AS schema, table_name AS name, table_schema = current_schema() AS current
       FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%'
      ORDER BY 1, 2`,
  );
  const counts = {};
  for (const { schema, name, current } of rows) {
    const { rows: [row] } = await client.query(`SELECT count(*)::bigint AS n FROM ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`);
    counts[current ? name : `${schema}.${name}`] = Number(row.n);
  }
  return counts;
}

/** Runs a libpq tool; resolves when it exits 0, rejects with its error output otherwise. */
function runTool(tool, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * Dumps the database into `target` (custom format) and counts its tables, both from one
 * snapshot. Refuses when pg_dump is older than the server (it could not read it).
 */
export async function dumpPostgres(database, target) {
  const dump = toolVersion('pg_dump');
  const client = await connect(database);
  try {
    const server = await serverVersion(client);
    if (dump.major < server.major) {
      throw new Error(`pg_dump ${dump.text} cannot dump a PostgreSQL ${server.text} server: install the client tools of version ${server.major} (Debian: postgresql-client-${server.major}).`);
    }
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query('SELECT pg_export_snapshot() AS snapshot');
    const tables = await countTables(client);
    const { dbname, env } = libpqOf(database);
    await runTool('pg_dump', ['--format=custom', `--snapshot=${rows[0].snapshot}`, `--file=${target}`, `--dbname=${dbname}`], env);
    await client.query('COMMIT');
    return { info: { kind: 'postgres', serverVersion: server.text, pgDumpVersion: dump.text }, tables };
  } finally {
    await client.end();
  }
}

/** How many tables the database holds outside PostgreSQL's own schemas. */
export async function postgresTableCount(database) {
  const client = await connect(database);
  try {
    return Object.keys(await countTables(client)).length;
  } finally {
    await client.end();
  }
}

/** Refuses when pg_restore cannot read an archive written by the backup's pg_dump. */
export function checkRestoreTool(pgDumpVersion) {
  const restore = toolVersion('pg_restore');
  const major = Number(String(pgDumpVersion).split('.')[0]);
  if (restore.major < major) {
    throw new Error(`The backup was written by pg_dump ${pgDumpVersion}; pg_restore ${restore.text} cannot read it: install the client tools of version ${major} or later.`);
  }
  return restore;
}

/**
 * Restores the dump in one transaction (all or nothing), owned by the connecting user, then
 * gathers planner statistics (pg_restore leaves none). `clean`: drop what the dump holds first.
 */
export async function restorePostgres(database, file, { clean }) {
  const { dbname, env } = libpqOf(database);
  const args = ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`];
  if (clean) args.push('--clean', '--if-exists');
  await runTool('pg_restore', [...args, file], env);
  const client = await connect(database);
  try {
    await client.query('ANALYZE');
    return await countTables(client);
  } finally {
    await client.end();
  }
}
