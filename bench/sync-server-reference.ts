/**
 * Bench-only entry: the reference y-websocket server, `@y/websocket-server@0.1.1`, exactly as its
 * README wires it (`setupWSConnection` on a `ws` WebSocketServer behind an HTTP server), on port
 * 0, with no authentication; in memory, or with its own persistence (y-leveldb, every update
 * stored as it comes) when `YPERSISTENCE` names a directory, as its README describes. Started by
 * bench/sync.ts as a child process; before the
 * clients come it fills each room with the same transcript our server starts from (built by the
 * same function as our import), so both servers sync documents of the same size.
 *
 *   npx tsx bench/sync-server-reference.ts
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as Y from 'yjs'
import { WebSocketServer } from 'ws'
import { docs, getPersistence, getYDoc, setupWSConnection } from '@y/websocket-server/utils'
import { buildTranscriptDoc } from '../server/domain/editor/build-doc'
import { parseTurns } from '../server/domain/formats/transcript-text'
import { benchTranscriptText, startProbe, tellParent, toBase64, type ToServer } from './sync-fixture'

async function serve() {
  const started = performance.now()
  const wss = new WebSocketServer({ noServer: true })
  wss.on('connection', setupWSConnection)
  const http = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('okay'))
  http.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  const base = `ws://127.0.0.1:${port}`
  const probe = startProbe('reference')
  let rooms: string[] = []

  const stop = async () => {
    const states: Record<string, string> = {}
    // With y-leveldb, what it stored (as a restarted reference would load it); otherwise its memory.
    const persistence = getPersistence() as { provider?: { getYDoc(name: string): Promise<Y.Doc> } } | null
    const stored = persistence?.provider
    // (With persistence, the reference drops a doc from memory when its last client leaves.)
    for (const name of rooms) {
      const doc = stored ? await stored.getYDoc(name) : docs.get(name)
      if (doc) states[name] = toBase64(Y.encodeStateAsUpdate(doc))
    }
    for (const ws of wss.clients) ws.terminate()
    http.closeAllConnections()
    await new Promise<void>((resolve) => http.close(() => resolve()))
    await tellParent({ type: 'stopped', states })
    process.exit(0)
  }
  process.on('message', (message: ToServer) => {
    if (message.type === 'init') {
      rooms = message.rooms
      message.rooms.forEach((room, r) => {
        const initial = buildTranscriptDoc(parseTurns(benchTranscriptText(r)))
        Y.applyUpdate(getYDoc(room), Y.encodeStateAsUpdate(initial))
        initial.destroy()
      })
      console.log(JSON.stringify({ port, base }))
      void tellParent({ type: 'ready', port, base, setup: null, setupMs: performance.now() - started })
    } else if (message.type === 'sample') {
      void probe.sample(message.profile).then((sample) => tellParent({ type: 'sample', sample }))
    } else if (message.type === 'stop') {
      void stop()
    }
  })
  process.on('disconnect', () => process.exit(1))
  if (!process.send) console.log(JSON.stringify({ port, base })) // stand-alone: empty rooms
}

serve().catch((error) => {
  console.error(error)
  process.exit(1)
})
