'use client'
/** Copies a value to the clipboard and says so for a moment (announced to screen readers). */
import { useState } from 'react'
import { useI18n } from '@/app/i18n/i18n-provider'

export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      className="small"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value)
        } catch {
          // Clipboard refused (http origin, permissions): the value stays visible and selectable.
          return
        }
        setCopied(true)
        setTimeout(() => setCopied(false), 2000)
      }}
    >
      <span aria-live="polite">{copied ? t('common.copied') : (label ?? t('common.copy'))}</span>
    </button>
  )
}

/** A read-only, click-to-select field for a secret or link, with a copy button beside it. */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <div className="copy-field">
      <input readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
      <CopyButton value={value} />
    </div>
  )
}
