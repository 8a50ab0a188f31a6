import { unprocessable } from "../../platform/errors.js";
function encodeCursor(value, id) {
  return Buffer.from(JSON.stringify([value, id]), "utf8").toString("base64url");
}
function decodeCursor(cursor) {
  if (!cursor) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof value !== "string" || typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id))
      throw new Error("cursor");
    return { value, id };
  } catch {
    throw unprocessable("Cursor de pagina\xE7\xE3o inv\xE1lido.", [{ field: "cursor", message: "inv\xE1lido" }]);
  }
}
export {
  decodeCursor,
  encodeCursor
};
