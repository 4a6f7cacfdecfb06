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
import { MAPPING_FLAGS, mappingUsage } from './mappingFlags';
import { READ_FLAGS, READ_USAGE } from './readChoiceFlags';

export const RECOMMEND_USAGE = `segmentlens recommend FILE [options]

Next best products for every customer from order lines (one row per order line): best sellers,
item-based and user-based collaborative filtering, each measured on the customers' held-out
last orders, overall and per named RFM segment.

${mappingUsage({
  item: `  --item COL            the product code of each line (default: recognised from the names)
  --description COL     the product's readable name, shown beside its code`,
})}
  --method item|user|popularity|all
                        the methods to measure; recommendations.csv holds the one chosen,
                        or with all (the default) the best on NDCG
  --neighbours K        neighbours per product and per customer alike
  --item-neighbours K   neighbours per product (default 20)
  --user-neighbours K   neighbours per customer (default 50)
  --similarity cosine|pearson   between customers (default cosine; products: cosine)
  --top N               recommendations per customer: N of the metrics at N (default 10)
  --segment-map rf-grid|rfm-mean   the named segments the figures are broken down by: the
                        ten of the R-by-F grid (default), or the eight of R, F and M
                        above or below the mean
${READ_USAGE}
  --out DIR             write recommendations.csv: every customer's top N on the full history
  --json                print the result as one JSON object`;

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
