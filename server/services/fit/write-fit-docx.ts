/**
 * The fit results as a Word document (docx): a table per case like the study's case tables
 * (dimension and fit level merged down the dimension's indicators), then the cross-case summary
 * like its Table 14, and the rule used, so that the tables can go into a paper as they are.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx'
import type { FitLevel } from '../../domain/fit/types'
import type { FitTables } from './build-fit-tables'

const levelFill: Record<FitLevel, string> = { high: 'D7EDDA', medium: 'FCEBC7', low: 'F6D3D0' }
const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' }

export async function writeFitDocx(tables: FitTables): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(tables.title)] }),
    new Paragraph({ children: [run(tables.rule, { italics: true })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(tables.labels.caseTables)] }),
  ]
  for (const c of tables.cases) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(c.name)] }))
    const header = new TableRow({
      tableHeader: true,
      children: [tables.labels.dimension, tables.labels.indicator, tables.labels.analysis, tables.labels.level].map((h) => cell(h, { bold: true, shade: 'EEF0F1' })),
    })
    const rows = c.dimensions.flatMap((d) =>
      d.rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            children: [
              ...(i === 0 ? [cell(d.name, { rowSpan: d.rows.length, center: true })] : []),
              cell(r.indicator),
              cell(r.analysis),
              ...(i === 0 ? [cell(d.levelLabel, { rowSpan: d.rows.length, center: true, shade: levelFill[d.level] })] : []),
            ],
          }),
      ),
    )
    children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }))
    children.push(new Paragraph({ children: [run(`${tables.labels.model}: ${c.model}`, { bold: true })] }))
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(tables.labels.summary)] }))
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: tables.summary.header.map((h) => cell(h, { bold: true, shade: 'EEF0F1' })) }),
        ...tables.summary.rows.map(
          (row, i) =>
            new TableRow({
              children: row.map((v, j) => {
                const dim = j > 0 && j <= tables.cases[i].dimensions.length ? tables.cases[i].dimensions[j - 1] : null
                return cell(v, { center: j > 0, shade: dim ? levelFill[dim.level] : undefined })
              }),
            }),
        ),
      ],
    }),
  )
  const doc = new Document({
    creator: 'Concord',
    title: tables.title,
    styles: { default: { document: { run: { font, size: 21 } } } },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

function run(text: string, options: { bold?: boolean; italics?: boolean } = {}) {
  return new TextRun({ text, font, ...options })
}

function cell(text: string, options: { bold?: boolean; rowSpan?: number; center?: boolean; shade?: string } = {}) {
  // Line breaks in a summary become paragraphs: a run with "\n" shows nothing in Word.
  const lines = text.split('\n')
  return new TableCell({
    rowSpan: options.rowSpan,
    verticalAlign: options.center ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    shading: options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: options.shade } : undefined,
    children: lines.map((line) => new Paragraph({ alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(line, { bold: options.bold })] })),
  })
}
