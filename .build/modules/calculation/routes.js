import { z } from "zod";
import { addParameter, listParameters } from "./add-parameter.js";
import { calculateArrears } from "./calculate-arrears.js";
import { calculateRmi, loadParameterTables } from "./calculate-rmi.js";
import { renderPdf, renderText } from "./memoria.js";
import { parameterCoverage } from "./parameter-coverage.js";
const ctxOf = (req) => ({
  actor: req.actor,
  requestId: req.id
});
const Step = z.object({ what: z.string(), value: z.string(), legal: z.string() });
const Money = z.string().regex(/^-?\d+\.\d{2}$/);
const RmiBody = z.object({
  benefit: z.string().describe("esp\xE9cie: B21, B31, B32, B36, B41, B42, B80, B87, B88, B91, B92, B93, B94"),
  sex: z.string().describe('"M" ou "F"'),
  birth_date: z.string().describe("AAAA-MM-DD"),
  request_date: z.string().describe("AAAA-MM-DD (DIB)"),
  rule: z.string().optional().describe('"auto" (mais vantajosa) ou o id de uma regra'),
  links: z.array(z.unknown()).optional().describe("[{start, end, category}]"),
  contributions: z.array(z.unknown()).optional().describe('[{month: "AAAA-MM", amount: "1234.56"}]'),
  dependents: z.unknown().optional(),
  accident: z.unknown().optional(),
  disabled_dependent: z.unknown().optional()
}).partial().passthrough();
const RmiResponse = z.object({
  rule: z.string(),
  eligible: z.boolean(),
  dib: z.string(),
  contribution_time: z.object({ years: z.number(), months: z.number(), days: z.number() }),
  qualifying_months: z.number(),
  average: Money.nullable(),
  benefit_salary: Money.nullable(),
  coefficient: z.string().nullable(),
  fator_previdenciario: z.string().nullable(),
  rmi: Money.nullable(),
  steps: z.array(Step),
  alternatives: z.array(
    z.object({
      rule: z.string(),
      eligible: z.boolean(),
      reasons: z.array(z.string()),
      rmi: Money.nullable()
    })
  )
});
const Parameter = z.object({
  id: z.number(),
  kind: z.enum(["monthly_index", "minimum_wage", "teto", "readjustment"]),
  competence: z.string(),
  validTo: z.string().nullable(),
  value: z.string(),
  detail: z.string().nullable(),
  legalAct: z.string(),
  createdBy: z.string(),
  createdAt: z.string()
});
const KIND_PATH = {
  "monthly-index": "monthly_index",
  "minimum-wage": "minimum_wage",
  teto: "teto",
  readjustment: "readjustment"
};
function calculationRoutes(app, deps) {
  app.post(
    "/api/v1/calculations/rmi",
    {
      config: { permission: "calculation.run" },
      schema: {
        tags: ["c\xE1lculo"],
        summary: 'Calcula a renda mensal inicial (RMI) com a mem\xF3ria de c\xE1lculo; rule "auto" escolhe a regra mais vantajosa',
        body: RmiBody,
        response: { 200: RmiResponse }
      }
    },
    async (req) => calculateRmi(req.body, await loadParameterTables(deps))
  );
  app.post(
    "/api/v1/calculations/rmi/memoria",
    {
      config: { permission: "calculation.run" },
      schema: {
        tags: ["c\xE1lculo"],
        summary: "Mem\xF3ria de c\xE1lculo da RMI em texto (text/plain) ou PDF (application/pdf)",
        querystring: z.object({ format: z.enum(["text", "pdf"]).default("pdf") }),
        body: RmiBody
      }
    },
    async (req, reply) => {
      const result = calculateRmi(req.body, await loadParameterTables(deps));
      if (req.query.format === "text")
        return reply.type("text/plain; charset=utf-8").send(renderText(result));
      const pdf = await renderPdf(result);
      return reply.type("application/pdf").header("content-disposition", 'attachment; filename="memoria-calculo.pdf"').send(pdf);
    }
  );
  app.post(
    "/api/v1/calculations/arrears",
    {
      config: { permission: "calculation.run" },
      schema: {
        tags: ["c\xE1lculo"],
        summary: "Corrige parcelas pagas em atraso (Decreto 3.048 art. 175), nunca abaixo do valor original",
        body: z.object({
          payment_month: z.string().describe("AAAA-MM"),
          installments: z.array(z.unknown()).describe("[{month, amount}]")
        }).partial().passthrough(),
        response: {
          200: z.object({
            payment_month: z.string(),
            installments: z.array(
              z.object({
                month: z.string(),
                amount: Money,
                factor: z.string(),
                corrected: Money,
                kept_original: z.boolean()
              })
            ),
            total_original: Money,
            total_corrected: Money,
            steps: z.array(Step)
          })
        }
      }
    },
    async (req) => calculateArrears(req.body, await loadParameterTables(deps))
  );
  app.get(
    "/api/v1/calculations/parameters",
    {
      config: { permission: "calculation.parameters.read" },
      schema: {
        tags: ["c\xE1lculo"],
        summary: "Cobertura das tabelas de par\xE2metros e valores cadastrados por gestores",
        response: {
          200: z.object({
            coverage: z.object({
              version: z.string(),
              correctionIndexUntil: z.string(),
              maxDibMonth: z.string(),
              minimumWageUntil: z.string(),
              tetoUntil: z.string(),
              readjustmentsUntil: z.number(),
              lifeTables: z.array(z.object({ year: z.number(), validFrom: z.string(), validTo: z.string() })),
              missingLifeTables: z.array(
                z.object({
                  year: z.number(),
                  validFrom: z.string(),
                  validTo: z.string(),
                  reason: z.string()
                })
              )
            }),
            added: z.array(Parameter)
          })
        }
      }
    },
    async () => ({
      coverage: parameterCoverage(await loadParameterTables(deps)),
      added: await listParameters(deps)
    })
  );
  app.post(
    "/api/v1/calculations/parameters/:kind",
    {
      config: { permission: "calculation.parameters.manage", idempotent: true },
      schema: {
        tags: ["c\xE1lculo"],
        summary: "Cadastra um par\xE2metro legal: \xEDndice mensal (Portaria), sal\xE1rio m\xEDnimo, teto ou reajuste anual",
        params: z.object({ kind: z.enum(["monthly-index", "minimum-wage", "teto", "readjustment"]) }),
        body: z.object({
          competence: z.string().describe("AAAA-MM: compet\xEAncia do \xEDndice ou in\xEDcio da vig\xEAncia"),
          value: z.string().describe("fator (1.001000), reais (1621.00) ou percentual (3.90)"),
          valid_to: z.string().nullable().optional().describe("AAAA-MM, fim da vig\xEAncia (sal\xE1rio m\xEDnimo, teto)"),
          legal_index: z.enum(["INPC", "IGP-DI", "IPC-r"]).optional().describe("\xEDndice legal do m\xEAs (monthly-index)"),
          minimum_wage_pct: z.string().optional().describe("reajuste do sal\xE1rio m\xEDnimo no ano (readjustment)"),
          legal_act: z.string().min(3).max(300).describe('ato legal, por exemplo "Portaria MPS 904/2023"')
        }),
        response: { 200: Parameter, 201: Parameter }
      }
    },
    async (req, reply) => {
      const kind = KIND_PATH[req.params.kind];
      const b = req.body;
      const r = await addParameter(deps, ctxOf(req), {
        kind,
        competence: b.competence,
        value: b.value,
        validTo: b.valid_to ?? null,
        detail: kind === "monthly_index" ? b.legal_index ?? null : kind === "readjustment" ? b.minimum_wage_pct ?? null : null,
        legalAct: b.legal_act
      });
      return reply.status(r.created ? 201 : 200).send(r.parameter);
    }
  );
}
export {
  calculationRoutes
};
