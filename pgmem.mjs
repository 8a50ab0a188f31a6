import { PGlite } from '@electric-sql/pglite';
const rss = () => Math.round(process.memoryUsage().rss / 1048576);
const opts = { postgresqlconf: ['shared_buffers=16MB', 'work_mem=4MB', 'wal_buffers=1MB'], initialMemory: Number(process.argv[2]) * 1048576 };
const db = await PGlite.create(process.argv[3] ?? 'memory://', opts);
await db.query('select 1');
for (let i=0;i<200;i++) await db.query('select $1::int + 1 as x, now()', [i]);
await new Promise(r=>setTimeout(r,2000));
console.log(process.argv[2], process.execArgv.join(' '), 'after', rss());
