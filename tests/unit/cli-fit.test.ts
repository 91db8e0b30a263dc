/** `concord fit` end to end through runCli, with real files in a temporary folder. [FIT21] */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import seed from '../../db/seed/framework.json'
import { runCli } from '../../server/cli/main'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concord-fit-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text, 'utf8')
  return path
}

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const sink = <T>(append: (s: string) => void) => ({ write: (s: string) => (append(s), true) }) as unknown as T
  const code = await runCli(argv, sink<typeof process.stdout>((s) => (stdout += s)), sink<typeof process.stderr>((s) => (stderr += s)))
  return { code, stdout, stderr }
}

/** The study's statuses as the CSV a team would export. */
const studyCsv = () =>
  ['case,indicator,status', ...seed.cases.flatMap((c) => Object.entries(c.statuses).map(([i, s]) => `${c.key},${i},${s}`))].join('\n')

describe('concord fit', () => {
  it('[FIT21] --json prints the API.md report; the study reproduces METHOD.md §5', async () => {
    const statuses = await file('study.csv', studyCsv())
    const { code, stdout, stderr } = await cli('fit', '--statuses', statuses, '--json')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    // The example of API.md, field for field.
    expect(report.cases.Z.dimensions.talent).toMatchObject({ unseenShare: 0, level: 'high' })
    expect(report.cases.Z.dimensions.technology).toMatchObject({ unseenShare: 0.4286, level: 'medium' })
    expect(report.cases.Z.dimensions.administration).toMatchObject({ unseenShare: 0.2, level: 'high' })
    expect(report.cases.Z.model).toEqual({ zh: '强人才+强行政（非均衡）', en: 'strong talent + strong administration (unbalanced)' })
    for (const c of seed.cases) {
      const { model, ...levels } = c.expected
      const got = report.cases[c.key]
      expect(Object.fromEntries(Object.entries(got.dimensions).map(([d, v]) => [d, (v as { level: string }).level]))).toEqual(levels)
      expect(got.model).toEqual(model)
    }
  })

  it('[FIT21] prints a readable table by default', async () => {
    const statuses = await file('study-table.csv', studyCsv())
    const { code, stdout } = await cli('fit', `--statuses=${statuses}`)
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(/^case\s+talent\s+technology\s+administration\s+model$/)
    expect(lines.find((l) => l.startsWith('Z '))).toMatch(/^Z\s+0% high\s+42\.86% medium\s+20% high\s+强人才\+强行政（非均衡） {2}strong talent \+ strong administration \(unbalanced\)$/)
    expect(lines.find((l) => l.startsWith('T '))).toMatch(/71\.43% low\s+40% medium\s+强人才（非均衡）/)
    expect(stdout).toContain('high ≤ 20%, medium ≤ 50%')
  })

  it('[FIT21] --framework takes a custom framework with its own thresholds and partial weight', async () => {
    const framework = await file(
      'two.json',
      JSON.stringify({
        fitRule: { partialWeight: 1, levels: [{ level: 'high', unseenAtMost: 0.25 }, { level: 'medium', unseenAtMost: 0.75 }] },
        dimensions: [
          { key: 'people', zh: '人员', en: 'People', short: { zh: '人', en: 'people' }, indicators: ['a', 'b', 'c', 'd'].map((k) => ({ key: `p.${k}`, zh: k, en: k })) },
          { key: 'money', zh: '资金', en: 'Money', indicators: [{ key: 'm.a', zh: 'a', en: 'a' }, { key: 'm.b', zh: 'b', en: 'b' }] },
        ],
      }),
    )
    const statuses = await file('two.csv', 'case,indicator,status\nX,p.a,partial\nX,p.b,described\nX,p.c,described\nX,p.d,described\nX,m.a,described\n')
    const { code, stdout, stderr } = await cli('fit', '--statuses', statuses, '--framework', framework, '--json')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const x = JSON.parse(stdout).cases.X
    // partial weighs 1 here: 1/4 = 25% is high only because this framework's bound is 25%.
    expect(x.dimensions.people).toMatchObject({ unseenShare: 0.25, level: 'high' })
    expect(x.dimensions.money).toMatchObject({ unseenShare: 0.5, level: 'medium' })
    expect(x.model).toEqual({ zh: '强人（非均衡）', en: 'strong people (unbalanced)' })
  })

  it('[FIT21] bad statuses exit 2 naming file, line and problem, every problem listed', async () => {
    const statuses = await file('bad.csv', 'case,indicator,status\nS,talent.programs,described\nS,talent.nope,described\nS,talent.programs,none\nS,talent.lifelong,maybe\n')
    const { code, stdout, stderr } = await cli('fit', '--statuses', statuses, '--json')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(`${statuses}:3: unknown indicator "talent.nope"`)
    expect(stderr).toContain(`${statuses}:4: duplicate row for case "S", indicator "talent.programs" (first on line 2)`)
    expect(stderr).toContain(`${statuses}:5: unknown status "maybe"`)
  })

  it('[FIT21] an empty statuses file, a bad framework and missing arguments exit 2', async () => {
    const empty = await file('empty.csv', '')
    expect(await cli('fit', '--statuses', empty)).toMatchObject({ code: 2, stderr: expect.stringContaining(`${empty}:1: empty file`) })
    const statuses = await file('ok.csv', 'case,indicator,status\nS,talent.programs,described\n')
    const badFramework = await file('bad.json', '{\n  "dimensions": [\n    { "key": "a", "zh": "甲", "en": "A", "indicators": [] }\n  ]\n}\n')
    expect(await cli('fit', '--statuses', statuses, '--framework', badFramework)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`${badFramework}:3: dimensions.0.indicators: a dimension needs at least one indicator`),
    })
    expect(await cli('fit')).toMatchObject({ code: 2, stderr: expect.stringContaining('--statuses: required') })
    expect(await cli('fit', '--statuses', statuses, '--bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining('--bogus: unknown option') })
    expect(await cli('fit', '--statuses', join(dir, 'missing.csv'))).toMatchObject({ code: 2, stderr: expect.stringContaining('file not found') })
  })

  it('[FIT21] --help prints the usage', async () => {
    const { code, stdout } = await cli('fit', '--help')
    expect(code).toBe(0)
    expect(stdout).toContain('--statuses FILE.csv')
  })
})
