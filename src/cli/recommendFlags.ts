import type { Language } from '../i18n/languages';
import { helpText } from './help';
import { UserError } from '../core/common/userError';
import {
  MAX_COUNT,
  recommendMethods,
  recommendOptions,
  type RecommendMethod,
  type RecommendOptions,
} from '../core/recommend/recommendOptions';
import { USER_SIMILARITIES } from '../core/recommend/similarity';
import { SEGMENT_SCHEMES, type SegmentScheme } from '../core/rfm/rfmSegments';
import { choiceOption, intOption } from './args';
import { MAPPING_FLAGS } from './mappingFlags';
import { READ_FLAGS } from './readChoiceFlags';

export function recommendUsage(language: Language): string {
  return helpText(language, 'recommend', { item: 'recommendItem' });
}

export const RECOMMEND_FLAGS = {
  ...MAPPING_FLAGS,
  method: { type: 'string' },
  neighbours: { type: 'string' },
  'item-neighbours': { type: 'string' },
  'user-neighbours': { type: 'string' },
  similarity: { type: 'string' },
  top: { type: 'string' },
  'segment-map': { type: 'string' },
  ...READ_FLAGS,
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type RecommendValues = Partial<Record<keyof typeof RECOMMEND_FLAGS, string | boolean>>;

export interface RecommendChoice {
  /** The methods measured, in the order of RECOMMEND_METHODS. */
  methods: RecommendMethod[];
  options: RecommendOptions;
  scheme: SegmentScheme;
}

/**
 * What the flags ask for, every flag checked before the file is read. --neighbours sets both
 * neighbour counts (the page has one K); --item-neighbours and --user-neighbours set one each,
 * and cannot be given with it.
 */
export function recommendChoiceFrom(values: RecommendValues): RecommendChoice {
  const text = (name: keyof typeof RECOMMEND_FLAGS) => values[name] as string | undefined;
  const count = (name: keyof typeof RECOMMEND_FLAGS) => intOption(name, text(name), 1, MAX_COUNT);
  const both = count('neighbours');
  if (
    both !== undefined &&
    (text('item-neighbours') !== undefined || text('user-neighbours') !== undefined)
  )
    throw new UserError('bad-option', 'recommendNeighboursTwice');
  const options: Partial<RecommendOptions> = {};
  const itemNeighbours = both ?? count('item-neighbours');
  const userNeighbours = both ?? count('user-neighbours');
  const similarity = choiceOption('similarity', text('similarity'), USER_SIMILARITIES);
  const top = count('top');
  if (itemNeighbours !== undefined) options.itemNeighbours = itemNeighbours;
  if (userNeighbours !== undefined) options.userNeighbours = userNeighbours;
  if (similarity !== undefined) options.similarity = similarity;
  if (top !== undefined) options.top = top;
  return {
    methods: recommendMethods(text('method') ?? 'all'),
    options: recommendOptions(options),
    scheme: choiceOption('segment-map', text('segment-map'), SEGMENT_SCHEMES) ?? 'rf-grid',
  };
}
