'use client'
/**
 * A native modal <dialog>: it traps focus, closes on Escape and gives focus back to the
 * button that opened it, so the codebook stays usable from the keyboard alone.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'

export function Modal({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} data-testid={testId}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
      </div>
      {children}
    </dialog>
  )
}
