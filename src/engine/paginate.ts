/** The seed API's pagination object (SPEC §4). */
export interface Pagination {
  readonly total: number;
  readonly page_size: number;
  readonly total_pages: number;
  readonly current_page: number;
  /** The next page number as a string, or null on the last page. */
  readonly next_page: string | null;
  /** The previous page number as a string, or null on the first page. */
  readonly previous_page: string | null;
}

export function pagination(total: number, pageSize: number, page: number): Pagination {
  const totalPages = Math.ceil(total / pageSize);
  return {
    total,
    page_size: pageSize,
    total_pages: totalPages,
    current_page: page,
    next_page: page < totalPages ? String(page + 1) : null,
    previous_page: page > 1 ? String(page - 1) : null,
  };
}

/**
 * The page `[start, start + size)` of `ordered`, projected when there is a projector: one pass
 * straight from `ordered`, without slicing the page out first (a copy of every record on it).
 */
export function pageOf<T, P>(ordered: readonly T[], start: number, size: number, project: ((record: T) => P) | undefined): (T | P)[] {
  const end = Math.min(ordered.length, start + size);
  if (project === undefined) return ordered.slice(start, end);
  const page: P[] = [];
  for (let i = start; i < end; i++) page.push(project(ordered[i] as T));
  return page;
}
