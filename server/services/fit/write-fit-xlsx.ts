/**
 * The fit results as an Excel workbook (exceljs): the cross-case summary first, then one sheet
 * per case laid out like the study's case tables (dimension and fit level merged over the
 * dimension's indicators), then the long data table for analysis.
 */
import ExcelJS from 'exceljs'
import type { FitLevel } from '../../domain/fit/types'
import type { FitTables } from './build-fit-tables'

const levelFill: Record<FitLevel, string> = { high: 'FFD7EDDA', medium: 'FFFCEBC7', low: 'FFF6D3D0' }
const headerFill = 'FFEEF0F1'

export async function writeFitXlsx(tables: FitTables): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Concord'
  wb.created = new Date()
  const used = new Set<string>()

  const summary = wb.addWorksheet(sheetName(tables.labels.summary, used))
  summary.addRow([tables.title]).font = { bold: true, size: 13 }
  summary.addRow([tables.rule]).font = { italic: true, color: { argb: 'FF646B73' } }
  summary.addRow([])
  styleHeader(summary.addRow(tables.summary.header))
  for (const [i, row] of tables.summary.rows.entries()) {
    const r = summary.addRow(row)
    tables.cases[i].dimensions.forEach((d, j) => fill(r.getCell(j + 2), levelFill[d.level]))
  }
  summary.columns.forEach((col, i) => (col.width = i === 0 ? 36 : i === tables.summary.header.length - 1 ? 30 : 14))

  for (const c of tables.cases) {
    const ws = wb.addWorksheet(sheetName(c.key, used))
    ws.addRow([c.name]).font = { bold: true, size: 13 }
    ws.addRow([`${tables.labels.model}: ${c.model}`])
    ws.addRow([])
    styleHeader(ws.addRow([tables.labels.dimension, tables.labels.indicator, tables.labels.analysis, tables.labels.status, tables.labels.evidence, tables.labels.level]))
    for (const d of c.dimensions) {
      const first = ws.rowCount + 1
      for (const row of d.rows) {
        const r = ws.addRow([d.name, row.indicator, row.analysis, row.status, row.evidence, `${d.levelLabel} (${Number((d.unseenShare * 100).toFixed(2))}%)`])
        r.alignment = { vertical: 'top', wrapText: true }
      }
      const last = ws.rowCount
      if (last > first) {
        ws.mergeCells(first, 1, last, 1)
        ws.mergeCells(first, 6, last, 6)
      }
      fill(ws.getCell(first, 6), levelFill[d.level])
      ws.getCell(first, 1).alignment = { vertical: 'middle', wrapText: true }
      ws.getCell(first, 6).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    }
    ws.columns = [{ width: 16 }, { width: 28 }, { width: 60 }, { width: 16 }, { width: 10 }, { width: 18 }]
  }

  const data = wb.addWorksheet(sheetName('data', used))
  styleHeader(data.addRow(tables.long.header))
  for (const row of tables.long.rows) data.addRow(row)
  data.views = [{ state: 'frozen', ySplit: 1 }]

  return new Uint8Array(await wb.xlsx.writeBuffer())
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true }
  row.eachCell((cell) => fill(cell, headerFill))
}

function fill(cell: ExcelJS.Cell, argb: string) {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } }
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 28) || 'sheet'
  let name = base
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`
  used.add(name.toLowerCase())
  return name
}
