// Transitional alias: import from '@/app/lib/route-handler'.
export * from '../route-handler'
