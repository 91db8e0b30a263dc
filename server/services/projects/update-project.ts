import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../../db/client'
import { projects } from '../../../db/schema'
import { badInput, problemsFromZod } from '../../errors'
import { requireProjectRole, type Actor } from '../access'

export const updateProjectSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    codingMode: z.enum(['open', 'independent']).optional(),
    settings: z
      .object({
        fit: z
          .object({
            highAtMost: z.number().min(0).max(1),
            mediumAtMost: z.number().min(0).max(1),
            partialWeight: z.number().min(0).max(1),
          })
          .refine((f) => f.highAtMost <= f.mediumAtMost, { message: 'The high threshold must not exceed the medium threshold.', path: ['highAtMost'] })
          .optional(),
        rationaleRequired: z.boolean().optional(),
        boundaryTolerance: z.number().int().min(0).max(1000).optional(),
        coderSeesRevealed: z.boolean().optional(),
      })
      .optional(),
  })
  .strict()

/** Lead only: name, description, coding mode and settings (merged into the existing ones). */
export async function updateProject(db: Db, actor: Actor | null, projectId: string, input: unknown) {
  await requireProjectRole(db, actor, projectId, 'lead')
  const parsed = updateProjectSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the project settings.', problemsFromZod(parsed.error.issues))
  const [current] = await db.select().from(projects).where(eq(projects.id, projectId))
  const { settings, ...rest } = parsed.data
  const merged = settings ? { ...current.settings, ...settings, fit: { ...current.settings.fit, ...(settings.fit ?? {}) } } : current.settings
  await db.update(projects).set({ ...rest, settings: merged }).where(eq(projects.id, projectId))
  return { id: projectId, ...rest, settings: merged }
}
