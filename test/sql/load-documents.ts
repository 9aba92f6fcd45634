import type { Database } from "../support/databases.js";

/** Loads records into `records (id, doc jsonb)` and gives them back as stored (jsonb orders object keys its own way). */
export async function load(db: Database, records: readonly unknown[]): Promise<unknown[]> {
  await db.exec(`DELETE FROM records`);
  if (records.length > 0) {
    await db.query(`INSERT INTO records (id, doc) SELECT i - 1, d FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, i)`, [JSON.stringify(records)]);
  }
  return (await db.query<{ doc: unknown }>(`SELECT doc FROM records ORDER BY id`)).map((r) => r.doc);
}
