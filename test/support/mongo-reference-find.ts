/**
 * `collection.find(filter, { sort, projection, skip, limit })` on a MongoDB 8.0 server, over an
 * array of records, for the tests: the reference filter, then the server's documented sort
 * (missing and null alike; an empty array before null; an array by its least element ascending
 * and its greatest descending; BSON type order), skip and limit, and inclusion projection.
 * Shares no code with src/.
 *
 * Sort keys are modelled for top-level fields (the tests sort on those only). Through an array in
 * the middle of a sort path the server's key generator may also give null for scalar elements;
 * that case is not modelled here.
 */
import { matchesMongo } from "./mongo-reference.js";
import { compareValues, isDoc, ownField, toBson, type BsonDoc, type BsonValue } from "./mongo-reference-values.js";

export interface FindArgs {
  readonly filter: Record<string, unknown>;
  readonly sort: Readonly<Record<string, 1 | -1>>;
  readonly projection: Readonly<Record<string, 0 | 1>>;
  readonly skip: number;
  readonly limit: number;
}

const EMPTY_ARRAY = Symbol("empty array");
type SortKey = BsonValue | typeof EMPTY_ARRAY;

/** The values a sort path reaches: fields through documents, every element through arrays. */
function sortValues(v: BsonValue | undefined, path: readonly string[]): (BsonValue | undefined)[] {
  if (path.length === 0) return [v];
  if (Array.isArray(v)) return v.flatMap((e) => (isDoc(e) ? sortValues(e, path) : []));
  if (!isDoc(v)) return [undefined];
  return sortValues(ownField(v, path[0] as string), path.slice(1));
}

function sortKey(doc: BsonDoc, path: string, direction: 1 | -1): SortKey {
  const reached = sortValues(doc, path.split("."));
  const values: (BsonValue | undefined)[] = [];
  let sawEmptyArray = false;
  for (const v of reached) {
    if (Array.isArray(v)) {
      if (v.length === 0) sawEmptyArray = true;
      values.push(...v);
    } else values.push(v);
  }
  if (values.length === 0) return sawEmptyArray ? EMPTY_ARRAY : null;
  const best = values.reduce((a, b) => (compareValues(b, a) * direction < 0 ? b : a));
  return best === undefined ? null : best;
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
  return compareValues(a, b);
}

interface Trie {
  readonly children: Map<string, Trie>;
  leaf: boolean;
}

function project(value: BsonValue, trie: Trie): BsonValue | undefined {
  if (trie.leaf) return value;
  if (Array.isArray(value)) return value.flatMap((e) => (Array.isArray(e) || isDoc(e) ? [project(e, trie) as BsonValue] : []));
  if (!isDoc(value)) return undefined;
  const out: Record<string, BsonValue> = {};
  for (const [key, child] of trie.children) {
    const v = ownField(value, key);
    if (v === undefined) continue;
    const p = project(v, child);
    if (p !== undefined) Object.defineProperty(out, key, { value: p, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** What the server returns, as driver values (Dates, arrays, plain objects). */
export function findMongo(records: readonly unknown[], args: FindArgs): unknown[] {
  const docs = records.map((r) => toBson(r)).filter((d): d is BsonDoc => isDoc(d));
  const matched = docs.filter((d) => matchesMongo(args.filter, d));
  const keys = Object.entries(args.sort);
  const sorted = matched
    .map((doc, i) => ({ doc, i, keys: keys.map(([p, dir]) => sortKey(doc, p, dir)) }))
    .sort((x, y) => {
      for (let k = 0; k < keys.length; k++) {
        const c = compareKeys(x.keys[k] as SortKey, y.keys[k] as SortKey) * (keys[k]?.[1] ?? 1);
        if (c !== 0) return c;
      }
      return x.i - y.i;
    })
    .map((x) => x.doc);
  const page = sorted.slice(args.skip, args.skip + args.limit);
  const included = Object.entries(args.projection).filter(([, v]) => v === 1).map(([p]) => p);
  if (included.length === 0) return page;
  const root: Trie = { children: new Map(), leaf: false };
  for (const p of included) {
    let node = root;
    for (const seg of p.split(".")) {
      let next = node.children.get(seg);
      if (next === undefined) node.children.set(seg, (next = { children: new Map(), leaf: false }));
      node = next;
    }
    node.leaf = true;
  }
  if (args.projection["_id"] !== 0 && !root.children.has("_id")) root.children.set("_id", { children: new Map(), leaf: true });
  return page.map((d) => project(d, root) ?? {});
}
