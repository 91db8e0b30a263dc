import { createMemoryDocStore } from './doc-store'
import { runDocStoreContract } from './doc-store.contract'

runDocStoreContract('memory', async () => createMemoryDocStore())
