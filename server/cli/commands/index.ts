import type { CliCommand } from '../types'
import { agreementCommand } from './agreement'
import { decisionsCommand } from './decisions'
import { disputesCommand } from './disputes'
import { fitCommand } from './fit'

export const commands: CliCommand[] = [agreementCommand, fitCommand, disputesCommand, decisionsCommand]
