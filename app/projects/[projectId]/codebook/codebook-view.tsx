'use client'
/** The codebook tree; for the lead, the dialogs that add, edit, merge and delete codes, and reordering. */
import { useMemo, useState } from 'react'
import { useRouter } from 'next/navigation'
import { useI18n } from '@/app/i18n/i18n-provider'
import { api } from '@/app/lib/api-client'
import { CodeFormDialog } from './code-form-dialog'
import { CodeTreeNode, type CodeAction } from './code-node'
import { buildTree, moveAmongSiblings, siblingIds, type CodeEntry, type CodeNode } from './code-tree'
import { DeleteCodeDialog } from './delete-code-dialog'
import { MergeCodeDialog } from './merge-code-dialog'

type Open =
  | { kind: 'form'; code: CodeEntry | null; parent: CodeEntry | null }
  | { kind: 'merge'; code: CodeEntry }
  | { kind: 'delete'; code: CodeEntry }
  | null

export function CodebookView({ projectId, codes, canEdit }: { projectId: string; codes: CodeEntry[]; canEdit: boolean }) {
  const { t } = useI18n()
  const router = useRouter()
  const tree = useMemo(() => buildTree(codes), [codes])
  const [open, setOpen] = useState<Open>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function move(code: CodeEntry, delta: -1 | 1) {
    const orderedIds = moveAmongSiblings(siblingIds(codes, code), code.id, delta)
    if (!orderedIds) return
    setBusy(true)
    setError(null)
    try {
      await api(`/api/projects/${projectId}/codebook/reorder`, { method: 'POST', json: { orderedIds } })
      router.refresh()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  function act(action: CodeAction, { code }: CodeNode) {
    if (action === 'edit') setOpen({ kind: 'form', code, parent: null })
    else if (action === 'addChild') setOpen({ kind: 'form', code: null, parent: code })
    else if (action === 'merge') setOpen({ kind: 'merge', code })
    else if (action === 'delete') setOpen({ kind: 'delete', code })
    else void move(code, action === 'up' ? -1 : 1)
  }

  const close = () => setOpen(null)
  return (
    <div className="stack">
      <div className="page-head">
        <h2>{t('project.codebook')}</h2>
        {canEdit ? (
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'form', code: null, parent: null })} data-testid="add-code">
            {t('codebookPage.addTop')}
          </button>
        ) : (
          <span className="muted small">{t('codebookPage.readOnly')}</span>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {tree.length === 0 ? (
        <p className="empty">{canEdit ? t('codebook.empty') : t('codebookPage.emptyMember')}</p>
      ) : (
        <ul className="code-tree full card" aria-label={t('project.codebook')} data-testid="codebook-tree">
          {tree.map((node, i) => (
            <CodeTreeNode key={node.code.id} node={node} index={i} siblings={tree.length} canEdit={canEdit} busy={busy} onAction={act} />
          ))}
        </ul>
      )}
      {open?.kind === 'form' && <CodeFormDialog projectId={projectId} codes={codes} code={open.code} parent={open.parent} onClose={close} />}
      {open?.kind === 'merge' && <MergeCodeDialog projectId={projectId} codes={codes} code={open.code} onClose={close} />}
      {open?.kind === 'delete' && <DeleteCodeDialog projectId={projectId} code={open.code} onClose={close} />}
    </div>
  )
}
