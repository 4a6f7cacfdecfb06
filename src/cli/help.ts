import type { Language } from '../i18n/languages';
import { cliHelp as english, type CliHelpKey } from '../i18n/locales/en/cliHelp';
import { cliHelp as chinese } from '../i18n/locales/zh/cliHelp';

const HELP: Readonly<Record<Language, Readonly<Record<CliHelpKey, string>>>> = {
  en: english,
  zh: chinese,
};

/** The parts of the help any command's text may name, as {read} or {json}. */
const SHARED_PARTS = ['options', 'read', 'report', 'exportDialect', 'json'] as const;

export interface HelpValues {
  /** The lines for --item and --description in {mapping}, where a command says more of them. */
  item?: CliHelpKey;
  /** The line for --snapshot in {mapping}, where a command says more of it. */
  snapshot?: CliHelpKey;
  /** Defaults the code holds and other text made by the code, by the name the help gives them. */
  values?: Readonly<Record<string, string | number>>;
}

/**
 * One text of the command line's help in a language, with its {parts} filled in: the shared
 * option lines (read, report, mapping, ...) and the values the command gives.
 */
export function helpText(language: Language, key: CliHelpKey, given: HelpValues = {}): string {
  const help = HELP[language];
  const parts = new Map<string, string>(SHARED_PARTS.map((part) => [part, help[part]]));
  parts.set('item', help[given.item ?? 'mappingItem']);
  parts.set('snapshot', help[given.snapshot ?? 'mappingSnapshot']);
  parts.set('mapping', fillParts(help.mapping, parts));
  for (const [name, value] of Object.entries(given.values ?? {})) parts.set(name, String(value));
  return fillParts(help[key], parts);
}

function fillParts(template: string, parts: ReadonlyMap<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const part = parts.get(name);
    // A name the help gives but the code does not fill is a bug, not something to print.
    if (part === undefined) throw new Error(`The help names {${name}}, which nothing fills in.`);
    return part;
  });
}
