// Browsers trade the token once for an HttpOnly cookie, so it never stays in the page or the URL.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../../shared/api.ts';
import { safeEqual, sessionCookieValue } from '../../config/token.ts';
import { HttpError } from '../../errors.ts';
import { parse } from '../context.ts';
import type { DeviceAuth } from '../device-auth.ts';
import type { FailedAuthBrake } from '../guards.ts';

const SessionCreate = z.strictObject({ token: z.string().min(1).max(1000) });
const COOKIE = { path: '/', httpOnly: true, sameSite: 'strict', secure: false } as const;

export function authRoutes(
  app: FastifyInstance,
  token: string,
  brake: FailedAuthBrake,
  devices: DeviceAuth,
): void {
  app.post('/api/auth/session', async (req, reply) => {
    brake.check(req.ip);
    const body = parse(SessionCreate, req.body);
    const cookie = safeEqual(body.token, token) ? sessionCookieValue(token) : devices.cookieFor(body.token);
    if (!cookie) {
      brake.fail(req.ip);
      throw new HttpError(401, 'unauthorized', 'That token is not valid for this server');
    }
    return reply.setCookie(SESSION_COOKIE, cookie, COOKIE).code(204).send();
  });

  app.get('/api/auth/session', async (req) => ({
    authenticated: true,
    scope: req.principal?.scope ?? 'write',
    device_id: req.principal?.deviceId ?? null,
  }));

  app.delete('/api/auth/session', async (_req, reply) =>
    reply.clearCookie(SESSION_COOKIE, COOKIE).code(204).send(),
  );
}
