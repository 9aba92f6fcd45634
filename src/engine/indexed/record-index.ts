/**
 * indexRecords(records) → RecordIndex: a snapshot of an array, indexed per path on first use, so
 * that many queries over the same data each cost about as much as the records they select
 * rather than a pass over every record. `compile(q).filter(index)` and `.run(index)` answer
 * exactly as they would over the array itself.
 *
 * The index reads the records once, when a query first uses a path: change a record afterwards
 * and the index no longer describes it; build a new index instead.
 */
import { Column } from "./column.js";
import { memo, pathKey } from "./memo.js";
import { expectIterable } from "../../arguments.js";

export class RecordIndex<T = unknown> {
  /**
   * The indexed records, in their original order: a copy of the input, so later pushes to the
   * input do not move positions. (Not frozen: V8 reads frozen arrays' elements more slowly.)
   */
  readonly records: readonly T[];
  readonly #columns = new Map<string, Column>();

  constructor(records: Iterable<T>) {
    expectIterable("new RecordIndex", "records", records);
    this.records = Array.from(records);
  }

  get size(): number {
    return this.records.length;
  }

  /** The column for a path, built on first use. */
  column(segments: readonly string[]): Column {
    return memo(this.#columns, pathKey(segments), () => new Column(this.records, segments));
  }
}

/** Indexes records for repeated querying (see `RecordIndex`). */
export function indexRecords<T>(records: Iterable<T>): RecordIndex<T> {
  expectIterable("indexRecords", "records", records);
  return new RecordIndex(records);
}
