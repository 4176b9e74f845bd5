/**
 * GET /v1/jobs/:id/events: Server-Sent Events. One `event: group` per finished group (data: `{index,
 * result}`, in completion order), then one `event: done` (data: `{status}`), then the stream ends. Each
 * event has an `id:`; a client reconnecting with `Last-Event-ID: n` gets the events after n. A comment
 * line every heartbeat keeps proxies from closing an idle stream.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { JobEvent } from '../../grading/jobs.ts';
import type { RouteDeps } from '../route-deps.ts';
import { ErrorBody, JobParams } from '../schemas.ts';

export interface EventRouteDeps extends RouteDeps {
  readonly heartbeatMs: number;
  /** Open streams, ended by buildApp's preClose so that app.close() does not wait on them. */
  readonly streams: Set<() => void>;
}

function lastEventIdOf(header: string | string[] | undefined): number {
  const value = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

function frame(seq: number, event: JobEvent): string {
  const data = event.type === 'group' ? { index: event.index, result: event.result } : { status: event.status };
  return `id: ${seq}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export async function jobEventsRoute(app: FastifyInstance, { jobs, heartbeatMs, streams }: EventRouteDeps): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/v1/jobs/:id/events',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Stream the job: one event per finished group, then done (text/event-stream)',
        params: JobParams,
        response: { '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const owner = request.owner;
      if ((await jobs.get(id, owner)) === null) throw new AppError('JOB_NOT_FOUND', 'no such job');
      const skipUpTo = lastEventIdOf(request.headers['last-event-id']);

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'close', // a stream is long; once it ends, the socket goes with it (app.close() need not wait for it)
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write(': stream open\n\n');

      let seq = 0;
      let ended = false;
      let unsubscribe: (() => void) | null = null;
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        streams.delete(end);
        unsubscribe?.();
        if (!res.writableEnded) res.end();
      };
      streams.add(end);
      res.on('close', end); // the client went away, or we ended

      try {
        unsubscribe = await jobs.subscribe(id, owner, (event) => {
          if (ended) return;
          seq += 1;
          if (event.type === 'group' && seq <= skipUpTo) return;
          res.write(frame(seq, event));
          if (event.type === 'done') end();
        });
      } catch (error) {
        // The reply is already the stream (Redis went away meanwhile): end it, and the client reconnects with Last-Event-ID.
        request.log.warn({ err: error, job_id: id }, 'event stream could not subscribe; ended');
        end();
        return;
      }
      if (unsubscribe === null || ended) {
        // Expired between the check and the subscription, or already done during the replay.
        unsubscribe?.();
        end();
      }
    },
  );
}
