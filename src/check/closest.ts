/** Edit distance (Levenshtein, with a cap) over whole dot paths, for "did you mean" hints. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > cap) return cap + 1;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The known path (or value) closest to `path`, if it is close enough to be a plausible typo.
 * `unique`: undefined when two candidates are equally close (the meaning would be a guess).
 */
export function closest(path: string, known: readonly string[], unique = false): string | undefined {
  const lower = path.toLowerCase();
  let best: string | undefined;
  let tied = false;
  let bestDistance = Math.max(2, Math.floor(path.length / 3));
  for (const candidate of known) {
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance || (d === bestDistance && best === undefined)) {
      best = candidate;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && candidate !== best) {
      tied = true;
    }
  }
  return unique && tied ? undefined : best;
}
