/**
 * The audit sealer in a worker thread of its own (started by startAuditSealer on a real
 * PostgreSQL): reading the rows, their canonical text and SHA-256, and the garbage of all that
 * stay off the event loop that answers requests. Its own connection (one), the same database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database';
import { sealEvery } from './audit';

export interface SealerThreadData {
  url: string;
  everyMs: number;
}

export type SealerThreadMessage = { type: 'error'; message: string; stack?: string } | { type: 'stopped' };

const { url, everyMs } = workerData as SealerThreadData;
const port = parentPort!;
const db = await openDatabase({ url, poolSize: 1, applicationName: 'previdencia-selador' });
const report = (err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  port.postMessage({ type: 'error', message: e.message, stack: e.stack } satisfies SealerThreadMessage);
};
const stop = sealEvery(db, everyMs, report);
let stopping = false;
port.on('message', async (m: unknown) => {
  if (m !== 'stop' || stopping) return;
  stopping = true;
  await stop();
  await db.close().catch(report);
  port.postMessage({ type: 'stopped' } satisfies SealerThreadMessage);
  port.close();
});
