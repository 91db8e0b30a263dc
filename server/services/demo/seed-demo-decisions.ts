/**
 * The demo's arbitration: the revealed round's disputes are detected (agreed codings go to the
 * consensus), and about a third of them arrive decided by the lead with the kind of rationale a
 * real team writes, so a new user sees an open queue, decided disputes and a decision log at once.
 * Runs at seed time, before any sync server exists (live = null writes the stored documents).
 */
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { codes, rounds, transcriptTexts } from '../../../db/schema'
import type { LiveDocs } from '../../context'
import type { SpanVersion } from '../../domain/disputes/types'
import { decideDispute } from '../disputes/decide-dispute'
import { listDisputes } from '../disputes/list-disputes'
import { refreshDisputesForRound } from '../disputes/refresh-disputes'
import type { DemoResult } from './seed-demo'

type Item = Awaited<ReturnType<typeof listDisputes>>['items'][number]
type Plan = { choice: 'coder' | 'union' | 'intersection' | 'none'; coderId?: string; rationale: string }

const excerpt = (text: string) => (text.length > 16 ? `${text.slice(0, 16)}…` : text)

/** A decision and its reason for one dispute, varied by position so the log reads like real work. */
function planDecision(d: Item, n: number, code: string, passage: string, coderName: (id: string) => string): Plan | null {
  const versions = d.versions as unknown as SpanVersion[]
  if (d.kind === 'presence') {
    const coded = versions.find((v) => v.spans.length > 0)
    if (!coded) return null
    if (passage.length >= 25 && n % 2 === 0) {
      return {
        choice: 'coder',
        coderId: coded.coderId,
        rationale: `“${excerpt(passage)}”给出了${code}的具体做法和数字，符合编码手册的纳入标准；${coderName(coded.coderId)}的编码成立，予以保留。`,
      }
    }
    return {
      choice: 'none',
      rationale: `该段是受访者的概括性表态，没有说明${code}的具体机制或举措，按排除标准不计入；已与两位编码员在周例会上讨论确认。`,
    }
  }
  if (d.kind === 'boundary') {
    const longest = [...versions].sort((a, b) => b.spans.reduce((s, x) => s + x.end - x.start, 0) - a.spans.reduce((s, x) => s + x.end - x.start, 0))[0]
    switch (n % 3) {
      case 0:
        return { choice: 'union', rationale: `两位编码员各截取了“${excerpt(passage)}”的一部分：前半句交代举措，后半句给出成效，合在一起才是完整的意义单元，取并集。` }
      case 1:
        return { choice: 'intersection', rationale: `重叠部分已完整表达${code}的核心证据；前后多出的内容属于背景铺垫和过渡语句，取交集，避免证据段落过长。` }
      default:
        return { choice: 'coder', coderId: longest.coderId, rationale: `${coderName(longest.coderId)}的边界覆盖了从做法到结果的完整叙述，另一版本截断在句中；采用${coderName(longest.coderId)}的版本。` }
    }
  }
  return { choice: 'union', rationale: `两位编码员对${code}的判断不一致；访谈中有具体描述，按“就高”原则记为较高的状态。` }
}

/** Detects the revealed round's disputes and decides about a third of them as the demo lead. */
export async function seedDemoDecisions(db: Db, live: LiveDocs | null, result: Pick<DemoResult, 'projectId' | 'userIds'>): Promise<{ disputes: number; decided: number }> {
  const { projectId, userIds } = result
  const [round] = await db.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.projectId, projectId), eq(rounds.state, 'revealed')))
  if (!round) return { disputes: 0, decided: 0 }
  await refreshDisputesForRound(db, live, projectId, round.id)
  const lead = { userId: userIds.lead }
  const listed = (await listDisputes(db, lead, projectId, { state: 'open', roundId: round.id })).items
  // The queue breaks ties by (random) transcript id; ordering ties by title here makes every fresh
  // demo decide the same disputes, so its figures are reproducible. The queue's top stays first
  // (and open, below).
  const items = [listed[0], ...listed.slice(1).sort(
    (a, b) => b.magnitude - a.magnitude || (a.documentTitle ?? '').localeCompare(b.documentTitle ?? '') || (a.start ?? 0) - (b.start ?? 0) || (a.caseKey ?? '').localeCompare(b.caseKey ?? '') || a.code.name.en.localeCompare(b.code.name.en),
  )].filter((d) => d !== undefined)
  const codeRows = await db.select({ id: codes.id, nameZh: codes.nameZh }).from(codes).where(eq(codes.projectId, projectId))
  const codeName = new Map(codeRows.map((c) => [c.id, c.nameZh]))
  const texts = new Map((await db.select().from(transcriptTexts)).map((t) => [t.transcriptId, t.text]))
  const names: Record<string, string> = { [userIds.coder1]: '王晓', [userIds.coder2]: '陈默' }
  let decided = 0
  // Every third dispute from the second on: the top of the queue stays open for the visitor.
  for (let i = 1; i < items.length; i += 3) {
    const d = items[i]
    const passage = d.documentId && d.start !== null && d.end !== null ? (texts.get(d.documentId) ?? '').slice(d.start, d.end) : ''
    const plan = planDecision(d, decided, `“${codeName.get(d.codeId) ?? '该指标'}”`, passage, (id) => names[id] ?? '该编码员')
    if (!plan) continue
    await decideDispute(db, live, lead, projectId, d.id, plan)
    decided++
  }
  return { disputes: items.length, decided }
}
