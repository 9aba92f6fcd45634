/** The shapes of the `POST /features` request body (SPEC §1). */
import type { Operator } from "./dialects.js";

export type JsonScalar = string | number | boolean | null;

export interface MixpeekConditionV1 {
  readonly key: string;
  readonly operator?: Operator;
  readonly value: JsonScalar | readonly JsonScalar[];
}

export interface MixpeekConditionV2 {
  readonly field: string;
  readonly operator?: Operator;
  readonly value: JsonScalar | readonly JsonScalar[];
}

export type MixpeekCondition = MixpeekConditionV1 | MixpeekConditionV2;

export interface MixpeekGroup {
  readonly case_sensitive?: boolean;
  readonly AND?: readonly MixpeekItem[];
  readonly OR?: readonly MixpeekItem[];
  /** v1's negation list. */
  readonly NOR?: readonly MixpeekItem[];
  /** v2's negation list. */
  readonly NOT?: readonly MixpeekItem[];
}

export type MixpeekItem = MixpeekCondition | MixpeekGroup;

export interface MixpeekSort {
  readonly field: string;
  readonly direction: "asc" | "desc";
}

export interface MixpeekBody {
  readonly collections?: readonly string[];
  readonly filters?: MixpeekGroup;
  readonly sort?: MixpeekSort;
  readonly select?: readonly string[];
  readonly return_urls?: boolean;
}
