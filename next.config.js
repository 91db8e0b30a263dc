/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Loaded from node_modules at run time, never bundled: PGlite ships WASM, and the custom server
  // and the route handlers must share one copy of the database and Yjs libraries.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'mammoth', 'ioredis', 'yjs', 'y-protocols', 'lib0', 'drizzle-orm', 'exceljs', 'docx', 'ws'],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
}

export default nextConfig
