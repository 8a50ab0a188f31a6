import { unprocessable } from '../../platform/errors';

/** Opaque keyset cursors: base64url of [sortValue, id]. */
export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { value: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof value !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
      throw new Error('cursor');
    return { value, id };
  } catch {
    throw unprocessable('Cursor de paginação inválido.', [{ field: 'cursor', message: 'inválido' }]);
  }
}
