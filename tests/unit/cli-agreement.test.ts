/** `concord agreement` end to end through runCli, with real files in a temporary folder. [CLI1][CLI2] */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../server/cli/main'
import { krippendorff2011Missing } from '../../server/domain/agreement/coefficients/published-examples'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concord-agreement-'))
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

/** Krippendorff's (2011) 4 coders × 12 units as the long-form CSV a team would write. */
const krippendorffCsv = () =>
  [
    'unit,coder,value',
    ...krippendorff2011Missing.flatMap((row, u) => row.flatMap((v, c) => (v === null ? [] : [`unit${u + 1},${'ABCD'[c]},${v}`]))),
  ].join('\n')

describe('concord agreement --data', () => {
  it('[CLI1][CLI2] --json prints API.md’s example for Krippendorff’s data', async () => {
    const data = await file('k.csv', krippendorffCsv())
    const { code, stdout, stderr } = await cli('agreement', '--data', data, '--json')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report).toMatchObject({
      units: 12,
      coders: 4,
      level: 'nominal',
      krippendorffAlpha: 0.743,
      fleissKappa: null,
      cohenKappa: null,
      scottPi: null,
      brennanPrediger: null,
      gwetAC1: null,
      percentAgreement: null,
    })
    expect(report.notes).toContain('fleissKappa: needs every unit rated by every coder (4 of 12 units are not)')
  })

  it('[CLI1] --level ordinal|interval|ratio give Krippendorff’s 0.815, 0.849, 0.797; --seed changes only the interval', async () => {
    const data = await file('k.csv', krippendorffCsv())
    const alpha = async (...extra: string[]) => JSON.parse((await cli('agreement', '--data', data, '--json', ...extra)).stdout)
    expect((await alpha('--level', 'ordinal')).krippendorffAlpha).toBe(0.815)
    expect((await alpha('--level=interval')).krippendorffAlpha).toBe(0.849)
    expect((await alpha('--level', 'ratio')).krippendorffAlpha).toBe(0.797)
    const seeded = await alpha('--seed', '42', '--bootstrap', '200')
    expect(seeded.bootstrap).toMatchObject({ replicates: 200, seed: 42 })
    expect(await alpha('--seed', '42', '--bootstrap', '200')).toEqual(seeded)
    expect((await alpha('--bootstrap', '0')).alphaCI).toBeNull()
  })

  it('[CLI2] the readable table shows each statistic, its value, alpha’s interval and its reading', async () => {
    const data = await file('two.csv', ['unit,coder,value', ...['yes,yes', 'no,no', 'yes,no', 'no,no', 'yes,yes', 'no,no'].flatMap((pair, u) => pair.split(',').map((v, c) => `s${u},${'ab'[c]},${v}`))].join('\n'))
    const { code, stdout } = await cli('agreement', '--data', data)
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Reliability of 6 units, 2 coders, nominal level/)
    // 5 of 6 units agree; coder a says yes 3 times, b twice: κ = (5/6 − 1/2) / (1 − 1/2) = 0.667 (by hand).
    expect(stdout).toMatch(/Cohen's kappa\s+0\.667\s+substantial \(高度\)/)
    // Scott's pi: pooled yes 5/12, pe = (25 + 49)/144, π = 0.657; α = 1 − (1 − π)·11/12 = 0.686 (by hand).
    expect(stdout).toMatch(/Scott's pi\s+0\.657\s+substantial/)
    expect(stdout).toMatch(/Krippendorff's alpha\s+0\.686\s+\[-?\d\.\d{3}, \d\.\d{3}\]\s+tentative \(仅可作暂定结论\)/)
    expect(stdout).toMatch(/percent agreement\s+0\.833\n/)
    expect(stdout).toContain("Fleiss' kappa")
    expect(stdout).toContain('fleissKappa: needs 3 or more coders (with 2 coders it equals scottPi)')
    expect(stdout).toContain('Percent agreement is pairwise')
  })
})

describe('concord agreement: bad input exits 2 naming the file, line and problem', () => {
  it('[CLI1] a duplicate (unit, coder) row', async () => {
    const data = await file('dup.csv', 'unit,coder,value\nu1,a,1\nu1,b,1\nu1,a,2\n')
    const { code, stderr } = await cli('agreement', '--data', data)
    expect(code).toBe(2)
    expect(stderr).toContain(`${data}:4: duplicate rating of unit "u1" by coder "a" (first at ${data}:2)`)
  })

  it('[CLI1] a wrong header', async () => {
    const data = await file('header.csv', 'unit,rater,value\nu1,a,1\n')
    const { code, stderr } = await cli('agreement', '--data', data)
    expect(code).toBe(2)
    expect(stderr).toContain(`${data}:1: missing column "coder"`)
  })

  it('[CLI1] a non-numeric value at the interval level', async () => {
    const data = await file('words.csv', 'unit,coder,value\nu1,a,3\nu1,b,high\n')
    const { code, stderr } = await cli('agreement', '--data', data, '--level', 'interval')
    expect(code).toBe(2)
    expect(stderr).toContain(`${data}:3: value "high" is not a number (the interval level needs numbers)`)
  })

  it('[CLI1] an unknown level, a missing file argument, a bad count, mixed modes', async () => {
    const data = await file('ok.csv', 'unit,coder,value\nu1,a,1\nu1,b,1\n')
    let r = await cli('agreement', '--data', data, '--level', 'metric')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--level: unknown level "metric" (expected nominal, ordinal, interval, ratio)')
    r = await cli('agreement')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--data: required')
    r = await cli('agreement', '--data', data, '--bootstrap', '-5')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--bootstrap: must be a whole number')
    r = await cli('agreement', '--data', data, '--codings', data)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('give either --data or --codings with --lengths, not both')
    r = await cli('agreement', '--codings', data, '--level', 'ordinal')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--lengths: required with --codings')
    expect(r.stderr).toContain('--level: applies to --data only')
  })

  it('[CLI1] a missing file', async () => {
    const { code, stderr } = await cli('agreement', '--data', join(dir, 'nowhere.csv'))
    expect(code).toBe(2)
    expect(stderr).toContain('nowhere.csv')
  })
})

describe('concord agreement --codings --lengths', () => {
  it('[CLI1][CLI2] dispatches to the span engine: JSON report and a table per code', async () => {
    const codings = await file(
      'codings.csv',
      ['document,coder,code,start,end', 'T1,a,X,0,10', 'T1,b,X,0,10', 'T1,a,Y,20,30', 'T1,b,Y,22,30', 'T2,a,X,5,15', 'T2,b,X,40,50'].join('\n'),
    )
    const lengths = await file('lengths.csv', 'document,length\nT1,100\nT2,60\n')
    const json = await cli('agreement', '--codings', codings, '--lengths', lengths, '--json')
    expect(json.stderr).toBe('')
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(report).toMatchObject({ coders: ['a', 'b'], documents: 2 })
    expect(Object.keys(report.codes)).toEqual(['X', 'Y'])
    // Character table of X pooled over T1 and T2 (160 characters): both 10, only a 10, only b 10, neither 130.
    expect(report.codes.X.characterPercentAgreement).toBeCloseTo(140 / 160, 12)
    const text = await cli('agreement', '--codings', codings, '--lengths', lengths)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^Coded spans: 2 documents, coders a, b/)
    expect(text.stdout).toMatch(/\nX\s+-?\d\.\d{3} \w+/)
    expect(text.stdout).toMatch(/\(overall\)/)
  })

  it('[CLI1] a bad codings row exits 2 with its file and line', async () => {
    const codings = await file('bad-codings.csv', 'document,coder,code,start,end\nT1,a,X,10,5\n')
    const lengths = await file('lengths.csv', 'document,length\nT1,100\n')
    const { code, stderr } = await cli('agreement', '--codings', codings, '--lengths', lengths)
    expect(code).toBe(2)
    expect(stderr).toContain(`${codings}:2`)
  })
})
