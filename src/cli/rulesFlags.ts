import type { Language } from '../i18n/languages';
import { helpText } from './help';
import { DEFAULT_ANALYSIS_OPTIONS } from '../core/analysis/analysisOptions';
import { clusterDefaultsFor, clusterRowsOf } from '../core/analysis/clusterDefaults';
import {
  DEFAULT_MAX_LEN,
  DEFAULT_MIN_CONFIDENCE,
  MAX_ITEMSET_LENGTH,
} from '../core/basket/rulesDefaults';
import { UserError } from '../core/common/userError';
import type { RfmSettings } from '../core/rfm/rfm';
import {
  defaultSegmentMap,
  nameSegments,
  type NamedSegmentMap,
  type SegmentScheme,
} from '../core/rfm/rfmSegments';
import type { RulesScope } from '../core/session/basketsSession';
import type { AnalysisSession } from '../core/session/session';
import { englishText } from '../i18n/formatMessage';
import { intOption } from './args';
import { MAPPING_FLAGS } from './mappingFlags';
import { READ_FLAGS } from './readChoiceFlags';
import type { Voice } from './voice';

export function rulesUsage(language: Language): string {
  return helpText(language, 'rules', {
    item: 'rulesItem',
    values: {
      minConfidence: DEFAULT_MIN_CONFIDENCE,
      maxItemsetLength: MAX_ITEMSET_LENGTH,
      maxLen: DEFAULT_MAX_LEN,
    },
  });
}

export const RULES_FLAGS = {
  ...MAPPING_FLAGS,
  'min-support': { type: 'string' },
  'min-confidence': { type: 'string' },
  'max-len': { type: 'string' },
  scope: { type: 'string' },
  k: { type: 'string' },
  'segment-map': { type: 'string' },
  ...READ_FLAGS,
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The scope as written on the command line, before the file is read. */
export type ScopeChoice =
  { kind: 'all' } | { kind: 'rfm'; name: string } | { kind: 'cluster'; cluster: number };

/** --scope all | rfm:NAME | cluster:N (all when not given). */
export function scopeChoice(value: string | undefined): ScopeChoice {
  if (value === undefined || value.trim().toLowerCase() === 'all') return { kind: 'all' };
  const rfm = /^\s*rfm:(.*)$/is.exec(value);
  if (rfm !== null && rfm[1].trim().length > 0) return { kind: 'rfm', name: rfm[1].trim() };
  const cluster = /^\s*cluster:\s*(\d+)\s*$/i.exec(value);
  if (cluster !== null) return { kind: 'cluster', cluster: Number(cluster[1]) };
  throw new UserError('bad-option', 'rulesBadScope', { value });
}

/** The mining parameters the flags ask for (the support null for the scope's default). */
export function parameterChoices(values: {
  'min-support'?: string;
  'min-confidence'?: string;
  'max-len'?: string;
}): { minSupport: number | null; minConfidence: number; maxLen: number } {
  const supportText = values['min-support'];
  const confidenceText = values['min-confidence'];
  const minSupport = supportText === undefined ? null : Number(supportText);
  // Number('') is 0 and Number(' 0.1 ') is 0.1: only the range matters, and NaN is outside it.
  if (minSupport !== null && !(minSupport > 0 && minSupport <= 1)) {
    throw new UserError('bad-option', 'basketsMinSupport', { value: supportText! });
  }
  const minConfidence =
    confidenceText === undefined ? DEFAULT_MIN_CONFIDENCE : Number(confidenceText);
  if (!(minConfidence >= 0 && minConfidence <= 1) || confidenceText?.trim() === '') {
    throw new UserError('bad-option', 'basketsMinConfidence', { value: confidenceText! });
  }
  const maxLen = intOption('max-len', values['max-len'], 1, MAX_ITEMSET_LENGTH) ?? DEFAULT_MAX_LEN;
  return { minSupport, minConfidence, maxLen };
}

/**
 * The segment named NAME in a scheme's default map: its name in the voice's language or in
 * English, in any case and without surrounding spaces. Else a UserError listing the names.
 */
export function findSegment(
  scheme: SegmentScheme,
  name: string,
  voice: Voice,
): {
  map: NamedSegmentMap;
  segment: number;
} {
  const map = nameSegments(defaultSegmentMap(scheme), voice.say);
  const english = nameSegments(defaultSegmentMap(scheme), englishText);
  const wanted = name.trim().toLowerCase();
  const same = (names: string[]) => names.findIndex((n) => n.trim().toLowerCase() === wanted);
  let segment = same(map.names);
  if (segment === -1) segment = same(english.names);
  if (segment === -1) {
    throw new UserError('bad-option', 'rulesUnknownSegment', {
      name,
      names: voice.list(map.names),
    });
  }
  return { map, segment };
}

/**
 * The scope the choice names, on this file: a named segment of the chosen map, or a cluster of
 * the RFM customers clustered as segmentlens rfm clusters them (k-means, the recommended k
 * unless --k is given).
 */
export async function scopeFrom(
  choice: ScopeChoice,
  session: AnalysisSession,
  settings: RfmSettings,
  options: { scheme: SegmentScheme; k: number | undefined },
  voice: Voice,
): Promise<RulesScope> {
  if (choice.kind === 'all') return { kind: 'all' };
  if (choice.kind === 'rfm') {
    return { kind: 'rfm', ...findSegment(options.scheme, choice.name, voice) };
  }
  const { k } = options;
  const clustering = {
    ...DEFAULT_ANALYSIS_OPTIONS,
    k: k ?? null,
    kMax: Math.max(k ?? 1, DEFAULT_ANALYSIS_OPTIONS.kMax),
    ...clusterDefaultsFor(clusterRowsOf(session.summary(), settings)),
  };
  const chosenK = k ?? (await session.segmentation({ options: clustering, rfm: settings })).k;
  return { kind: 'cluster', clustering, k: chosenK, cluster: choice.cluster };
}

/** --k and --segment-map only where the scope uses them. */
export function checkScopeFlags(
  choice: ScopeChoice,
  values: { k?: string; 'segment-map'?: string },
): number | undefined {
  if (values.k !== undefined && choice.kind !== 'cluster') {
    throw new UserError('bad-option', 'rulesMisplacedK');
  }
  if (values['segment-map'] !== undefined && choice.kind !== 'rfm') {
    throw new UserError('bad-option', 'rulesMisplacedSegmentMap');
  }
  return intOption('k', values.k, 1);
}
