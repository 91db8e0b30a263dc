/** Shared by the benchmarks that run on Postgres (bench/sync.ts, bench/projection.ts). */
import { readdir, readFile } from 'node:fs/promises'

/**
 * CPU time (ms) of every `postgres` process on this machine, from /proc (Linux): with
 * BENCH_DATABASE_URL the database works in those processes, so their CPU belongs to "ours".
 * A backend that exits between two samples (the pool closes idle connections) would take its
 * CPU with it, so each process's reaped children's CPU (cutime, cstime: the postmaster's) is
 * counted too, which makes the difference of two samples exact. Machine-wide, so nothing else
 * should use this Postgres during the run. null off Linux.
 */
export async function postgresCpuMs(): Promise<number | null> {
  let entries: string[]
  try {
    entries = await readdir('/proc')
  } catch {
    return null
  }
  let ticks = 0
  for (const pid of entries.filter((e) => /^\d+$/.test(e))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    const close = stat.lastIndexOf(')')
    if (close < 0 || !stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue
    const fields = stat.slice(close + 2).split(' ') // fields[0] is field 3 (state)
    // utime, stime, cutime, cstime (fields 14–17), in clock ticks (100/s)
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
  }
  return ticks * 10
}
