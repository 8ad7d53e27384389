// The operation table's entries as documented routes: schemas, headers, errors and examples
// all read off the entry, so a new operation is documented the moment it exists.
import { z } from 'zod';
import type { OperationDef } from '../../shared/operation.ts';
import { pathFields } from '../../shared/operations/http-call.ts';
import { OPERATION_NAMES, OPERATIONS } from '../../shared/operations/index.ts';
import type { HeaderParam, Method, Operation } from './operation.ts';

const SUCCESS: Record<number, string> = { 200: 'OK', 201: 'Created' };

function documented(op: OperationDef): Operation {
  const { http, docs } = op;
  const input = op.input as z.ZodObject;
  const inPath: Record<string, true> = {};
  for (const field of pathFields(http).keys()) inPath[field] = true;
  const rest = Object.keys(inPath).length ? input.omit(inPath as never) : input;
  const headers: HeaderParam[] = [];
  if (http.headers) headers.push('ifMatch');
  if (op.access === 'write') headers.push('idempotencyKey');
  const list = op.output instanceof z.ZodArray;
  const bodySchema =
    http.method === 'GET' || http.method === 'DELETE'
      ? undefined
      : http.body !== undefined
        ? (input.shape[http.body] as z.ZodType)
        : Object.keys(rest.shape).length
          ? rest
          : undefined; // nothing to send (a heartbeat): an empty or absent body
  return {
    method: http.method.toLowerCase() as Method,
    path: http.path,
    operationId: docs.id,
    tag: docs.tag,
    summary: docs.summary,
    ...(docs.description ? { description: docs.description } : {}),
    ...(http.method === 'GET' && Object.keys(rest.shape).length ? { query: rest } : {}),
    ...(headers.length ? { headers } : {}),
    ...(bodySchema ? { body: { schema: bodySchema, example: docs.body } } : {}),
    ok: {
      status: http.status,
      description: SUCCESS[http.status] ?? 'Done',
      schema: list ? ((op.output as z.ZodArray).element as z.ZodType) : op.output,
      list,
      example: docs.result,
    },
    errors: [...new Set([...docs.errors, ...(op.access === 'read' ? [] : [403])])].sort(),
  };
}

export const tableOperations = (): Operation[] => OPERATION_NAMES.map((name) => documented(OPERATIONS[name]));
