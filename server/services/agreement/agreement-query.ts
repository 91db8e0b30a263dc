/**
 * The parameters of an agreement report, from a query string (`GET …/agreement?unit=…`) or a
 * JSON body (`POST …/agreement/reports`): which round, transcripts, coders and codes, the unit
 * and its options, the bootstrap. Lists are comma-separated in a query string.
 */
import { z } from 'zod'
import { agreementUnits, maxBootstrap, segmentKinds } from '../../domain/agreement/report'
import { badInput, problemsFromZod } from '../../errors'

const idList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))])

export const agreementQuerySchema = z
  .object({
    unit: z.enum(agreementUnits).default('segment'),
    segment: z.enum(segmentKinds).default('turn'),
    round: z.string().trim().min(1).max(64).optional(),
    transcripts: idList.optional(),
    coders: idList.optional(),
    codes: idList.optional(),
    threshold: z.coerce.number().gt(0, 'must be greater than 0').lte(1, 'must be at most 1').default(0.9),
    overlap: z.enum(['union', 'shorter']).default('union'),
    bootstrap: z.coerce.number().int().min(0).max(maxBootstrap).default(1000),
    seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  })
  .strict()
export type AgreementQuery = z.infer<typeof agreementQuerySchema>

/** Parses the query (a URLSearchParams' entries or a JSON object), listing every problem. */
export function parseAgreementQuery(raw: unknown): AgreementQuery {
  const parsed = agreementQuerySchema.safeParse(raw ?? {})
  if (!parsed.success) throw badInput('Please correct the agreement parameters.', problemsFromZod(parsed.error.issues))
  return parsed.data
}

/** The query string's parameters, without the transport ones (`stream`). */
export function queryFromUrl(url: string): Record<string, string> {
  const params = Object.fromEntries(new URL(url, 'http://localhost').searchParams)
  delete params.stream
  return params
}
