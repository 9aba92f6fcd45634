// A tiny measuring harness: many timed batches, reporting the median per-operation time,
// so one noisy batch cannot move the figure. Ratios between rows measured in the same
// process are the numbers to quote; absolute times depend on the machine.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median nanoseconds per call of `fn`, over `batches` batches of `iterations` calls. Each
 * measurement gets its own freshly compiled loop, so the call site `fn(i)` only ever sees one
 * function: a shared loop would turn megamorphic and tax the fastest contestants most.
 */
export function measure(fn, { iterations = 1000, batches = 25, warmup = 3 } = {}) {
  const loop = new Function(
    "fn", "iterations", "now",
    "let sink = 0; const start = now(); for (let i = 0; i < iterations; i++) sink ^= fn(i) ? 1 : 0; globalThis.__benchSink = sink; return Number(now() - start) / iterations;",
  );
  const now = () => process.hrtime.bigint();
  for (let w = 0; w < warmup; w++) loop(fn, iterations, now);
  const samples = [];
  for (let b = 0; b < batches; b++) samples.push(loop(fn, iterations, now));
  return median(samples);
}

/**
 * Two contestants timed in alternating batches, so a busy moment of a shared machine hits both
 * alike. Returns each one's median ns per call and the median (and interquartile range) of the
 * per-batch ratios b/a (above 1: `a` is faster).
 */
export function measurePair(a, b, { iterations = 1, batches = 15, warmup = 3 } = {}) {
  const loop = () => new Function(
    "fn", "iterations", "now",
    "let sink = 0; const start = now(); for (let i = 0; i < iterations; i++) sink ^= fn(i) ? 1 : 0; globalThis.__benchSink = sink; return Number(now() - start) / iterations;",
  );
  const now = () => process.hrtime.bigint();
  const [la, lb] = [loop(), loop()];
  for (let w = 0; w < warmup; w++) {
    la(a, iterations, now);
    lb(b, iterations, now);
  }
  const ta = [];
  const tb = [];
  const ratios = [];
  for (let i = 0; i < batches; i++) {
    const x = la(a, iterations, now);
    const y = lb(b, iterations, now);
    ta.push(x);
    tb.push(y);
    ratios.push(y / x);
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  const quartile = (q) => sorted[Math.round(q * (sorted.length - 1))];
  return { a: median(ta), b: median(tb), ratio: median(ratios), low: quartile(0.25), high: quartile(0.75) };
}

/** "1.23x (1.10–1.31)": a pair's median ratio and its interquartile range. */
export const ratioText = (p) => `${fmt(p.ratio)}x (${fmt(p.low)}–${fmt(p.high)})`;

export function formatTable(title, header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [`\n${title}`, line(all[0]), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}

export const fmt = (n, digits = 2) => (n >= 100 ? n.toFixed(0) : n < 0.1 ? n.toPrecision(2) : n.toFixed(digits));
