'use client'
/**
 * A version shown read-only over the editor, and what changed from it to now; the lead can
 * restore it (the server turns the restore into new edits on the live document).
 */
import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react'
import { api, ApiError } from '@/app/lib/api-client'
import { useI18n } from '@/app/i18n/i18n-provider'
import { styleForCodes } from './code-styles'
import { useVersionLabel, type VersionSummary } from './history-panel'
import type { CodeInfo } from './types'

interface Projection {
  text: string
  paragraphs: { index: number; start: number; end: number; speaker: string | null }[]
  codings: { codeId: string; coderId: string; start: number; end: number; text: string }[]
}
interface Comparison {
  paragraphs: { kind: 'same' | 'added' | 'removed'; speaker: string | null; text: string }[]
  codings: { added: Projection['codings']; removed: Projection['codings'] }
  counts: { paragraphsAdded: number; paragraphsRemoved: number; codingsAdded: number; codingsRemoved: number }
  changed: boolean
}
interface VersionDetail {
  version: VersionSummary
  content: Projection
  comparison: Comparison
}

/** A paragraph cut where codings start or end; each piece with the codes on it. */
function segments(text: string, p: { start: number; end: number }, codings: Projection['codings']): { text: string; codeIds: string[] }[] {
  const inside = codings.filter((c) => c.start < p.end && c.end > p.start)
  const cuts = new Set([p.start, p.end])
  for (const c of inside) {
    if (c.start > p.start) cuts.add(c.start)
    if (c.end < p.end) cuts.add(c.end)
  }
  const sorted = [...cuts].sort((a, b) => a - b)
  const out: { text: string; codeIds: string[] }[] = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]]
    out.push({ text: text.slice(a, b), codeIds: inside.filter((c) => c.start <= a && c.end >= b).map((c) => c.codeId) })
  }
  return out
}

export function VersionPreview({
  projectId,
  transcriptId,
  versionId,
  canRestore,
  codeById,
  coderName,
  onClose,
  onRestored,
}: {
  projectId: string
  transcriptId: string
  versionId: string
  canRestore: boolean
  codeById: ReadonlyMap<string, CodeInfo>
  coderName: (id: string) => string
  onClose: () => void
  onRestored: (restored: boolean) => void
}) {
  const { t, pick, locale } = useI18n()
  const label = useVersionLabel()
  const [detail, setDetail] = useState<VersionDetail | null>(null)
  const [tab, setTab] = useState<'version' | 'compare'>('version')
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    setDetail(null)
    setError('')
    api<VersionDetail>(`/api/projects/${projectId}/transcripts/${transcriptId}/versions/${versionId}?compare=now`).then(
      (d) => live && setDetail(d),
      (e) => live && setError(e instanceof ApiError ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [projectId, transcriptId, versionId])

  const colorOf = (id: string) => codeById.get(id)?.color ?? '#999'
  const body = useMemo(() => {
    if (!detail) return null
    const { content } = detail
    return content.paragraphs.map((p) => ({ p, segs: segments(content.text, p, content.codings) }))
  }, [detail])

  const restore = async () => {
    setBusy(true)
    setError('')
    try {
      const r = await api<{ restored: boolean }>(`/api/projects/${projectId}/transcripts/${transcriptId}/versions/${versionId}/restore`, { method: 'POST' })
      onRestored(r.restored)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
      setBusy(false)
    }
  }

  const codingLine = (c: Projection['codings'][number], kind: 'added' | 'removed') => {
    const code = codeById.get(c.codeId)
    return (
      <li key={`${kind}|${c.codeId}|${c.coderId}|${c.start}`} className={`diff-coding ${kind}`}>
        <span className="swatch" style={{ background: code?.color ?? '#999' }} /> <strong>{code ? pick(code.name) : t('editor.unknownCode')}</strong>
        <span className="muted small"> · {coderName(c.coderId)}</span>
        <div className="small">“{c.text.length > 140 ? c.text.slice(0, 140) + '…' : c.text}”</div>
      </li>
    )
  }

  return (
    <div className="version-preview" data-testid="version-preview">
      <div className="preview-head">
        <div>
          <strong>{detail ? label(detail.version) : t('common.loading')}</strong>
          {detail && (
            <span className="muted small">
              {' '}
              · {new Date(detail.version.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en')} · {detail.version.createdByName ?? t('history.system')}
            </span>
          )}
          <div className="hint">{t('history.readOnly')}</div>
        </div>
        <div className="row tight">
          <span className="segmented" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'version'} className={tab === 'version' ? 'on' : ''} onClick={() => setTab('version')}>
              {t('history.tabVersion')}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'compare'} className={tab === 'compare' ? 'on' : ''} onClick={() => setTab('compare')} data-testid="compare-tab">
              {t('history.tabCompare')}
            </button>
          </span>
          {canRestore && !confirming && (
            <button type="button" className="primary small" onClick={() => setConfirming(true)} disabled={!detail} data-testid="restore-version">
              {t('history.restore')}
            </button>
          )}
          <button type="button" className="small" onClick={onClose} data-testid="close-preview">
            {t('common.close')}
          </button>
        </div>
      </div>
      {confirming && (
        <div className="confirm-inline warning-box card">
          <span>{t('history.restoreConfirm')}</span>
          <button type="button" className="primary small" onClick={() => void restore()} disabled={busy} data-testid="confirm-restore">
            {busy ? t('common.saving') : t('history.restoreYes')}
          </button>
          <button type="button" className="small" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {error && <p className="error">{error}</p>}
      <div className="preview-body">
        {!detail ? (
          <p className="muted">{t('common.loading')}</p>
        ) : tab === 'version' ? (
          <div className="transcript-text preview-text">
            {body!.map(({ p, segs }) => (
              <p key={p.index} data-speaker={p.speaker ?? undefined}>
                {segs.map((s, i) =>
                  s.codeIds.length ? (
                    <span key={i} className="coded" style={cssOf(styleForCodes(s.codeIds, colorOf))}>
                      {s.text}
                    </span>
                  ) : (
                    <span key={i}>{s.text}</span>
                  ),
                )}
              </p>
            ))}
          </div>
        ) : (
          <Compare comparison={detail.comparison} codingLine={codingLine} />
        )}
      </div>
    </div>
  )
}

function Compare({ comparison, codingLine }: { comparison: Comparison; codingLine: (c: Projection['codings'][number], kind: 'added' | 'removed') => ReactNode }) {
  const { t } = useI18n()
  const { counts } = comparison
  // Unchanged paragraphs collapse to a count, keeping one of context on each side of a change.
  const rows: ({ kind: 'gap'; count: number } | Comparison['paragraphs'][number])[] = []
  const ps = comparison.paragraphs
  const changed = (j: number) => ps[j] !== undefined && ps[j].kind !== 'same'
  const near = (i: number) => changed(i - 1) || changed(i + 1)
  let gap = 0
  ps.forEach((p, i) => {
    if (p.kind === 'same' && !near(i)) {
      gap++
      return
    }
    if (gap) rows.push({ kind: 'gap', count: gap })
    gap = 0
    rows.push(p)
  })
  if (gap) rows.push({ kind: 'gap', count: gap })
  return (
    <div className="stack" data-testid="comparison">
      <p className="small">
        {comparison.changed
          ? t('history.compareSummary', { pa: counts.paragraphsAdded, pr: counts.paragraphsRemoved, ca: counts.codingsAdded, cr: counts.codingsRemoved })
          : t('history.noChanges')}
      </p>
      <p className="hint">{t('history.compareHint')}</p>
      <div className="diff">
        {rows.map((r, i) =>
          r.kind === 'gap' ? (
            <div key={i} className="diff-gap muted small">
              {t('history.unchanged', { count: r.count })}
            </div>
          ) : (
            <p key={i} className={`diff-para ${r.kind}`} data-speaker={r.speaker ?? undefined}>
              <span className="diff-sign" aria-label={r.kind === 'added' ? t('history.added') : r.kind === 'removed' ? t('history.removed') : undefined}>
                {r.kind === 'added' ? '+' : r.kind === 'removed' ? '−' : ' '}
              </span>
              {r.text}
            </p>
          ),
        )}
      </div>
      {(comparison.codings.added.length > 0 || comparison.codings.removed.length > 0) && (
        <div className="grid-2">
          <div>
            <h4>{t('history.codingsAdded', { count: comparison.codings.added.length })}</h4>
            <ul className="plain">{comparison.codings.added.map((c) => codingLine(c, 'added'))}</ul>
          </div>
          <div>
            <h4>{t('history.codingsRemoved', { count: comparison.codings.removed.length })}</h4>
            <ul className="plain">{comparison.codings.removed.map((c) => codingLine(c, 'removed'))}</ul>
          </div>
        </div>
      )}
    </div>
  )
}

/** 'a: b; c: d' → { a: 'b', c: 'd' } for React's style prop. */
function cssOf(style: string): CSSProperties {
  const out: Record<string, string> = {}
  for (const part of style.split(/;\s*/)) {
    const i = part.indexOf(':')
    if (i > 0) out[part.slice(0, i).trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = part.slice(i + 1).trim()
  }
  return out
}
