'use client'
/** Live preview of how the text will be split into speaker turns (the same parser as import). */
import { useDeferredValue, useMemo } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'
import { parseTurns } from '@/server/domain/formats/transcript-text'

const SHOWN = 12

export function TurnsPreview({ text }: { text: string }) {
  const { t } = useI18n()
  const deferred = useDeferredValue(text)
  const turns = useMemo(() => parseTurns(deferred), [deferred])
  const speakers = useMemo(() => [...new Set(turns.map((x) => x.speaker).filter((s): s is string => Boolean(s)))], [turns])
  if (!deferred.trim()) return null
  return (
    <section className="turns-preview" aria-labelledby="turns-preview-title" data-testid="turns-preview">
      <h3 id="turns-preview-title">{t('transcriptsPage.preview')}</h3>
      <p className="hint" aria-live="polite">
        {t('transcriptsPage.previewSummary', { turns: turns.length, speakers: speakers.length, chars: deferred.length })}
        {speakers.length > 0 && ` · ${speakers.join(' / ')}`}
      </p>
      {turns.length > 0 && speakers.length === 0 && <p className="hint warn">{t('transcriptsPage.previewNoSpeakers')}</p>}
      <ol className="turns">
        {turns.slice(0, SHOWN).map((turn, i) => (
          <li key={i}>
            <span className="speaker">{turn.speaker ?? t('transcriptsPage.noSpeaker')}</span>
            <span className="turn-text">{turn.text}</span>
          </li>
        ))}
      </ol>
      {turns.length > SHOWN && <p className="hint">{t('transcriptsPage.previewMore', { count: turns.length - SHOWN })}</p>}
    </section>
  )
}
