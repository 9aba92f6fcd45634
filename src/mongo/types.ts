/**
 * The shapes `toMongo` returns. They are plain structural types (no dependency on the `mongodb`
 * package): a test checks that they are assignable to the driver's `Filter<Document>`, `Sort`
 * and `FindOptions`, so `collection.find(filter, { sort, projection, skip, limit })` type-checks.
 */
export type MongoValue = string | number | boolean | null | Date | readonly MongoValue[] | { readonly [key: string]: MongoValue };

/** A `find` filter document: field paths and `$and`/`$or`/`$nor` at the top, operators below. */
export type MongoFilter = { readonly [key: string]: MongoValue };

export type MongoSort = { readonly [path: string]: 1 | -1 };

export type MongoProjection = { readonly [path: string]: 0 | 1 };

/** The arguments of the driver's `collection.find(filter, { sort, projection, skip, limit })`. */
export interface MongoFind {
  readonly filter: MongoFilter;
  readonly sort: MongoSort;
  /** Inclusion projection of the `select` paths (`{}` without `select`: whole documents). */
  readonly projection: MongoProjection;
  readonly skip: number;
  readonly limit: number;
}
