import multipart from "@fastify/multipart";
import { z } from "zod";
import { AppError, badRequest } from "../../platform/errors.js";
import { CATEGORIES } from "./domain/categories.js";
import { BENEFIT_STATUSES } from "./domain/records.js";
import { getPerson } from "./get-person.js";
import { importCnisExtract } from "./import-cnis.js";
import { importContributions } from "./import-contributions.js";
import { textSource } from "./import-sources.js";
import { listBenefits } from "./list-benefits.js";
import { listRemunerations } from "./list-remunerations.js";
import { createPerson, updatePerson } from "./save-person.js";
const ctxOf = (req) => ({ actor: req.actor, requestId: req.id });
const CpfParam = z.object({
  cpf: z.string().transform((s) => s.replace(/[.\-\s]/g, "")).pipe(z.string().regex(/^\d{11}$/, "CPF com 11 d\xEDgitos"))
});
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "compet\xEAncia AAAA-MM");
const Sex = z.enum(["M", "F"]);
const Person = z.object({
  cpf: z.string(),
  nit: z.string().nullable(),
  name: z.string(),
  birthDate: z.string(),
  sex: Sex.nullable(),
  motherName: z.string().nullable()
});
const Link = z.object({
  seq: z.number().int(),
  employer: z.string().nullable(),
  employerDocType: z.string().nullable(),
  employerName: z.string().nullable(),
  category: z.enum(CATEGORIES),
  start: z.string(),
  end: z.string().nullable(),
  indicators: z.array(z.string()),
  source: z.string(),
  remunerationCount: z.number().int(),
  firstCompetence: z.string().nullable(),
  lastCompetence: z.string().nullable()
});
const PersonInput = z.object({
  cpf: z.string().min(11).max(14),
  nit: z.string().max(14).nullable().optional(),
  name: z.string().min(1).max(200),
  birthDate: z.iso.date(),
  sex: Sex,
  motherName: z.string().max(200).nullable().optional()
});
const ImportSummary = z.object({
  people: z.number().int(),
  links: z.number().int(),
  remunerations: z.number().int(),
  benefits: z.number().int(),
  method: z.enum(["copy", "insert"])
});
const CnisSummary = z.object({
  dryRun: z.boolean(),
  issuedAt: z.string().nullable(),
  person: z.object({
    nit: z.string().nullable(),
    cpf: z.string().nullable(),
    name: z.string().nullable(),
    birthDate: z.string().nullable(),
    motherName: z.string().nullable()
  }),
  links: z.array(
    z.object({
      seq: z.number().int(),
      employer: z.string().nullable(),
      origin: z.string(),
      affiliationType: z.string(),
      category: z.enum(CATEGORIES).nullable(),
      categoryLabel: z.string().nullable(),
      start: z.string(),
      end: z.string().nullable(),
      indicators: z.array(z.string()),
      remunerations: z.number().int(),
      firstCompetence: z.string().nullable(),
      lastCompetence: z.string().nullable(),
      total: z.string()
    })
  ),
  benefits: z.array(
    z.object({
      seq: z.number().int(),
      nb: z.string(),
      species: z.number().int().nullable(),
      speciesName: z.string(),
      start: z.string(),
      end: z.string().nullable(),
      status: z.enum(BENEFIT_STATUSES),
      remunerations: z.number().int()
    })
  ),
  totals: z.object({ links: z.number().int(), remunerations: z.number().int(), benefits: z.number().int() }),
  indicators: z.array(
    z.object({ seq: z.number().int(), competence: z.string(), indicators: z.array(z.string()) })
  ),
  warnings: z.array(z.string()),
  stored: z.object({
    personCreated: z.boolean(),
    links: z.number().int(),
    remunerations: z.number().int(),
    benefits: z.number().int()
  }).nullable()
});
const TAG = "contribui\xE7\xF5es (CNIS)";
const RAW_TEXT_LIMIT = 20 * 1024 * 1024;
function contributionsRoutes(app, deps) {
  app.get(
    "/api/v1/people/:cpf",
    {
      config: { permission: "contributions.people.read" },
      schema: {
        tags: [TAG],
        summary: "Consulta uma pessoa do cadastro com seus v\xEDnculos",
        params: CpfParam,
        response: { 200: Person.extend({ links: z.array(Link) }) }
      }
    },
    async (req) => getPerson(deps, ctxOf(req), req.params.cpf)
  );
  app.get(
    "/api/v1/people/:cpf/remunerations",
    {
      config: { permission: "contributions.people.read" },
      schema: {
        tags: [TAG],
        summary: "Lista as remunera\xE7\xF5es/contribui\xE7\xF5es mensais (pagina\xE7\xE3o por cursor)",
        params: CpfParam,
        querystring: z.object({
          from: Month.optional().describe("compet\xEAncia inicial (AAAA-MM)"),
          to: Month.optional().describe("compet\xEAncia final (AAAA-MM)"),
          seq: z.coerce.number().int().min(1).optional().describe("sequ\xEAncia do v\xEDnculo no CNIS"),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(1e3).default(120)
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number().int(),
                competence: z.string(),
                part: z.number().int(),
                amount: z.string(),
                indicators: z.array(z.string())
              })
            ),
            nextCursor: z.string().nullable()
          })
        }
      }
    },
    async (req) => listRemunerations(deps, ctxOf(req), req.params.cpf, req.query)
  );
  app.get(
    "/api/v1/people/:cpf/benefits",
    {
      config: { permission: "contributions.people.read" },
      schema: {
        tags: [TAG],
        summary: "Lista os benef\xEDcios anteriores da pessoa",
        params: CpfParam,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                nb: z.string(),
                species: z.number().int(),
                dib: z.string(),
                dcb: z.string().nullable(),
                status: z.enum(BENEFIT_STATUSES),
                statusLabel: z.string()
              })
            )
          })
        }
      }
    },
    async (req) => listBenefits(deps, ctxOf(req), req.params.cpf)
  );
  app.post(
    "/api/v1/people",
    {
      config: { permission: "contributions.people.write", idempotent: true },
      schema: {
        tags: [TAG],
        summary: "Cadastra uma pessoa (o CPF \xE9 a chave: repetir com os mesmos dados \xE9 seguro)",
        body: PersonInput,
        response: { 200: Person, 201: Person }
      }
    },
    async (req, reply) => {
      const r = await createPerson(deps, ctxOf(req), req.body);
      return reply.status(r.created ? 201 : 200).send(r.person);
    }
  );
  app.patch(
    "/api/v1/people/:cpf",
    {
      config: { permission: "contributions.people.write" },
      schema: {
        tags: [TAG],
        summary: "Altera dados cadastrais da pessoa (n\xE3o o CPF)",
        params: CpfParam,
        body: PersonInput.omit({ cpf: true }).partial(),
        response: { 200: Person }
      }
    },
    async (req) => updatePerson(deps, ctxOf(req), req.params.cpf, req.body)
  );
  app.register(async (scope) => {
    const s = scope;
    s.addContentTypeParser(
      ["text/plain", "text/csv"],
      { parseAs: "string", bodyLimit: RAW_TEXT_LIMIT },
      (_r, body, done) => done(null, body)
    );
    s.addContentTypeParser(
      "application/pdf",
      { parseAs: "buffer", bodyLimit: deps.config.UPLOAD_MAX_FILE_BYTES },
      (_r, body, done) => done(null, body)
    );
    s.removeContentTypeParser("application/json");
    s.addContentTypeParser(
      "application/json",
      { parseAs: "string", bodyLimit: RAW_TEXT_LIMIT },
      (_r, body, done) => done(null, body)
    );
    await s.register(multipart, {
      limits: { fileSize: deps.config.UPLOAD_MAX_FILE_BYTES, files: 1, fields: 5 }
    });
    s.post(
      "/api/v1/people/:cpf/cnis",
      {
        config: { permission: "contributions.cnis.import", idempotent: true },
        schema: {
          tags: [TAG],
          summary: 'Importa o Extrato Previdenci\xE1rio do CNIS da pessoa: corpo text/plain (texto extra\xEDdo), application/pdf, ou multipart com o campo "file"',
          params: CpfParam,
          querystring: z.object({
            dryRun: z.enum(["true", "false"]).transform((v) => v === "true").default(false).describe("s\xF3 l\xEA e resume, n\xE3o grava"),
            sex: Sex.optional().describe(
              "sexo, se a pessoa ainda n\xE3o est\xE1 cadastrada (o extrato n\xE3o informa)"
            )
          }),
          response: { 200: CnisSummary }
        }
      },
      async (req) => {
        let input;
        if (req.isMultipart()) {
          const file = await req.file();
          if (!file) throw badRequest('Envie o extrato no campo "file".');
          const buf = await file.toBuffer();
          input = buf.subarray(0, 4).toString("latin1") === "%PDF" ? { pdf: buf } : { text: buf.toString("utf8") };
        } else if (Buffer.isBuffer(req.body)) input = { pdf: req.body };
        else if (typeof req.body === "string" && !String(req.headers["content-type"]).startsWith("application/json"))
          input = { text: req.body };
        else
          throw new AppError(
            "unsupported_media_type",
            'Envie o extrato como text/plain, application/pdf ou multipart/form-data (campo "file").'
          );
        return importCnisExtract(deps, ctxOf(req), input, {
          expectedCpf: req.params.cpf,
          dryRun: req.query.dryRun,
          ...req.query.sex ? { sex: req.query.sex } : {}
        });
      }
    );
    s.post(
      "/api/v1/contributions/imports",
      {
        config: { permission: "contributions.import", idempotent: true },
        schema: {
          tags: [TAG],
          summary: "Importa\xE7\xE3o em lote pequena (at\xE9 20 MB): corpo text/csv (formato CSV) ou application/json (lista de pessoas); tudo ou nada",
          response: { 200: ImportSummary }
        }
      },
      async (req) => {
        const type = String(req.headers["content-type"] ?? "");
        const body = req.body;
        const source = typeof body !== "string" ? null : type.startsWith("application/json") ? textSource(body, "json") : textSource(body, "csv");
        if (!source)
          throw new AppError("unsupported_media_type", "Envie o arquivo como text/csv ou application/json.");
        return importContributions(deps, ctxOf(req), source);
      }
    );
  });
}
export {
  contributionsRoutes
};
