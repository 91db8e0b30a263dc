'use client'
/**
 * A native modal <dialog>: it traps focus and closes on Escape; on unmount focus goes back to
 * the button that opened it, so the codebook stays usable from the keyboard alone.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

export function Modal({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // Read while rendering: by the time effects run, autoFocus inside the dialog has moved focus.
  const [opener] = useState(() => (typeof document !== 'undefined' && document.activeElement instanceof HTMLElement ? document.activeElement : null))
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      dialog?.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [opener])
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // The close event is queued: under StrictMode's mount–unmount–mount it arrives after the
      // dialog was opened again, so only a close that left the dialog closed counts.
      onClose={(e) => {
        if (!e.currentTarget.open) onClose()
      }}
      data-testid={testId}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
      </div>
      {children}
    </dialog>
  )
}
