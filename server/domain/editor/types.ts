/** Plain data exchanged by the editor module (offsets are UTF-16 indices, end exclusive). */

/** One speaker turn of a transcript; '\n' inside `text` is a hard line break within the turn. */
export interface Turn {
  speaker: string | null
  text: string
}

/** A code applied by a coder to [start, end) of the transcript's plain text. */
export interface CodingSpan {
  codeId: string
  coderId: string
  start: number
  end: number
}

export interface ProjectedCoding extends CodingSpan {
  /** The coded text, `text.slice(start, end)`. */
  text: string
}

/** One turn's place in the plain text; the '\n' that separates it from the next is at `end`. */
export interface ParagraphSpan {
  index: number
  start: number
  end: number
  speaker: string | null
}

export interface DocProjection {
  /** Paragraph texts joined with '\n' (hard breaks are '\n' too). */
  text: string
  paragraphs: ParagraphSpan[]
  /** Sorted by start, codeId, coderId. */
  codings: ProjectedCoding[]
}
