import type { ScanError } from "../scan.js";
import type { Match, Source } from "./source.js";

export type Origin = "SQL" | "Lucene and KQL" | "JavaScript" | "MongoDB" | "other operator words" | "values";

/**
 * One habit from another language: how it is recognised on the tokens (or, for characters no
 * token can start, on the lexer's error runs), and what it gives: message, hint and fix.
 * `example` is what a user types and `means` the FilterQL they mean (the docs list both).
 */
export interface TokenHabit {
  readonly id: string;
  readonly from: Origin;
  readonly example: string;
  readonly means: string | undefined;
  /** `token`: tried at every token; `query`: tried once, on the whole query, when no other habit matched. */
  readonly on: "token" | "query";
  readonly recognise: (s: Source, i: number) => Match | undefined;
}

export interface CharacterHabit {
  readonly id: string;
  readonly from: Origin;
  readonly example: string;
  readonly means: string | undefined;
  readonly on: "character";
  readonly recognise: (s: Source, error: ScanError) => Match | undefined;
}

export type Habit = TokenHabit | CharacterHabit;
