import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { AppError, unprocessable } from "../../platform/errors.js";
import { assertVisible, scopeOf } from "./access.js";
import { blobStoreFor } from "./blob-store.js";
import { DOCUMENT_CATEGORIES, detectFileType, sanitizeFileName } from "./domain/files.js";
import { appendAction, findRequest, one } from "./store.js";
async function uploadDocument(deps, ctx, requestId, input) {
  if (!DOCUMENT_CATEGORIES.includes(input.category)) {
    throw unprocessable("Categoria de documento inv\xE1lida.", [
      { field: "category", message: `use uma de: ${DOCUMENT_CATEGORIES.join(", ")}` }
    ]);
  }
  if (input.bytes.length > deps.config.UPLOAD_MAX_FILE_BYTES) {
    throw new AppError(
      "payload_too_large",
      `Arquivo maior que o limite de ${Math.floor(deps.config.UPLOAD_MAX_FILE_BYTES / 1024)} KiB.`
    );
  }
  const check = detectFileType(input.bytes);
  if (!check.ok) {
    const code = check.rejection.reason === "unknown_type" ? "unsupported_media_type" : "unprocessable";
    throw new AppError(code, check.rejection.message, {
      errors: [{ field: "file", message: check.rejection.reason }]
    });
  }
  const fileName = sanitizeFileName(input.fileName, check.type);
  const scope = await scopeOf(deps, ctx.actor);
  const visible = assertVisible(scope, await findRequest(deps.db.orm, requestId));
  const sha256 = await blobStoreFor(deps.config).put(input.bytes, check.type);
  return deps.db.tx(async (tx) => {
    const req = assertVisible(scope, await findRequest(tx, visible.id, true));
    if (req.document_bytes + input.bytes.length > deps.config.UPLOAD_MAX_REQUEST_BYTES) {
      throw new AppError(
        "payload_too_large",
        `Os documentos deste requerimento excederiam o limite de ${Math.floor(deps.config.UPLOAD_MAX_REQUEST_BYTES / 1024)} KiB.`
      );
    }
    const id = randomUUID();
    await appendAction(tx, deps, ctx, req, "UPLOAD_DOCUMENT", {
      details: { documentId: id, category: input.category }
    });
    await tx.execute(
      sql`UPDATE req_requests SET document_bytes = document_bytes + ${input.bytes.length} WHERE id = ${req.id}`
    );
    const row = await one(
      tx,
      sql`INSERT INTO req_documents (id, request_id, sha256, size_bytes, media_type, file_name, category, uploaded_by_account_id, uploaded_by_role)
          VALUES (${id}, ${req.id}, ${sha256}, ${input.bytes.length}, ${check.type}, ${fileName}, ${input.category}, ${ctx.actor.accountId}, ${ctx.actor.role})
          RETURNING created_at`
    );
    await deps.audit.record(tx, ctx, {
      action: "create",
      resourceType: "document",
      resourceId: id,
      details: { requestId: req.id, category: input.category }
    });
    await deps.outbox.publish(tx, {
      type: "document.uploaded",
      aggregateType: "request",
      aggregateId: req.id,
      payload: {
        documentId: id,
        requestId: req.id,
        protocol: req.protocol,
        category: input.category,
        mediaType: check.type,
        sizeBytes: input.bytes.length,
        uploadedByRole: ctx.actor.role
      }
    });
    return {
      id,
      requestId: req.id,
      fileName,
      mediaType: check.type,
      sizeBytes: input.bytes.length,
      category: input.category,
      sha256,
      createdAt: new Date(row?.created_at ?? deps.clock.now()).toISOString()
    };
  });
}
export {
  uploadDocument
};
