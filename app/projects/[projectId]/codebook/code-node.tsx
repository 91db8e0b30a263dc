'use client'
/** One code in the tree: swatch, both names, shortcut, definition; the lead's actions; its sub-codes. */
import { useI18n } from '@/app/i18n/i18n-provider'
import { levelOf, type CodeNode } from './code-tree'

export type CodeAction = 'edit' | 'addChild' | 'up' | 'down' | 'merge' | 'delete'

export function CodeTreeNode({
  node,
  index,
  siblings,
  canEdit,
  busy,
  onAction,
}: {
  node: CodeNode
  index: number
  siblings: number
  canEdit: boolean
  busy: boolean
  onAction: (action: CodeAction, node: CodeNode) => void
}) {
  const { t, pick, locale } = useI18n()
  const { code, children } = node
  const name = pick(code.name)
  const other = locale === 'zh' ? code.name.en : code.name.zh
  const definition = pick(code.definition)
  const details = (['inclusion', 'exclusion', 'example'] as const).filter((k) => pick(code[k]))
  const level = levelOf(code.depth)
  return (
    <li className={`code-node level-${level}`} data-testid="code-node" data-code-id={code.id}>
      <div className="code-row">
        <span className="swatch" style={{ background: code.color }} aria-hidden />
        <div className="code-main">
          <div className="code-names">
            <strong>{name}</strong>
            {other && other !== name && <span className="muted">{other}</span>}
            {code.shortcut && (
              <kbd title={t('codebook.shortcut')} aria-label={`${t('codebook.shortcut')} ${code.shortcut}`}>
                {code.shortcut}
              </kbd>
            )}
            <span className="badge">{t(`codebookPage.level.${level}`)}</span>
          </div>
          {definition && <p className="code-definition">{definition}</p>}
          {details.length > 0 && (
            <details className="code-details">
              <summary>{t('codebookPage.more')}</summary>
              <dl>
                {details.map((k) => (
                  <div key={k}>
                    <dt>{t(`codebook.${k}`)}</dt>
                    <dd>{pick(code[k])}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
        </div>
        {canEdit && (
          <div className="code-actions" role="group" aria-label={t('codebookPage.actionsFor', { name })}>
            <button type="button" className="small" onClick={() => onAction('edit', node)}>
              {t('common.edit')}
            </button>
            <button type="button" className="small" onClick={() => onAction('addChild', node)}>
              {t('codebook.addChild')}
            </button>
            <button type="button" className="small icon" onClick={() => onAction('up', node)} disabled={busy || index === 0} aria-label={`${t('codebook.moveUp')}: ${name}`} title={t('codebook.moveUp')}>
              ↑
            </button>
            <button type="button" className="small icon" onClick={() => onAction('down', node)} disabled={busy || index === siblings - 1} aria-label={`${t('codebook.moveDown')}: ${name}`} title={t('codebook.moveDown')}>
              ↓
            </button>
            <button type="button" className="small" onClick={() => onAction('merge', node)}>
              {t('codebook.merge')}
            </button>
            <button type="button" className="small danger" onClick={() => onAction('delete', node)}>
              {t('common.delete')}
            </button>
          </div>
        )}
      </div>
      {children.length > 0 && (
        <ul className="code-children">
          {children.map((child, i) => (
            <CodeTreeNode key={child.code.id} node={child} index={i} siblings={children.length} canEdit={canEdit} busy={busy} onAction={onAction} />
          ))}
        </ul>
      )}
    </li>
  )
}
