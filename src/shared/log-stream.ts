// Wire constants of the session log stream, free of zod so the browser's first chunk can import them.

/** The named SSE event a log stream sends (without an id) when its session ends. */
export const LOG_STREAM_ENDED = 'session_ended';
