import { z } from 'zod'
import type { Db } from '../../../db/client'
import { cases, codes, defaultProjectSettings, projectMembers, projects } from '../../../db/schema'
import { badInput, problemsFromZod } from '../../errors'
import { newId } from '../../ids'
import type { Actor } from '../access'
import { studyTemplate } from './study-template'

export const createProjectSchema = z.object({
  name: z.string().trim().min(1, 'Give the project a name.').max(200),
  description: z.string().trim().max(2000).default(''),
  template: z.enum(['blank', 'study']).default('blank'),
})

/** Creates a project with the actor as lead; the study template brings the framework and cases. */
export async function createProject(db: Db, actor: Actor, input: unknown) {
  const parsed = createProjectSchema.safeParse(input)
  if (!parsed.success) throw badInput('Please correct the project form.', problemsFromZod(parsed.error.issues))
  const { name, description, template } = parsed.data
  const id = newId()
  await db.transaction(async (tx) => {
    const tpl = template === 'study' ? studyTemplate() : null
    await tx.insert(projects).values({
      id,
      name,
      description,
      createdBy: actor.userId,
      framework: tpl ? { name: tpl.name } : null,
      settings: defaultProjectSettings,
    })
    await tx.insert(projectMembers).values({ projectId: id, userId: actor.userId, role: 'lead' })
    if (!tpl) return
    const idByKey = new Map<string, string>()
    const rows = tpl.codes.map((c, position) => {
      const codeId = newId()
      idByKey.set(c.key, codeId)
      return {
        id: codeId,
        projectId: id,
        parentId: c.parentKey ? idByKey.get(c.parentKey)! : null,
        key: c.key,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        shortZh: c.shortZh ?? null,
        shortEn: c.shortEn ?? null,
        definition: c.definition,
        inclusion: c.inclusion,
        exclusion: c.exclusion,
        example: c.example,
        color: c.color,
        shortcut: c.shortcut,
        position,
      }
    })
    await tx.insert(codes).values(rows)
    await tx.insert(cases).values(
      tpl.cases.map((c, position) => ({
        id: newId(),
        projectId: id,
        key: c.key,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        attributes: c.attributes,
        position,
      })),
    )
  })
  return { id, name }
}
