// How a client sends an operation over HTTP, read off the table's binding (browser and CLI alike).
import type { HttpBinding, HttpMethod } from '../operation.ts';
import { OPERATIONS, type OperationName, type ParsedInput } from './index.ts';

export interface HttpCall {
  method: HttpMethod;
  /** Path and query, e.g. `/api/tasks/abc/activities?order=desc`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The input fields that travel in the path, by input field name → path parameter name. */
export function pathFields(binding: HttpBinding): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of binding.path.matchAll(/:(\w+)/g)) {
    const param = match[1] as string;
    fields.set(binding.params?.[param] ?? param, param);
  }
  return fields;
}

/** `input` must be parsed already (defaults filled in), as the server will see it. */
export function httpCallOf<N extends OperationName>(name: N, input: ParsedInput<N>): HttpCall {
  const binding: HttpBinding = OPERATIONS[name].http;
  const fields = { ...(input as Record<string, unknown>) };
  let path = binding.path;
  for (const [field, param] of pathFields(binding)) {
    path = path.replace(`:${param}`, encodeURIComponent(String(fields[field])));
    delete fields[field];
  }
  const headers: Record<string, string> = {};
  for (const [field, header] of Object.entries(binding.headers ?? {})) {
    if (fields[field] !== undefined) headers[header] = `"${fields[field]}"`;
    delete fields[field];
  }
  const call: HttpCall = { method: binding.method, path };
  if (Object.keys(headers).length) call.headers = headers;
  if (binding.method === 'GET') {
    const query = Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]): [string, string] => [key, String(value)]);
    if (query.length) call.path += `?${new URLSearchParams(query)}`;
    return call;
  }
  const body = binding.body === undefined ? fields : fields[binding.body];
  const empty =
    body === undefined || (Object.keys(body as object).length === 0 && binding.body === undefined);
  if (!empty || binding.method === 'POST' || binding.method === 'PUT') call.body = body ?? {};
  return call;
}
