import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/roles';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { assertVisible, scopeOf } from './access';
import { blobStoreFor } from './blob-store';
import { findRequest, one } from './store';

/** The bytes of a document, by document id, to someone who may see its request. Audited. */
export async function getDocumentContent(deps: Deps, ctx: Ctx, documentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw notFound('Documento');
  const scope = await scopeOf(deps, ctx.actor);
  const doc = await deps.db.tx(async (tx) => {
    const d = await one<{
      id: string;
      request_id: string;
      sha256: string;
      media_type: string;
      file_name: string;
    }>(
      tx,
      sql`SELECT id, request_id, sha256, media_type, file_name FROM req_documents WHERE id = ${documentId}`,
    );
    if (!d) throw notFound('Documento');
    try {
      assertVisible(scope, await findRequest(tx, d.request_id));
    } catch {
      throw notFound('Documento');
    }
    await deps.audit.record(tx, ctx, {
      action: 'read',
      resourceType: 'document',
      resourceId: d.id,
      details: { requestId: d.request_id },
    });
    return d;
  });
  const bytes = await blobStoreFor(deps.config).get(doc.sha256);
  if (!bytes) throw new AppError('internal', 'Conteúdo do documento indisponível no repositório.');
  return { bytes, mediaType: doc.media_type, fileName: doc.file_name };
}
