import { message, type Message, type MessageKey } from '../common/message';
import { RFM_WORDING } from '../rfm/rfmClustering';
import { defaultSegmentMap } from '../rfm/rfmSegments';
import { field, group, join, number, problem, refuse, text, whole, type Path } from './modelReader';

/** What a label's parameter is: a text (a column name, a category), a count, or a label. */
type ParamKind = 'text' | 'whole' | 'label' | 'share';

/**
 * The messages a saved label may be made of, with their parameters: exactly what the app's
 * labels use (see segmentLabels), so a label from a file always renders.
 */
const LABEL_PARTS = new Map<string, Readonly<Record<string, ParamKind>>>([
  ['labelHigh', { feature: 'text' }],
  ['labelLow', { feature: 'text' }],
  ['labelAboveAverage', { feature: 'text' }],
  ['labelBelowAverage', { feature: 'text' }],
  ['labelMostly', { value: 'text' }],
  ['labelRateMostly', { column: 'text', value: 'text' }],
  ['labelRateShare', { column: 'text', value: 'text', share: 'share' }],
  ['labelFlagShare', { column: 'text', share: 'share' }],
  ['labelTypical', {}],
  ['labelNoise', {}],
  ['labelJoin', { first: 'label', second: 'label' }],
  ['labelRepeat', { label: 'label', count: 'whole' }],
  ...RFM_WORDING.flatMap(({ wording }) =>
    Object.values(wording).map((key): [string, Record<string, ParamKind>] => [key, {}]),
  ),
]);

/** Labels nest (a join of joins); no label the app makes is deeper than this. */
const MAX_DEPTH = 8;

/** The wording keys options may name (RFM's "Recent", "Lapsed", ...). */
export const WORDING_KEYS: readonly MessageKey[] = RFM_WORDING.flatMap(({ wording }) =>
  Object.values(wording),
);

/** The default RFM segment names (messages without parameters). */
export const RFM_NAME_KEYS: readonly MessageKey[] = [
  ...defaultSegmentMap('rf-grid').names,
  ...defaultSegmentMap('rfm-mean').names,
].map((name) => (name as Message).key);

/** A segment label from a file: only the app's own label messages, with their parameters. */
export function readLabel(value: unknown, path: Path, depth = 0): Message {
  const fields = group(value, path);
  const key = text(field(fields, 'key', path), join(path, 'key'), 100);
  const params = LABEL_PARTS.get(key);
  if (params === undefined || depth > MAX_DEPTH) refuse(path, problem('modelProblemLabel'));
  const names = Object.keys(params);
  if (names.length === 0) return message(key as MessageKey);
  const given = group(field(fields, 'params', path), join(path, 'params'));
  const read: Record<string, string | number | Message> = {};
  for (const name of names) {
    const at = join(join(path, 'params'), name);
    const value = field(given, name, join(path, 'params'));
    read[name] =
      params[name] === 'text'
        ? text(value, at)
        : params[name] === 'whole'
          ? whole(value, at, 0, 1_000_000)
          : params[name] === 'share'
            ? number(value, at, 0, 1)
            : readLabel(value, at, depth + 1);
  }
  return message(key as MessageKey, read);
}

/** A named RFM segment: a text the user typed, or one of the default names. */
export function readSegmentName(value: unknown, path: Path): string | Message {
  if (typeof value === 'string') return text(value, path, 200, false);
  const fields = group(value, path);
  const key = text(field(fields, 'key', path), join(path, 'key'), 100);
  if (!RFM_NAME_KEYS.includes(key as MessageKey)) refuse(path, problem('modelProblemLabel'));
  return message(key as MessageKey);
}

export function readWordingKey(value: unknown, path: Path): MessageKey {
  const key = text(value, path, 100);
  if (!WORDING_KEYS.includes(key as MessageKey)) refuse(path, problem('modelProblemLabel'));
  return key as MessageKey;
}
