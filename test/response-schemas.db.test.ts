import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { modules } from '../src/modules/registry';
import type { BuiltApp } from '../src/platform/http/app';
import type { ModuleDefinition } from '../src/platform/module';
import { buildPlatformApp } from '../src/platform/server';
import { createTestApp, type TestApp } from '../src/platform/testing';

/**
 * Every /api/v1 route says what it answers: its operation in the OpenAPI document has a response
 * schema for a success status — a JSON body with a schema that says something, or a 204 (no
 * body). Without one the document does not describe the answer and the serializer does not strip
 * what the handler was never meant to return. Walks the routes the app registered (not only the
 * documented ones), so a route added without `schema.response` fails here.
 */

/**
 * Routes whose success body is not JSON, so there is no JSON schema to give: the handler sets the
 * content type and sends bytes or text (no `response` entry, as everywhere in the codebase for
 * such bodies). Keep it exact: an entry that is not (or no longer) such a route fails too.
 */
const NON_JSON: Record<string, string> = {
  'GET /api/v1/documents/:id/content': 'bytes do documento anexado (PDF, JPEG ou PNG)',
  'POST /api/v1/calculations/rmi/memoria': 'memória de cálculo em text/plain ou application/pdf',
  'GET /api/v1/supervision/report': 'relatório em PDF ou XLSX',
};

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

/** Routes of `built` whose OpenAPI operation has no response schema for a 2xx status. */
async function withoutResponseSchema(built: BuiltApp): Promise<string[]> {
  const res = await built.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const paths = res.json().paths as Record<string, Record<string, Operation>>;
  const says = (schema: Record<string, unknown> | undefined) =>
    schema !== undefined && Object.keys(schema).some((k) => k !== 'description'); // z.unknown() is {}
  const missing: string[] = [];
  for (const r of built.routes) {
    const op = paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
    // Without `response`, @fastify/swagger writes a bare "200: Default Response" (no content);
    // a 204 only appears when the route declares it.
    const described = Object.entries(op?.responses ?? {}).some(
      ([status, resp]) =>
        /^2\d\d$/.test(status) &&
        (status === '204' || Object.values(resp.content ?? {}).some((c) => says(c.schema))),
    );
    if (!described) missing.push(`${r.method} ${r.url}`);
  }
  return missing.sort();
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('response schemas', () => {
  it('every /api/v1 route with a JSON answer has a response schema for its success status', async () => {
    const missing = await withoutResponseSchema(t.built);
    expect(
      missing.filter((r) => !(r in NON_JSON)),
      'rotas /api/v1 sem schema de resposta para 2xx (declare schema.response ou, se a resposta não é JSON, inclua-as em NON_JSON)',
    ).toEqual([]);
    expect(
      Object.keys(NON_JSON).filter((r) => !missing.includes(r)),
      'entradas de NON_JSON que não são (mais) rotas sem schema de resposta',
    ).toEqual([]);
  });

  it('catches a route added without a usable response schema', async () => {
    const probe: ModuleDefinition = {
      name: 'response-probe',
      permissions: { 'probe.use': { description: 'teste', roles: ['admin'] } },
      routes: (app) => {
        const config = { permission: 'probe.use' };
        app.get('/api/v1/probe/none', { config, schema: { summary: 'sem response' } }, async () => ({}));
        app.post(
          '/api/v1/probe/errors-only',
          { config, schema: { response: { 409: z.object({ title: z.string() }) } } },
          async () => {},
        );
        app.get(
          '/api/v1/probe/unknown',
          { config, schema: { response: { 200: z.unknown() } } },
          async () => 1,
        );
        app.get(
          '/api/v1/probe/described',
          { config, schema: { response: { 200: z.object({ ok: z.boolean() }) } } },
          async () => ({ ok: true }),
        );
        app.delete(
          '/api/v1/probe/no-content',
          { config, schema: { response: { 204: z.null() } } },
          async (_req, reply) => reply.status(204).send(null),
        );
      },
    };
    const built = await buildPlatformApp(t.deps, [...modules, probe]);
    try {
      const missing = (await withoutResponseSchema(built)).filter((r) => r.includes('/probe/'));
      expect(missing).toEqual([
        'GET /api/v1/probe/none',
        'GET /api/v1/probe/unknown',
        'POST /api/v1/probe/errors-only',
      ]);
    } finally {
      await built.app.close();
    }
  });
});
