/**
 * Every UI string, in English and Chinese, one module per area under messages/. Each module's
 * `zh` is typed against its `en`, so a missing translation is a type error. Use `{name}`
 * placeholders; `translate()` fills them. To add an area: create messages/<area>.ts exporting
 * `en` and `zh`, and add it to the two spreads below.
 */
import * as agreement from './messages/agreement'
import * as core from './messages/core'
import * as pages from './messages/pages'
import * as framework from './messages/framework'
import * as editor from './messages/editor'
import * as disputes from './messages/disputes'

export const en = { ...core.en, ...pages.en, ...framework.en, ...editor.en, ...agreement.en, ...disputes.en } as const
export const zh = { ...core.zh, ...pages.zh, ...framework.zh, ...editor.zh, ...agreement.zh, ...disputes.zh }

export type MessageKey = keyof typeof en
export type Messages = Record<MessageKey, string>

export const dictionaries: Record<'zh' | 'en', Messages> = { en, zh }

export function translate(messages: Messages, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = messages[key] ?? key
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`))
}
