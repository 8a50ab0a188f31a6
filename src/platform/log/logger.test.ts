import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, lazyChildLogger, scrub } from './logger';

function capture() {
  const lines: string[] = [];
  const dest = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger({ level: 'info', destination: dest as never }), lines };
}

describe('logger redaction', () => {
  it('redacts personal-data fields and scrubs free text', () => {
    const { log, lines } = capture();
    log.info(
      {
        cpf: '52998224725',
        person: { nit: '12056789013', email: 'a@b.com', phone: '+55 85 99999-1234' },
        token: 'pdt_abc',
      },
      'consulta do CPF 529.982.247-25 por maria@exemplo.gov.br',
    );
    const out = lines.join('');
    expect(out).not.toMatch(/52998224725|529\.982\.247-25|12056789013|a@b\.com|99999-1234|pdt_abc|maria@/);
    expect(out).toMatch(/\[redacted\]/);
    expect(out).toMatch(/\[cpf\]/);
  });
  it('scrubs URLs and bearer tokens', () => {
    expect(scrub('/api/v1/people/52998224725/cnis')).toBe('/api/v1/people/[cpf]/cnis');
    expect(scrub('Authorization: Bearer pdt_xyz.123')).toBe('Authorization: Bearer [token]');
  });
  it('scrubs personal data inside logged errors (e.g. a unique-violation detail)', () => {
    const { log, lines } = capture();
    const e = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      detail: 'Key (citizen_cpf)=(52998224725) already exists.',
    });
    log.error({ err: e }, 'falha');
    const out = lines.join('');
    expect(out).not.toMatch(/52998224725/);
    expect(out).toMatch(/\[cpf\]/);
  });
  it('creates the per-request child only when it logs, with its bindings and the same redaction', () => {
    const { log, lines } = capture();
    let children = 0;
    const counting = new Proxy(log, {
      get(target, prop, recv) {
        if (prop === 'child') {
          return (...a: Parameters<typeof log.child>) => {
            children++;
            return target.child(...a);
          };
        }
        return Reflect.get(target, prop, recv);
      },
    });
    const req = lazyChildLogger(counting, { reqId: 'req-1' }, {});
    req.debug('invisível no nível info');
    expect(children).toBe(0);
    expect(req.isLevelEnabled('debug')).toBe(false);
    req.info({ cpf: '52998224725' }, 'com dado pessoal');
    req.warn('segunda linha');
    expect(children).toBe(1);
    const out = lines.map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ reqId: 'req-1', cpf: '[redacted]', msg: 'com dado pessoal' });
    expect(out[1]).toMatchObject({ reqId: 'req-1', level: 40 });
  });
});
