import { TEST_PASSWORD } from "../../platform/testing/index.js";
import { Cpf } from "../../platform/values/documents.js";
import { createAccount } from "../identity/accounts.js";
import { createStaff } from "../organization/create-staff.js";
function cpfFrom(random) {
  const base = Array.from({ length: 9 }, () => Math.floor(random() * 10)).join("");
  for (let s = 0; s < 100; s++) {
    const c = base + String(s).padStart(2, "0");
    if (Cpf.isValid(c) && !/^(\d)\1{10}$/.test(c)) return c;
  }
  return cpfFrom(random);
}
let seq = 0;
async function loginStaff(t, role, unitId) {
  seq++;
  const staff = await createStaff(t.deps, null, {
    registration: `T${Date.now() % 1e5}${seq}`,
    name: `Servidor de Teste ${seq}`,
    unitId,
    roles: [role],
    startDate: "2020-01-02"
  });
  const login = `srv.req.${seq}.${Math.floor(Math.random() * 1e6)}`;
  const account = await createAccount(t.deps, null, {
    login,
    name: staff.name,
    role,
    unitId,
    staffId: staff.id,
    password: TEST_PASSWORD
  });
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login, password: TEST_PASSWORD }
  });
  if (res.statusCode !== 200) throw new Error(`login falhou (${res.statusCode}): ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "pd_session");
  return {
    role,
    accountId: account.id,
    login,
    staffId: staff.id,
    headers: { cookie: `pd_session=${cookie.value}`, "x-csrf-token": res.json().csrfToken }
  };
}
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
async function travel(t, when, sessions) {
  t.deps.clock.set(when);
  for (const s of sessions) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { login: s.login, password: TEST_PASSWORD }
    });
    if (res.statusCode !== 200) throw new Error(`login falhou (${res.statusCode}): ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === "pd_session");
    s.headers = { cookie: `pd_session=${cookie.value}`, "x-csrf-token": res.json().csrfToken };
  }
}
export {
  cpfFrom,
  loginStaff,
  seeded,
  travel
};
