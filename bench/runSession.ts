import { monitorEventLoopDelay } from 'node:perf_hooks';
import { analyzeCommand } from '../src/cli/analyzeCommand';
import type { Io } from '../src/cli/io';
import { openSession } from '../src/cli/openSession';
import { stageTimer, type StageTimings } from '../src/cli/stageTimings';
import { createVoice } from '../src/cli/voice';
import { warmUpClustering } from '../src/core/cluster/clusterJob';
import { warmUpReading } from '../src/core/read/readCsv';

/**
 * The command line's own pipeline on one file (`segmentlens analyze FILE --json`, the session the
 * page runs), warmed up first as the page's worker is while it waits for a file. Prints one JSON
 * line: the stage timings analyze --json reports (converted to milliseconds), the inertia per k,
 * the peak memory and the longest task (the longest the event loop was blocked: how long the
 * page's worker would not answer a Cancel or send progress). With --read-only: the file opened as a session (read and kinds) and no more.
 *   tsx bench/runSession.ts FILE N_INIT [--read-only]
 */
const [path, nInitArg, mode] = process.argv.slice(2);
const readOnly = mode === '--read-only';
await warmUpReading();
warmUpClustering();

let timings: StageTimings;
let inertia: Record<string, number> = {};
let rows: number;
const blocked = monitorEventLoopDelay({ resolution: 5 });
blocked.enable();
const start = performance.now();
if (readOnly) {
  const timer = stageTimer(() => {});
  const session = await openSession(path, {}, timer.onProgress);
  timings = timer.timings();
  rows = session.table.rowCount;
} else {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const argv = [path, '--json', '--n-init', nInitArg ?? '3', '--k-max', '10'];
  const code = await analyzeCommand(argv, io, createVoice('en'));
  if (code !== 0) throw new Error(`analyze ${argv.join(' ')} exited ${code}: ${stderr}`);
  const report = JSON.parse(stdout) as {
    timings: StageTimings;
    rows?: { kept?: number };
    elbow?: { k: number; inertia: number }[];
  };
  timings = report.timings;
  rows = report.rows?.kept ?? 0;
  inertia = Object.fromEntries((report.elbow ?? []).map((point) => [point.k, point.inertia]));
}
const totalMs = performance.now() - start;
blocked.disable();
process.stdout.write(
  JSON.stringify({
    rows,
    times_ms: {
      ...Object.fromEntries(
        Object.entries(timings)
          .filter(([, secondsTaken]) => secondsTaken !== null)
          .map(([stage, secondsTaken]) => [stage, Math.round((secondsTaken as number) * 1000)]),
      ),
      total: Math.round(totalMs),
    },
    inertia,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    longest_task_ms: Math.round(blocked.max / 1e6),
  }) + '\n',
);
