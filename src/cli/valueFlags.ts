import type { Language } from '../i18n/languages';
import { helpText } from './help';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from '../core/analysis/analysisOptions';
import { UserError } from '../core/common/userError';
import { parseDate } from '../core/read/parseDate';
import {
  checkValueRequest,
  DEFAULT_VALUE_REQUEST,
  type ValueRequest,
} from '../core/session/valueStages';
import { choiceOption, intOption, numberOption } from './args';
import { MAPPING_FLAGS } from './mappingFlags';
import { READ_FLAGS } from './readChoiceFlags';

export function valueUsage(language: Language): string {
  return helpText(language, 'value', { snapshot: 'valueSnapshot' });
}

export const VALUE_FLAGS = {
  ...MAPPING_FLAGS,
  unit: { type: 'string' },
  'horizon-days': { type: 'string' },
  'horizon-months': { type: 'string' },
  discount: { type: 'string' },
  'holdout-from': { type: 'string' },
  'segment-map': { type: 'string' },
  k: { type: 'string' },
  'n-init': { type: 'string' },
  seed: { type: 'string' },
  ...READ_FLAGS,
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface ValueValues {
  unit?: string;
  'horizon-days'?: string;
  'horizon-months'?: string;
  discount?: string;
  'holdout-from'?: string;
}

const UNITS = ['days', 'weeks'] as const;

/**
 * The value options the flags ask for (the holdout check only when --holdout-from asks),
 * checked: the request is these with the RFM settings of the file.
 */
export function valueOptionsFrom(values: ValueValues): Omit<ValueRequest, 'rfm'> {
  const options = {
    unit: choiceOption('unit', values.unit, UNITS) ?? DEFAULT_VALUE_REQUEST.unit,
    horizonDays:
      numberOption('horizon-days', values['horizon-days'], 0) ?? DEFAULT_VALUE_REQUEST.horizonDays,
    horizonMonths:
      intOption('horizon-months', values['horizon-months'], 1, 1200) ??
      DEFAULT_VALUE_REQUEST.horizonMonths,
    monthlyDiscount:
      numberOption('discount', values.discount, 0) ?? DEFAULT_VALUE_REQUEST.monthlyDiscount,
    holdout: holdoutFrom(values['holdout-from']),
  };
  checkValueRequest(options);
  return options;
}

function holdoutFrom(value: string | undefined): ValueRequest['holdout'] {
  if (value === undefined) return 'none';
  if (value === 'default') return 'default';
  const time = parseDate(value, 'ymd');
  if (Number.isNaN(time)) throw new UserError('bad-option', 'cliHoldoutFrom', { value });
  return time;
}

/** The clustering on RFM that --k asks for, as segmentlens rfm --k runs it; null without --k. */
export function valueClusteringFrom(values: {
  k?: string;
  'n-init'?: string;
  seed?: string;
}): { clustering: AnalysisOptions; k: number } | null {
  const k = intOption('k', values.k, 1);
  const nInit = intOption('n-init', values['n-init'], 1, 1000);
  const seed = intOption('seed', values.seed, 0);
  if (k === undefined) return null;
  return {
    clustering: {
      ...DEFAULT_ANALYSIS_OPTIONS,
      k,
      kMax: Math.max(k, DEFAULT_ANALYSIS_OPTIONS.kMax),
      nInit: nInit ?? DEFAULT_ANALYSIS_OPTIONS.nInit,
      seed: seed ?? 0,
    },
    k,
  };
}
