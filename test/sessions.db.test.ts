import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../src/platform/testing';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    config: {
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '12',
      LOCKOUT_THRESHOLD: '5',
      LOCKOUT_MINUTES: '15',
    },
  });
});
afterAll(async () => t?.close());

const me = (headers: Record<string, string>) =>
  t.request(null, { method: 'GET', url: '/api/v1/auth/me', headers });

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie and answers /me', async () => {
    await t.loginAs('analyst', { login: 'cookie.check' });
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { login: 'cookie.check', password: TEST_PASSWORD },
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // test/development; production sets Secure (config.cookieSecure)
  });

  it('expires after the idle timeout', async () => {
    const s = await t.loginAs('analyst');
    expect((await me(s.headers)).statusCode).toBe(200);
    t.deps.clock.advance(29 * 60_000);
    expect((await me(s.headers)).statusCode).toBe(200); // activity refreshes last_seen_at
    t.deps.clock.advance(31 * 60_000);
    const res = await me(s.headers);
    expect(res.statusCode).toBe(401);
    expect(res.json().title).toBe('Autenticação necessária');
  });

  it('expires at the absolute timeout even when active', async () => {
    const s = await t.loginAs('analyst');
    for (let h = 0; h < 12; h++) {
      t.deps.clock.advance(25 * 60_000);
      await me(s.headers);
      t.deps.clock.advance(35 * 60_000 - 1);
    }
    expect((await me(s.headers)).statusCode).toBe(401);
  });

  it('is revoked by logout at once', async () => {
    const s = await t.loginAs('citizen', { cpf: '11144477735' });
    expect((await me(s.headers)).statusCode).toBe(200);
    const out = await t.request(s, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await me(s.headers)).statusCode).toBe(401);
  });

  it('lets the owner list and revoke a session, and an admin revoke anyone’s', async () => {
    const a = await t.loginAs('manager');
    const list = await t.request(a, { method: 'GET', url: '/api/v1/auth/sessions' });
    const current = list.json().items.find((x: { current: boolean }) => x.current);
    const admin = await t.loginAs('admin');
    const r = await t.request(admin, { method: 'DELETE', url: `/api/v1/admin/sessions/${current.id}` });
    expect(r.statusCode).toBe(204);
    expect((await me(a.headers)).statusCode).toBe(401);
  });

  it('requires the CSRF token on cookie-authenticated mutations', async () => {
    const s = await t.loginAs('manager');
    const { 'x-csrf-token': _csrf, ...noCsrf } = s.headers;
    const res = await t.request(null, { method: 'POST', url: '/api/v1/auth/logout', headers: noCsrf });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/CSRF/);
    const wrong = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...noCsrf, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('locks the account after 5 consecutive failures, and unlock restores it', async () => {
    const s = await t.loginAs('analyst', { login: 'lock.me' });
    const attempt = (password: string) =>
      t.request(null, {
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { login: 'lock.me', password },
        headers: { 'x-forwarded-for': '10.0.0.9' },
      });
    for (let i = 0; i < 4; i++) expect((await attempt('errada-errada')).statusCode).toBe(401);
    const fifth = await attempt('errada-errada');
    expect(fifth.statusCode).toBe(423);
    // Even the right password is refused while locked.
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
    t.deps.clock.advance(16 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    // Locked again, then unlocked by a manager.
    for (let i = 0; i < 5; i++) await attempt('errada-errada');
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
    const admin = await t.loginAs('admin');
    const u = await t.request(admin, { method: 'POST', url: `/api/v1/accounts/${s.accountId}/unlock` });
    expect(u.statusCode).toBe(200);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not reveal whether a login exists', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { login: 'nao.existe', password: 'qualquer-uma' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Login ou senha incorretos.');
  });

  it('accepts API tokens and refuses revoked ones', async () => {
    const integ = await t.loginAs('integration');
    expect((await me(integ.headers)).statusCode).toBe(200);
    const admin = await t.loginAs('admin');
    const tokens = (await t.request(admin, { method: 'GET', url: '/api/v1/api-tokens' })).json().items;
    const mine = tokens.find((x: { accountId: string }) => x.accountId === integ.accountId);
    expect(
      (await t.request(admin, { method: 'DELETE', url: `/api/v1/api-tokens/${mine.id}` })).statusCode,
    ).toBe(204);
    expect((await me(integ.headers)).statusCode).toBe(401);
  });
});

describe('rate limiting on authentication', () => {
  it('answers 429 problem+json past the per-minute limit', async () => {
    const limited = await createTestApp({ config: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.request(null, {
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { login: 'ninguem', password: 'x' },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.headers['content-type']).toContain('application/problem+json');
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
