import type { Stage } from '../core/common/progress';
import type { Io } from './io';

/** Stage progress on stderr, one updating line, only when stderr is a terminal. */
export function progressPrinter(io: Io, enabled: boolean) {
  const tty = enabled && (io.stderr as { isTTY?: boolean }).isTTY === true;
  let last = 0;
  const print = (stage: Stage, fraction: number) => {
    if (!tty) return;
    const now = Date.now();
    if (now - last < 100 && fraction < 1) return;
    last = now;
    io.stderr.write(`\r${stage.padEnd(11)} ${(fraction * 100).toFixed(0).padStart(3)}%`);
  };
  print.done = () => {
    if (tty) io.stderr.write('\r\u001b[K');
  };
  return print;
}
