import { z } from "zod";
import { ROLES } from "../../platform/auth/roles.js";
import { createStaff } from "./create-staff.js";
import { createUnit } from "./create-unit.js";
import { getUnit, unitDirectory } from "./directory.js";
import { UNIT_KINDS } from "./domain/units.js";
import { getStaff, listStaff } from "./list-staff.js";
const ctxOf = (req) => ({
  actor: req.actor,
  requestId: req.id
});
const Unit = z.object({
  id: z.string(),
  kind: z.enum(UNIT_KINDS),
  code: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  municipalityIbge: z.string().nullable(),
  uf: z.string().nullable(),
  active: z.boolean()
});
const Staff = z.object({
  id: z.string(),
  registration: z.string(),
  name: z.string(),
  unitId: z.string(),
  roles: z.array(z.string()),
  startDate: z.string(),
  active: z.boolean()
});
const toUnit = (u) => ({
  id: u.id,
  kind: u.kind,
  code: u.code,
  name: u.name,
  parentId: u.parentId,
  path: u.path,
  municipalityIbge: u.municipalityIbge,
  uf: u.uf,
  active: u.active
});
const toStaff = (s) => ({
  id: s.id,
  registration: s.registration,
  name: s.name,
  unitId: s.unitId,
  roles: s.roles,
  startDate: s.startDate,
  active: s.active
});
function organizationRoutes(app, deps) {
  app.get(
    "/api/v1/units",
    {
      config: { permission: "organization.units.read" },
      schema: {
        tags: ["organiza\xE7\xE3o"],
        summary: "Lista unidades (SR, GEX, APS, CEAB) do seu escopo",
        querystring: z.object({
          kind: z.enum(UNIT_KINDS).optional(),
          parentId: z.string().optional(),
          uf: z.string().length(2).optional(),
          q: z.string().max(100).optional().describe("trecho do nome"),
          cursor: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100)
        }),
        response: { 200: z.object({ items: z.array(Unit), nextCursor: z.string().nullable() }) }
      }
    },
    async (req) => {
      const q = req.query;
      const dir = await unitDirectory(deps);
      const needle = q.q?.toLocaleLowerCase("pt-BR");
      const all = dir.all.filter(
        (u) => (!q.kind || u.kind === q.kind) && (!q.parentId || u.parentId === q.parentId) && (!q.uf || u.uf === q.uf.toUpperCase()) && (!needle || u.name.toLocaleLowerCase("pt-BR").includes(needle)) && (!q.cursor || u.path > q.cursor)
      );
      const page = all.slice(0, q.limit);
      return {
        items: page.map(toUnit),
        nextCursor: all.length > q.limit ? page[page.length - 1].path : null
      };
    }
  );
  app.get(
    "/api/v1/units/:id",
    {
      config: { permission: "organization.units.read" },
      schema: {
        tags: ["organiza\xE7\xE3o"],
        summary: "Consulta uma unidade",
        params: z.object({ id: z.string().max(64) }),
        response: { 200: Unit }
      }
    },
    async (req) => toUnit(await getUnit(deps, req.params.id))
  );
  app.post(
    "/api/v1/units",
    {
      config: { permission: "organization.units.manage", idempotent: true },
      schema: {
        tags: ["organiza\xE7\xE3o"],
        summary: "Cria uma unidade",
        body: z.object({
          id: z.string().regex(/^[A-Z0-9-]{2,32}$/, "use letras mai\xFAsculas, n\xFAmeros e h\xEDfen"),
          kind: z.enum(UNIT_KINDS),
          code: z.string().min(1).max(32),
          name: z.string().min(3).max(200),
          parentId: z.string().nullable(),
          municipalityIbge: z.string().regex(/^\d{7}$/, "c\xF3digo IBGE de 7 d\xEDgitos").nullable().optional(),
          uf: z.string().regex(/^[A-Z]{2}$/).nullable().optional()
        }),
        response: { 201: Unit }
      }
    },
    async (req, reply) => {
      const u = await createUnit(deps, ctxOf(req), req.body);
      return reply.status(201).send(toUnit(u));
    }
  );
  app.get(
    "/api/v1/staff",
    {
      config: { permission: "organization.staff.read" },
      schema: {
        tags: ["organiza\xE7\xE3o"],
        summary: "Lista servidores do seu escopo",
        querystring: z.object({
          unitId: z.string().optional(),
          role: z.enum(ROLES).optional(),
          active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
          startedFrom: z.iso.date().optional(),
          cursor: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50)
        }),
        response: { 200: z.object({ items: z.array(Staff), nextCursor: z.string().nullable() }) }
      }
    },
    async (req) => {
      const r = await listStaff(deps, ctxOf(req), req.query);
      return { items: r.items.map(toStaff), nextCursor: r.nextCursor };
    }
  );
  app.get(
    "/api/v1/staff/:id",
    {
      config: { permission: "organization.staff.read" },
      schema: {
        tags: ["organiza\xE7\xE3o"],
        summary: "Consulta um servidor",
        params: z.object({ id: z.uuid() }),
        response: { 200: Staff }
      }
    },
    async (req) => toStaff(await getStaff(deps, ctxOf(req), req.params.id))
  );
  app.post(
    "/api/v1/staff",
    {
      config: { permission: "organization.staff.manage", idempotent: true },
      schema: {
        tags: ["organiza\xE7\xE3o"],
        summary: "Cadastra um servidor",
        body: z.object({
          registration: z.string().regex(/^\d{5,10}$/, "matr\xEDcula SIAPE: 5 a 10 d\xEDgitos"),
          name: z.string().min(3).max(200),
          unitId: z.string(),
          roles: z.array(z.enum(["analyst", "supervisor", "manager", "admin"])).min(1),
          startDate: z.iso.date()
        }),
        response: { 201: Staff }
      }
    },
    async (req, reply) => reply.status(201).send(toStaff(await createStaff(deps, ctxOf(req), req.body)))
  );
}
export {
  organizationRoutes
};
