/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Loaded from node_modules at run time, never bundled: PGlite ships WASM, and the custom server
  // and the route handlers must share one copy of the database and Yjs libraries.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'mammoth', 'ioredis', 'yjs', 'y-protocols', 'lib0', 'drizzle-orm', 'exceljs', 'docx', 'ws'],
  poweredByHeader: false,
  // The whole repository (tests and benchmarks included) is type-checked by `tsc --noEmit` in CI
  // (.ci/run); the build does not check it a second time, which also keeps `npm start` quick.
  typescript: { ignoreBuildErrors: true },
}

export default nextConfig
