// Hostile and near-valid values for fuzzed requests: strings, JSON bodies, raw payload text.
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

export const POLLUTERS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

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
export const enc = (s: string): string => encodeURIComponent(s.toWellFormed());

/** Picks from a live list at generation time (see KnownIds). */
export const pick = (list: string[]): fc.Arbitrary<string> =>
  fc.nat().map((i) => list[i % list.length] ?? 'gone');

export const jsonish = (ids: KnownIds): fc.Arbitrary<unknown> =>
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
export const payload = (ids: KnownIds): fc.Arbitrary<string | undefined> =>
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

/** Fields each write route accepts, so a share of bodies is valid and reaches the domain and the DB. */
const ROUTE_FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  'POST /api/tasks': {
    required: ['title'],
    optional: ['description', 'priority', 'assigned_agent_id', 'due_date'],
  },
  'PATCH /api/tasks/:task': { required: [], optional: ['title', 'priority', 'description', 'agent_id'] },
  'POST /api/tasks/:task/activities': {
    required: ['activity_type', 'message'],
    optional: ['agent_id', 'metadata'],
  },
  'POST /api/tasks/:task/deliverables': { required: ['deliverable_type', 'title'], optional: ['path'] },
  'POST /api/tasks/:task/subagent': {
    required: ['openclaw_session_id'],
    optional: ['agent_name', 'channel'],
  },
  'POST /api/agents': { required: ['name'], optional: ['role', 'description', 'avatar_emoji', 'is_master'] },
  'PATCH /api/agents/:agent': { required: [], optional: ['name', 'role', 'is_master'] },
};

/** A body made only of the fields `route` accepts, with valid values (JSON text), or undefined. */
export const validPayload = (ids: KnownIds, route: string): fc.Arbitrary<string | undefined> => {
  const fields = ROUTE_FIELDS[route];
  if (!fields) return fc.constant(undefined);
  const values = fieldValues(ids);
  const pickFrom = (names: string[]) =>
    Object.fromEntries(names.map((n) => [n, values[n] as fc.Arbitrary<unknown>]));
  return fc
    .record({ ...pickFrom(fields.required), ...pickFrom(fields.optional) }, { requiredKeys: fields.required })
    .map((body) => JSON.stringify(body));
};
