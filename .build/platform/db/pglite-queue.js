const SYNC = 83;
const QUERY = 81;
const COPY_DONE = 99;
const COPY_FAIL = 102;
const EXTENDED = /* @__PURE__ */ new Set([
  80,
  66,
  68,
  69,
  67,
  72,
  100
]);
function keepProtocolExchangesTogether(server) {
  const q = server.queryQueue;
  if (!q || typeof q.processQueue !== "function")
    throw new Error("pglite-socket: fila interna n\xE3o encontrada (vers\xE3o incompat\xEDvel?)");
  let owner = null;
  q.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let query;
        if (sticky !== null) {
          const i = this.queue.findIndex((x) => x.handlerId === sticky);
          if (i === -1) break;
          query = this.queue.splice(i, 1)[0];
        } else {
          query = this.queue.shift();
        }
        if (!query) break;
        const type = query.message[0];
        if (EXTENDED.has(type)) owner = query.handlerId;
        else if (type === SYNC || type === QUERY || type === COPY_DONE || type === COPY_FAIL) owner = null;
        let bytes = 0;
        try {
          await this.db.runExclusive(
            () => this.db.execProtocolRawStream(query.message, {
              onRawData: (data) => {
                bytes += data.length;
                query.onData(data);
              }
            })
          );
        } catch (e) {
          if (owner === query.handlerId) owner = null;
          query.reject(e);
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
  q.clearQueueForHandler = (id) => {
    clear(id);
    if (owner === id) {
      owner = null;
      void q.processQueue();
    }
  };
}
export {
  keepProtocolExchangesTogether
};
