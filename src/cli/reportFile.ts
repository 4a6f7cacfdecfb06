import { reportExport, type ReportRequest } from '../core/report/reportExport';
import type { AnalysisSession } from '../core/session/session';
import { writeOutputFile } from './outputFiles';
import type { Voice } from './voice';

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
  await writeOutputFile(path, parts.join(''), '--report');
  return voice.text('reportSaved', { path }) + '\n';
}
