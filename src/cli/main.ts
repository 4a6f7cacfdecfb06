import { isUserError } from '../core/common/userError';
import { analyzeCommand, ANALYZE_USAGE } from './analyzeCommand';
import type { Io } from './io';
import { rfmCommand, RFM_USAGE } from './rfmCommand';

const USAGE = `segmentlens: customer segments from a CSV file, on your machine.

Commands:
  segmentlens analyze FILE [options]   segment customers (one row per customer)
  segmentlens rfm FILE [options]       RFM segments from order lines (one row per order line)

Run "segmentlens analyze --help" or "segmentlens rfm --help" for the options.

${ANALYZE_USAGE}

${RFM_USAGE}`;

/**
 * The command line. Returns the exit status: 0 on success, 2 for a problem the user can fix
 * (one line on stderr saying what to do), 1 for a bug.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === 'analyze' || command === 'analyse') return await analyzeCommand(rest, io);
    if (command === 'rfm') return await rfmCommand(rest, io);
    io.stderr.write(
      `segmentlens: there is no command "${command}"; run segmentlens --help for the commands.\n`,
    );
    return 2;
  } catch (error) {
    if (isUserError(error)) {
      io.stderr.write(`segmentlens: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(
      `segmentlens: internal error: ${(error as Error)?.message ?? String(error)} (please report it)\n`,
    );
    if (process.env.SEGMENTLENS_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
