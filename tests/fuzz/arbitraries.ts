// fast-check generators for hostile HTTP requests: every route, malformed bodies, queries, params, headers.
import fc from 'fast-check';
import {
  ACTIVITY_TYPES,
  AGENT_STATUSES,
  DELIVERABLE_TYPES,
  SESSION_STATUSES,
  SESSION_TYPES,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from '../../src/shared/enums.ts';

/**
 * Ids of rows that exist, so fuzzed requests also reach the code behind the 404. The lists are
 * live: the runner replaces an id a fuzzed DELETE removed, so later cases still find rows.
 */
export interface KnownIds {
  tasks: string[];
  agents: string[];
  sessions: string[];
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export const ROUTES = [
  'GET /api/health',
  'GET /api/tasks',
  'POST /api/tasks',
  'GET /api/tasks/:task',
  'PATCH /api/tasks/:task',
  'DELETE /api/tasks/:task',
  'GET /api/tasks/:task/activities',
  'POST /api/tasks/:task/activities',
  'GET /api/tasks/:task/deliverables',
  'POST /api/tasks/:task/deliverables',
  'GET /api/tasks/:task/subagent',
  'POST /api/tasks/:task/subagent',
  'GET /api/agents',
  'POST /api/agents',
  'GET /api/agents/:agent',
  'PATCH /api/agents/:agent',
  'DELETE /api/agents/:agent',
  'GET /api/openclaw/sessions',
  'GET /api/openclaw/sessions/:session',
  'PATCH /api/openclaw/sessions/:session',
  'GET /api/snapshot',
  'GET /api/events/stream',
  'POST /api/auth/session',
  'GET /api/auth/session',
  'DELETE /api/auth/session',
  'POST /mcp',
  'GET /mcp',
  'GET /',
  'GET /index.html',
] as const;

const POLLUTERS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Strings that break naive code: unicode, controls, SQL and path tricks, format strings, huge ones. */
export const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uFFFF',
      '\uD800',
      '💥🤖',
      'ﷺ',
      '\u202E',
      "'; DROP TABLE tasks; --",
      '%',
      '_',
      '\\',
      '%s%n',
      '../../etc/passwd',
      '..%2f..%2f',
      'NaN',
      '-1',
      '1e999',
      '9007199254740993',
      'null',
      'true',
      '2026-02-30',
      '2026-01-31T12:00:00.000Z',
      'https://example.com/x',
      'javascript:alert(1)',
      'file:///etc/passwd',
      ...POLLUTERS,
    ),
    fc.integer({ min: 1, max: 600_000 }).map((n) => 'x'.repeat(n)),
  );

/** Percent-encodes; a lone surrogate cannot be encoded, so it becomes U+FFFD first. */
const enc = (s: string): string => encodeURIComponent(s.toWellFormed());

/** Picks from a live list at generation time (see KnownIds). */
const pick = (list: string[]): fc.Arbitrary<string> => fc.nat().map((i) => list[i % list.length] ?? 'gone');

const jsonish = (ids: KnownIds): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: nastyString() },
    { weight: 2, arbitrary: fc.oneof(pick(ids.tasks), pick(ids.agents), pick(ids.sessions)) },
    { weight: 3, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(fc.string(), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...POLLUTERS, 'a', 'from'), fc.jsonValue()) },
  );

/** Valid values per field name, so most bodies are near-valid and reach the domain. */
const fieldValues = (ids: KnownIds): Record<string, fc.Arbitrary<unknown>> => {
  const agent = fc.oneof({ weight: 5, arbitrary: pick(ids.agents) }, fc.constant('no-such-agent'));
  return {
    title: fc.string({ minLength: 1, maxLength: 30 }),
    description: fc.option(fc.string({ maxLength: 60 })),
    status: fc.constantFrom(...TASK_STATUSES, ...AGENT_STATUSES, ...SESSION_STATUSES),
    priority: fc.constantFrom(...TASK_PRIORITIES),
    assigned_agent_id: fc.option(agent),
    created_by_agent_id: fc.option(agent),
    agent_id: fc.option(agent),
    due_date: fc.option(
      fc.constantFrom('2026-03-01', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00+02:00'),
    ),
    name: fc.string({ minLength: 1, maxLength: 20 }),
    role: fc.string({ minLength: 1, maxLength: 20 }),
    avatar_emoji: fc.constantFrom('🤖', '🦊', 'A'),
    is_master: fc.boolean(),
    activity_type: fc.constantFrom(...ACTIVITY_TYPES),
    message: fc.string({ minLength: 1, maxLength: 40 }),
    metadata: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }))),
    deliverable_type: fc.constantFrom(...DELIVERABLE_TYPES),
    path: fc.option(fc.constantFrom('https://example.com/r', '/tmp/out.txt', 'ftp://x', 'not a url')),
    openclaw_session_id: fc.string({ minLength: 1, maxLength: 20 }),
    agent_name: fc.option(fc.string({ maxLength: 20 })),
    channel: fc.option(fc.string({ maxLength: 20 })),
    session_type: fc.constantFrom(...SESSION_TYPES),
    token: fc.string({ maxLength: 30 }),
  };
};

/** An object of known field names with valid or hostile values, plus maybe an extra field. */
const bodyObject = (ids: KnownIds): fc.Arbitrary<Record<string, unknown>> => {
  const fields = fieldValues(ids);
  const entry = fc
    .constantFrom(...Object.keys(fields))
    .chain((name) =>
      fc.tuple(
        fc.constant(name),
        fc.oneof({ weight: 4, arbitrary: fields[name] as fc.Arbitrary<unknown> }, jsonish(ids)),
      ),
    );
  const extra = fc.tuple(fc.oneof(fc.constantFrom(...POLLUTERS), fc.string({ maxLength: 10 })), jsonish(ids));
  return fc
    .tuple(fc.array(entry, { maxLength: 6 }), fc.array(extra, { maxLength: 1 }))
    .map(([known, extras]) => Object.fromEntries([...known, ...extras]));
};

/** Raw body text: JSON of an object, or text no JSON parser should accept quietly. */
const payload = (ids: KnownIds): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 10, arbitrary: bodyObject(ids).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"title":',
        '{"title":"a",}',
        "{'title':'a'}",
        'null',
        '[]',
        '"x"',
        '1e999',
        '\u0000',
        '{"__proto__":{"polluted":1},"title":"p"}',
        '{"constructor":{"prototype":{"polluted":1}},"title":"c"}',
        '{"title":"dup","title":"dup2"}',
        `{"metadata":${'['.repeat(5000)}${']'.repeat(5000)}}`,
        `{"title":"${'\\u0000'.repeat(100)}"}`,
        `{"title":"${'y'.repeat(1_100_000)}"}`,
        'title=a&status=done',
      ),
    },
    { weight: 1, arbitrary: nastyString() },
  );

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
  return fc
    .record({
      route: fc.constantFrom(...ROUTES),
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
    })
    .map((r) => {
      const [routeMethod, template] = r.route.split(' ') as [string, string];
      let path = template.replace(':task', r.task).replace(':agent', r.agent).replace(':session', r.session);
      if (r.pathTrick !== null) path += r.pathTrick;
      const headers: Record<string, string> = {};
      if (r.auth === 'bearer') headers.authorization = `Bearer ${token}`;
      if (r.auth === 'garbage') headers.authorization = 'Basic Zm9vOmJhcg==';
      const method = r.otherMethod ?? routeMethod;
      const hasBody = method !== 'GET' && method !== 'HEAD' && r.payload !== undefined;
      if (hasBody) headers['content-type'] = r.contentType ?? 'application/json';
      if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
      if (r.ifMatch !== null) headers['if-match'] = r.ifMatch;
      if (r.lastEventId !== null) headers['last-event-id'] = r.lastEventId;
      if (r.extraHeader !== null) headers[r.extraHeader[0]] = r.extraHeader[1];
      return { method, url: path + r.query, headers, ...(hasBody ? { payload: r.payload } : {}) };
    });
}
