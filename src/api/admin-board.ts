/**
 * The operators' queue board (bull-board) under /admin/queues, behind ARBITER_ADMIN_KEY: sent as
 * `Authorization: Bearer <key>`, or as the password of HTTP Basic auth (any user name), which a browser
 * asks for. Only in queue mode (the queues come from src/queue/board.ts) and only with an admin key.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import type { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-handler.ts';

export const ADMIN_BOARD_PATH = '/admin/queues';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The key in an `Authorization` header: Bearer, or Basic's password; null when there is none. */
function presentedKey(authorization: string | undefined): string | null {
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  if (bearer?.[1] !== undefined) return bearer[1];
  const basic = /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(authorization ?? '');
  if (basic?.[1] === undefined) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

/**
 * Registers the board on `app` (call it before `listen`).
 * @example registerAdminBoard(app, { adminKey: config.adminKey, queues: board.queues });
 */
export function registerAdminBoard(app: FastifyInstance, options: { readonly adminKey: string; readonly queues: readonly BullMQAdapter[] }): void {
  const expected = digest(options.adminKey);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(ADMIN_BOARD_PATH);
  createBullBoard({ queues: [...options.queues], serverAdapter, options: { uiConfig: { boardTitle: 'Arbiter queues' } } });
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const key = presentedKey(request.headers.authorization);
      if (key !== null && timingSafeEqual(digest(key), expected)) return;
      // Answered here: the board's routes have bull-board's own error handler, which would make a thrown error a 500.
      reply.header('www-authenticate', 'Basic realm="Arbiter admin", charset="UTF-8"');
      return key === null
        ? sendError(reply, request, 'AUTH_MISSING', 'send ARBITER_ADMIN_KEY as "Authorization: Bearer <key>" or as the Basic auth password')
        : sendError(reply, request, 'AUTH_INVALID', 'the admin key is not valid');
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: ADMIN_BOARD_PATH });
  });
}
