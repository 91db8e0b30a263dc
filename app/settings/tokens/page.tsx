import { getAppContext } from '@/server/context'
import { listAccessTokens } from '@/server/services/tokens/manage-tokens'
import { getT, requireUser } from '@/app/lib/session'
import { TokensManager } from './tokens-manager'

export default async function TokensPage() {
  const user = await requireUser()
  const { t, locale } = await getT()
  const tokens = await listAccessTokens(getAppContext().db, { userId: user.id })
  const when = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('tokens.title')}</h1>
      </div>
      <p className="muted">{t('tokens.intro')}</p>
      <TokensManager
        tokens={tokens.map((x) => ({ id: x.id, name: x.name, prefix: x.prefix, created: when.format(x.createdAt), lastUsed: x.lastUsedAt ? when.format(x.lastUsedAt) : null }))}
      />
    </div>
  )
}
