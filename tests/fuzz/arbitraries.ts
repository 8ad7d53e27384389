// fast-check generators for hostile HTTP requests: every route, malformed bodies, queries, params, headers.
import fc from 'fast-check';
import { OPERATION_NAMES, OPERATIONS } from '../../src/shared/operations/index.ts';
import { enc, jsonish, type KnownIds, nastyString, payload, pick, validPayload } from './values.ts';

export type { KnownIds };

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const PARAM: Record<string, string> = { tasks: ':task', agents: ':agent', sessions: ':session' };

/** Every operation of the table (its path's `:id` named for the ids the fuzzer knows), then the fixed routes. */
export const ROUTES: readonly string[] = [
  ...OPERATION_NAMES.map((name) => {
    const { method, path } = OPERATIONS[name].http;
    return `${method} ${path.replace(/\/(\w+)\/:id/, (_m, collection: string) => `/${collection}/${PARAM[collection] ?? ':other'}`)}`;
  }),
  'GET /api/health',
  'GET /api/events/stream',
  'POST /api/auth/session',
  'GET /api/auth/session',
  'DELETE /api/auth/session',
  'POST /mcp',
  'GET /mcp',
  'GET /',
  'GET /index.html',
];

/** A path segment for :id: a real id most of the time, else a trick. */
const idSegment = (ids: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: pick(ids) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '..',
        '%2e%2e',
        '%252e%252e',
        '..%2f..%2f',
        '%00',
        '%',
        '%zz',
        '%E2%82',
        '%F0%9F%92%A5',
        'a%2Fb',
        '__proto__',
        'constructor',
        '+',
        '%20',
        'x'.repeat(600),
      ),
    },
    { weight: 2, arbitrary: nastyString().map((s) => enc(s.slice(0, 300))) },
  );

const queryKeys = [
  'status',
  'assigned_agent_id',
  'q',
  'limit',
  'offset',
  'order',
  'session_type',
  'task_id',
  'lastEventId',
  '__proto__',
  'constructor[prototype][polluted]',
  '__proto__[polluted]',
  'status[]',
];

const query = (ids: KnownIds): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...queryKeys), fc.string({ maxLength: 8 })),
        fc.oneof(
          jsonish(ids).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')).slice(0, 5000)),
          fc.constantFrom('inbox', 'desc', '10', '0', '-5', '1.5', '1e3', '', '%', '%zz'),
        ),
      ),
      { maxLength: 5 },
    )
    .map((pairs) =>
      pairs.length === 0
        ? ''
        : `?${pairs.map(([k, v]) => `${enc(k)}=${v === '%zz' || v === '%' ? v : enc(v)}`).join('&')}`,
    );

/** Header values Node lets a client send: tab, printable ASCII and latin-1. */
const headerValue = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[\t\x20-\x7e]{0,60}$/) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => 'h'.repeat(n)) },
  fc.constantFrom('', '*', '"3"', 'W/"1"', '1', '-1', '99999999999999999999', 'null', '\u00ff\u00e9'),
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'APPLICATION/JSON',
  'application/jsonx',
  'json',
  '',
];

/** `arb` in one case of `every`, else null (fc.option's freq counts the other way round). */
const sometimes = <T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

export function requestArb(ids: KnownIds, token: string): fc.Arbitrary<FuzzRequest> {
  const methods = fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS');
  // The route is drawn first so that a share of bodies can be the valid kind for it.
  return fc
    .constantFrom(...ROUTES)
    .chain((route) => fc.tuple(fc.constant(route), validPayload(ids, route)))
    .chain(([route, validBody]) =>
      fc.record({
        route: fc.constant(route),
        validBody: fc.constant(validBody),
        otherMethod: sometimes(methods, 6),
        task: idSegment(ids.tasks),
        agent: idSegment(ids.agents),
        session: idSegment(ids.sessions),
        pathTrick: sometimes(
          fc.constantFrom(
            '/',
            '//',
            '/..',
            '/../..',
            '/%2e%2e',
            '/./',
            '/%2F',
            '/.%2e/',
            '/%252e%252e/',
            '#x',
            ';x',
          ),
          5,
        ),
        query: query(ids),
        payload: payload(ids),
        valid: fc.boolean(),
        contentType: sometimes(fc.constantFrom(...CONTENT_TYPES), 4),
        auth: fc.constantFrom('bearer', 'bearer', 'bearer', 'bearer', 'bearer', 'bearer', 'none', 'garbage'),
        idempotencyKey: sometimes(headerValue, 3),
        ifMatch: sometimes(headerValue, 4),
        lastEventId: sometimes(headerValue, 4),
        extraHeader: sometimes(
          fc.tuple(
            fc.constantFrom('x-forwarded-for', 'cookie', 'accept', 'x-http-method-override'),
            headerValue,
          ),
          4,
        ),
      }),
    )
    .map((r) => {
      const [routeMethod, template] = r.route.split(' ') as [string, string];
      let path = template
        .replace(':task', r.task)
        .replace(':agent', r.agent)
        .replace(':session', r.session)
        .replace(':other', r.agent);
      if (r.pathTrick !== null) path += r.pathTrick;
      const headers: Record<string, string> = {};
      if (r.auth === 'bearer') headers.authorization = `Bearer ${token}`;
      if (r.auth === 'garbage') headers.authorization = 'Basic Zm9vOmJhcg==';
      const method = r.otherMethod ?? routeMethod;
      const body = r.valid && r.validBody !== undefined ? r.validBody : r.payload;
      const hasBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
      if (hasBody) headers['content-type'] = r.contentType ?? 'application/json';
      if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
      if (r.ifMatch !== null) headers['if-match'] = r.ifMatch;
      if (r.lastEventId !== null) headers['last-event-id'] = r.lastEventId;
      if (r.extraHeader !== null) headers[r.extraHeader[0]] = r.extraHeader[1];
      return { method, url: path + r.query, headers, ...(hasBody ? { payload: body } : {}) };
    });
}
