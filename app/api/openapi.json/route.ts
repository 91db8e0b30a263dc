import { NextResponse } from 'next/server'
import { buildOpenApi } from '@/server/openapi'
import pkg from '@/package.json'

export const dynamic = 'force-dynamic'
export const GET = () => NextResponse.json(buildOpenApi(pkg.version))
