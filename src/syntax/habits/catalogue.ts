/**
 * The habit catalogue: every habit FilterQL recognises from other query languages, one entry
 * each, in the order they are tried (the first that matches at a token wins).
 */
import type { Habit } from "./habit.js";
import { JAVASCRIPT_HABITS } from "./javascript.js";
import { LUCENE_HABITS } from "./lucene.js";
import { MONGO_HABITS } from "./mongo.js";
import { SQL_HABITS } from "./sql.js";
import { SYNONYM_HABITS } from "./synonyms.js";
import { VALUE_HABITS } from "./values.js";

export const HABITS: readonly Habit[] = [
  ...MONGO_HABITS,
  ...LUCENE_HABITS,
  ...JAVASCRIPT_HABITS,
  ...SQL_HABITS,
  ...SYNONYM_HABITS,
  ...VALUE_HABITS,
];
