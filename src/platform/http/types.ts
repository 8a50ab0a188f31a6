import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The permission this route requires ("calculation.run"), or 'public' for routes anyone may
     * call, or 'authenticated' for any logged-in account. Every /api route must declare one: the
     * app refuses to start otherwise.
     */
    permission?: string;
    /** POST that creates something: honours the Idempotency-Key header. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    actor: import('../auth/roles').Actor | null;
  }
}
