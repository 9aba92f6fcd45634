/**
 * What RE2 certainly refuses, found without RE2: for a browser bundle that checks queries but
 * never evaluates them, and so does not carry the engine. It reports only errors RE2 reports
 * too (a property test holds it to that); anything subtler is left to the engine's own parse
 * when the query is compiled.
 */
export function prescreenRegex(pattern: string): string | undefined {
  let depth = 0;
  let inClass = false;
  let classStart = 0;
  // What came just before: nothing to repeat, a repetition (`lazy`: its `?` may follow), or an atom.
  let before: "none" | "repeat" | "lazy" | "atom" = "none";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) return "trailing \\";
      if (!inClass && next === "Q") {
        // \Q…\E is literal text.
        const end = pattern.indexOf("\\E", i + 2);
        i = end < 0 ? pattern.length : end + 1;
        before = "atom";
        continue;
      }
      // A backreference; `\\12` would be an octal escape.
      if (!inClass && next >= "1" && next <= "9" && !/[0-9]/.test(pattern[i + 2] ?? "")) return `invalid escape sequence: \\${next}`;
      i++;
      before = "atom";
      continue;
    }
    if (inClass) {
      // `]` right after `[` or `[^` is a literal. A `[:` may open a named class or be a range's
      // end: where it stands, nothing is certain, so the screen stops there.
      if (c === "]" && i > classStart) inClass = false;
      else if (c === "[" && pattern[i + 1] === ":") return undefined;
      continue;
    }
    switch (c) {
      case "[":
        inClass = true;
        classStart = pattern[i + 1] === "^" ? i + 2 : i + 1;
        if (pattern[i + 1] === "^") i++;
        before = "atom";
        break;
      case "(":
        if (/^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) return `invalid or unsupported Perl syntax: \`${pattern.slice(i, i + (pattern[i + 2] === "<" ? 4 : 3))}\``;
        depth++;
        before = pattern[i + 1] === "?" ? "atom" : "none";
        break;
      case ")":
        if (depth === 0) return "unexpected )";
        depth--;
        before = "atom";
        break;
      case "|":
        before = "none";
        break;
      case "*":
      case "+":
      case "?":
        if (before === "none") return `missing argument to repetition operator: ${c}`;
        if (before === "lazy" && c === "?") {
          before = "repeat";
          break;
        }
        if (before === "repeat" || before === "lazy") return "bad repetition operator";
        before = "lazy";
        break;
      default:
        before = "atom";
    }
  }
  if (inClass) return "missing closing ]";
  if (depth > 0) return "missing closing )";
  return undefined;
}
