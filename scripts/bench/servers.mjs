// Helpers the benchmarks share about the servers they start: the super admin's sign-in and
// a throwaway PostgreSQL database.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Signs in as the demo super admin; answers the admin API token. */
export async function adminToken(cmsUrl, password) {
  const res = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@cchc.local', password }),
  });
  if (res.status !== 200) throw new Error(`admin sign-in answered ${res.status}`);
  return (await res.json()).data.token;
}

/** A fresh PostgreSQL database, or null when PostgreSQL is not reachable. */
export async function createPgDatabase() {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `cchc_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  return { url: url.toString(), drop };
}


/**
 * Runs `bench(database, tmp, pgUrl)` on SQLite, then on a throwaway PostgreSQL database
 * when one is reachable; answers their results. `tmp` is a scratch folder, removed after.
 */
export async function onEachDatabase(name, bench) {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), `cchc-bench-${name}-`));
  const results = [];
  try {
    results.push(await bench('sqlite', tmp, null));
    const pgDb = await createPgDatabase();
    if (!pgDb) console.warn(`[bench] PostgreSQL is not reachable at ${PG_ADMIN_URL}: SQLite only.`);
    else {
      try {
        results.push(await bench('postgres', tmp, pgDb.url));
      } finally {
        await pgDb.drop();
      }
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  return results;
}

/** The line that names the machine a benchmark ran on. */
export const machineLine = () => `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
