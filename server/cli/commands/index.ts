import type { CliCommand } from '../types'
import { agreementCommand } from './agreement'
import { fitCommand } from './fit'

export const commands: CliCommand[] = [agreementCommand, fitCommand]
