/**
 * The PostgreSQL engines the SQL tests run on: PGlite in-process, always; and a real server
 * through node-postgres when FILTERQL_PG_URL is set (`.ci/run` starts PostgreSQL 15 and sets it).
 * Each engine gets its own fresh database schema, dropped on close.
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface Database {
  readonly name: string;
  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<R[]>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

export const PG_URL = process.env["FILTERQL_PG_URL"];

async function pglite(): Promise<Database> {
  const db = new PGlite();
  await db.waitReady;
  return {
    name: "PGlite",
    query: async <R>(text: string, values: readonly unknown[] = []) => (await db.query<R>(text, values as unknown[])).rows,
    exec: async (text) => { await db.exec(text); },
    close: () => db.close(),
  };
}

async function server(url: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const schema = `filterql_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.query(`SET search_path TO ${schema}`);
  // Test data need not survive a crash: commits without waiting for the disk.
  await client.query(`SET synchronous_commit TO off`);
  // The tests' tables are tiny: JIT compilation (which PostgreSQL starts from cost estimates that
  // count 100 elements per JSON array, multiplied through a deep projection) would only cost time.
  await client.query(`SET jit TO off`);
  return {
    name: "PostgreSQL server",
    query: async <R>(text: string, values: readonly unknown[] = []) => (await client.query(text, values as unknown[])).rows as R[],
    exec: async (text) => { await client.query(text); },
    close: async () => {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** Every engine available here: PGlite, plus the server when FILTERQL_PG_URL is set. */
export async function databases(): Promise<Database[]> {
  const out = [await pglite()];
  if (PG_URL !== undefined && PG_URL !== "") out.push(await server(PG_URL));
  return out;
}

export const ENGINES = PG_URL === undefined || PG_URL === "" ? ["PGlite"] : ["PGlite", "PostgreSQL server"];
