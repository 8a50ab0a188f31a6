import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * pglite-socket 0.2.17 multiplexes many client connections onto PGlite's single session, message
 * by message. It keeps a transaction's messages together, but not the messages of one
 * extended-protocol exchange outside a transaction (Parse, Bind, Describe, Execute … Sync): two
 * connections running parameterized queries at once overwrite each other's unnamed statement
 * ("bind message supplies 2 parameters, but prepared statement requires 5").
 *
 * This replaces the queue's scheduler with one that also keeps a connection's exchange together:
 * once a connection sends an extended-protocol message, only its messages run until its Sync (or
 * a simple Query, or the end of a COPY); inside a transaction, as before, until the transaction
 * ends. If that connection goes away mid-exchange, the session is released.
 */
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const COPY_DONE = 0x63; // 'c'
const COPY_FAIL = 0x66; // 'f'
const EXTENDED = new Set([
  0x50 /* P */, 0x42 /* B */, 0x44 /* D */, 0x45 /* E */, 0x43 /* C */, 0x48 /* H */, 0x64 /* d */,
]);

interface QueuedQuery {
  handlerId: number;
  message: Uint8Array;
  timestamp: number;
  onData(data: Uint8Array): void;
  resolve(n: number): void;
  reject(e: Error): void;
}

interface QueueInternals {
  queue: QueuedQuery[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(m: Uint8Array, o: { onRawData(d: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(id: number): void;
}

export function keepProtocolExchangesTogether(server: PGLiteSocketServer) {
  const q = (server as unknown as { queryQueue: QueueInternals }).queryQueue;
  if (!q || typeof q.processQueue !== 'function')
    throw new Error('pglite-socket: fila interna não encontrada (versão incompatível?)');
  let owner: number | null = null; // connection in the middle of an extended-protocol exchange

  q.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let query: QueuedQuery | undefined;
        if (sticky !== null) {
          const i = this.queue.findIndex((x) => x.handlerId === sticky);
          if (i === -1) break; // wait for that connection's next message
          query = this.queue.splice(i, 1)[0];
        } else {
          query = this.queue.shift();
        }
        if (!query) break;
        const type = query.message[0]!;
        if (EXTENDED.has(type)) owner = query.handlerId;
        else if (type === SYNC || type === QUERY || type === COPY_DONE || type === COPY_FAIL) owner = null;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(query.message, {
              onRawData: (data) => {
                bytes += data.length;
                query.onData(data);
              },
            }),
          );
        } catch (e) {
          if (owner === query.handlerId) owner = null;
          query.reject(e as Error);
          continue;
        }
        this.lastHandlerId = query.handlerId;
        query.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(q);

  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (id: number) => {
    clear(id);
    if (owner === id) {
      owner = null;
      void q.processQueue();
    }
  };
}
