/**
 * Turns an uploaded file (.txt, .md, .docx) or pasted text into speaker turns, with a clear
 * message for every way it can be wrong. Nothing is written here.
 */
import { badInput } from '../../errors'
import { parseTurns, stripMarkdown, type Turn } from '../../domain/formats/transcript-text'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

export async function readUpload(file: { name: string; bytes: Uint8Array } | null, pasted: string | null): Promise<{ turns: Turn[]; sourceName: string | null }> {
  let text: string
  let sourceName: string | null = null
  if (file) {
    sourceName = file.name
    const ext = file.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''
    if (file.bytes.byteLength > MAX_UPLOAD_BYTES) {
      throw badInput(`"${file.name}" is too large (${(file.bytes.byteLength / 1048576).toFixed(1)} MB); the limit is 5 MB.`, [{ path: 'file', message: 'too large' }])
    }
    if (file.bytes.byteLength === 0) throw badInput(`"${file.name}" is empty.`, [{ path: 'file', message: 'empty file' }])
    if (ext === 'txt' || ext === 'md' || ext === 'markdown') {
      const decoded = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes)
      if (decoded.includes('\u0000')) throw badInput(`"${file.name}" is not a text file.`, [{ path: 'file', message: 'binary content' }])
      text = ext === 'txt' ? decoded : stripMarkdown(decoded)
    } else if (ext === 'docx') {
      const mammoth = await import('mammoth')
      try {
        const result = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) })
        text = result.value
      } catch {
        throw badInput(`"${file.name}" could not be read as a Word document (.docx). Is the file damaged? Try saving it again from Word.`, [
          { path: 'file', message: 'corrupt docx' },
        ])
      }
    } else {
      throw badInput(`"${file.name}": unsupported file type. Upload a .txt, .md or .docx file, or paste the text.`, [
        { path: 'file', message: `unsupported type .${ext || '(none)'}` },
      ])
    }
  } else {
    text = pasted ?? ''
  }
  const turns = parseTurns(text)
  if (turns.length === 0) throw badInput('The transcript has no text.', [{ path: file ? 'file' : 'text', message: 'empty' }])
  return { turns, sourceName }
}
