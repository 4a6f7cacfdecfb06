import { cli } from './en/cli';
import { cliMessage } from './en/cliMessage';
import { message } from './en/message';
import { ui } from './en/ui';

/**
 * English: every word the page and the command line say. `message` holds what the core says
 * (errors, notes, reasons: a code and its values); `cliMessage` rewords some of them for the
 * command line, where they name flags instead of the page's controls; `cli` is the command
 * line's own; `ui` is the page's own. ICU MessageFormat:
 * {count, plural, one {# row} other {# rows}}, {when, date, day}.
 */
export const en = { message, cliMessage, cli, ui } as const;
