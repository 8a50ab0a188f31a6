import { sql } from "drizzle-orm";
import { AppError, notFound } from "../../platform/errors.js";
import { assertVisible, scopeOf } from "./access.js";
import { blobStoreFor } from "./blob-store.js";
import { findRequest, one } from "./store.js";
async function getDocumentContent(deps, ctx, documentId) {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw notFound("Documento");
  const scope = await scopeOf(deps, ctx.actor);
  const doc = await deps.db.tx(async (tx) => {
    const d = await one(
      tx,
      sql`SELECT id, request_id, sha256, media_type, file_name FROM req_documents WHERE id = ${documentId}`
    );
    if (!d) throw notFound("Documento");
    try {
      assertVisible(scope, await findRequest(tx, d.request_id));
    } catch {
      throw notFound("Documento");
    }
    await deps.audit.record(tx, ctx, {
      action: "read",
      resourceType: "document",
      resourceId: d.id,
      details: { requestId: d.request_id }
    });
    return d;
  });
  const bytes = await blobStoreFor(deps.config).get(doc.sha256);
  if (!bytes) throw new AppError("internal", "Conte\xFAdo do documento indispon\xEDvel no reposit\xF3rio.");
  return { bytes, mediaType: doc.media_type, fileName: doc.file_name };
}
export {
  getDocumentContent
};
