import { DEFAULT_MAX_ITEMSETS } from '../core/basket/rulesDefaults';
import { UserError } from '../core/common/userError';
import { SEGMENT_SCHEMES } from '../core/rfm/rfmSegments';
import {
  itemsetsExport,
  rulesExport,
  ruleSetOf,
  rulesSummary,
  type RulesRequest,
  type RulesScope,
} from '../core/session/basketsSession';
import { choiceOption, parseCommandArgs } from './args';
import type { Io } from './io';
import { rfmSettingsFrom } from './mappingFlags';
import { openSession } from './openSession';
import { progressPrinter } from './progressPrinter';
import { readChoiceFrom } from './readChoiceFlags';
import {
  checkScopeFlags,
  parameterChoices,
  RULES_FLAGS,
  rulesUsage,
  scopeChoice,
  scopeFrom,
} from './rulesFlags';
import { rulesJson, rulesText } from './rulesReport';
import type { Voice } from './voice';
import { checkOutputs, writeExports } from './outputFiles';

export { rulesUsage } from './rulesFlags';

/** segmentlens rules FILE: what sells together, over all baskets or one segment's or cluster's. */
export async function rulesCommand(argv: string[], io: Io, voice: Voice): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, RULES_FLAGS);
  if (values.help) {
    io.stdout.write(rulesUsage(voice.language) + '\n');
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UserError('bad-option', 'cliOneFile', { command: 'rules' });
  }
  // Every flag is checked before the file is read.
  const choice = scopeChoice(values.scope);
  const k = checkScopeFlags(choice, values);
  const scheme = choiceOption('segment-map', values['segment-map'], SEGMENT_SCHEMES) ?? 'rf-grid';
  const parameters = parameterChoices(values);
  const path = positionals[0];
  const progress = progressPrinter(io, !values.json);
  // What --out, --report and --save-model name is checked before the work, not after it.
  await checkOutputs(values);
  try {
    const session = await openSession(path, readChoiceFrom(values), progress);
    const settings = rfmSettingsFrom(values, session);
    if (!settings.mapping.item) throw new UserError('bad-mapping', 'rulesNeedItemFlag');
    const scope = await scopeFrom(choice, session, settings, { scheme, k }, voice);
    const request: RulesRequest = {
      rfm: settings,
      scope,
      ...parameters,
      maxItemsets: DEFAULT_MAX_ITEMSETS,
    };
    const summary = await rulesSummary(session, request);
    const set = await ruleSetOf(session, request);
    progress.done();
    if (values.out !== undefined) {
      await writeExports(values.out, [
        { name: 'rules.csv', parts: (await rulesExport(session, request, voice.say)).parts },
        { name: 'itemsets.csv', parts: (await itemsetsExport(session, request, voice.say)).parts },
      ]);
    }
    const scopeText = scopeLabel(scope);
    io.stdout.write(
      values.json
        ? JSON.stringify(rulesJson(summary, set, scopeText, voice)) + '\n'
        : rulesText(path, summary, set, values.out, voice),
    );
    return 0;
  } finally {
    progress.done();
  }
}

/** The scope as --scope writes it, with the segment's name in the chosen language. */
function scopeLabel(scope: RulesScope): string {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'rfm') return `rfm:${scope.map.names[scope.segment]}`;
  return `cluster:${scope.cluster}`;
}
