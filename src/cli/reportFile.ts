import { writeFile } from 'node:fs/promises';
import { UserError } from '../core/common/userError';
import { reportExport, type ReportRequest } from '../core/report/reportExport';
import type { AnalysisSession } from '../core/session/session';
import type { Voice } from './voice';

/** The --report flag of analyze and rfm (#18). */
export const REPORT_USAGE = `  --report FILE         write the analysis as one self-contained HTML page (the file, its
                        cleaning, the charts, the segment profiles) to mail or print`;

/**
 * Writes the HTML report of a session to `path` in the voice's language, and says so in one line;
 * a path that cannot be written is a problem the user fixes (exit 2, one sentence).
 */
export async function writeReportFile(
  path: string,
  session: AnalysisSession,
  request: ReportRequest,
  voice: Voice,
): Promise<string> {
  const { parts } = await reportExport(session, request, voice.say);
  try {
    await writeFile(path, parts.join(''));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError('bad-option', 'cliReportNotWritten', { path, reason });
  }
  return voice.text('reportSaved', { path }) + '\n';
}
