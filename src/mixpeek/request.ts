/**
 * A whole `POST /features` request, ready for `fetch`: method, path, query parameters, headers
 * and body. The API key is only ever placed in the `Authorization` header.
 */
import type { QueryNode } from "../ast/nodes.js";
import type { MixpeekBody } from "./body.js";
import { toMixpeek, type MixpeekOptions } from "./to-mixpeek.js";
import { expectQuery } from "../arguments.js";
import { expectMixpeekOptions } from "./mixpeek-options.js";

export interface MixpeekRequestOptions extends MixpeekOptions {
  readonly apiKey?: string;
  readonly namespace?: string;
  /** Page size when the query has no `limit`; default 10. */
  readonly pageSize?: number;
  /** The cursor: the last feature id of the previous page. */
  readonly offsetFeatureId?: string;
}

export interface MixpeekRequest {
  readonly method: "POST";
  readonly path: "/features";
  readonly query: { readonly page_size: number; readonly offset_feature_id?: string };
  /** `Authorization: Bearer <apiKey>` and `X-Namespace`, each present when its option is given. */
  readonly headers: { readonly Authorization?: string; readonly "X-Namespace"?: string };
  readonly body: MixpeekBody;
}

export function toMixpeekRequest(query: QueryNode, options: MixpeekRequestOptions = {}): MixpeekRequest {
  expectQuery("toMixpeekRequest", "query", query);
  expectMixpeekOptions("toMixpeekRequest", options);
  return requestWith(query, options, toMixpeek(query, options));
}

/** The request around a body already emitted for `query`. */
export function requestWith(query: QueryNode, options: MixpeekRequestOptions, body: MixpeekBody): MixpeekRequest {
  const page_size = query.limit ?? options.pageSize ?? 10;
  return {
    method: "POST",
    path: "/features",
    query: options.offsetFeatureId === undefined ? { page_size } : { page_size, offset_feature_id: options.offsetFeatureId },
    headers: {
      ...(options.apiKey === undefined ? {} : { Authorization: `Bearer ${options.apiKey}` }),
      ...(options.namespace === undefined ? {} : { "X-Namespace": options.namespace }),
    },
    body,
  };
}
