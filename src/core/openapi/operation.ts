// The shape of one documented route (from the operation table, or a fixed one), turned into OpenAPI by document.ts.
import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type HeaderParam = 'idempotencyKey' | 'ifMatch' | 'lastEventId';

export interface Operation {
  method: Method;
  /** Fastify's spelling (`/api/tasks/:id`); document.ts writes `{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** No token needed (health, token exchange). */
  public?: boolean;
  query?: z.ZodObject;
  headers?: HeaderParam[];
  body?: { schema: z.ZodType; example: unknown; contentType?: string };
  ok: {
    status: number;
    description: string;
    /** Omitted for an empty answer (204). */
    schema?: z.ZodType;
    /** The answer is an array of `schema`. */
    list?: boolean;
    example?: unknown;
    contentType?: string;
  };
  /** Error statuses the route can answer besides 401 (added for every non-public route). */
  errors: number[];
}
