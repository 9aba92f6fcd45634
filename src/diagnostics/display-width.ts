/**
 * Terminal columns a string takes, for aligning REPL tables: a grapheme (`Intl.Segmenter`) is one
 * glyph. An emoji (with its skin tone, ZWJ sequence, flag or keycap) takes 2 columns; an East
 * Asian Wide or Fullwidth character 2 (ambiguous ones 1, as terminals outside East Asia show
 * them); combining marks, joiners and other invisible code points 0. Counting UTF-16 units
 * instead shifts every column after `山田太郎` or `👩‍💻`.
 */
import { eastAsianWidth } from "get-east-asian-width";

// Made on first use: most text is ASCII, and building a segmenter costs start-up time.
let segmenter: Intl.Segmenter | undefined;
const graphemes = (text: string) => (segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" })).segment(text);
const INVISIBLE = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]+$/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}{2}|\u20E3/u;
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  // Most table cells are plain ASCII: one column per character.
  if (ASCII_PRINTABLE.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes(text)) width += glyphWidth(segment);
  return width;
}

function glyphWidth(glyph: string): number {
  if (INVISIBLE.test(glyph)) return 0;
  if (EMOJI.test(glyph)) return 2;
  return eastAsianWidth(glyph.codePointAt(0) ?? 0, { ambiguousAsWide: false });
}

/** `text` cut to at most `max` columns, ending in `…` when something was cut; never splits a glyph. */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = "";
  let width = 0;
  for (const { segment } of graphemes(text)) {
    const w = glyphWidth(segment);
    if (width + w > max - 1) break;
    out += segment;
    width += w;
  }
  return `${out}…`;
}

/** `text` padded with spaces on the right to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
