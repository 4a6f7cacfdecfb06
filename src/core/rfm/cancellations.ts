import type { Column } from '../read/table';

/**
 * Whether order ids of the Online Retail kind (`C536379`, the invoice 536379 cancelled) are taken
 * for cancellations: 'auto' decides from the file (see cancellationRule), 'off' keeps every line.
 */
export type CancellationSetting = 'auto' | 'off';
export const CANCELLATION_SETTINGS: readonly CancellationSetting[] = ['auto', 'off'];

/** How many example ids a report quotes. */
export const CANCELLATION_EXAMPLES = 3;

const C_DIGITS = /^[cC](\d+)$/;
const DIGITS = /^[-+]?\d+(\.0+)?$/;

/**
 * The one rule for cancellations. An order id is a cancellation only when it is `C` followed by
 * digits and one of these holds: the file's other order ids are digits (the Online Retail
 * convention), the same id without the `C` is in the file, or the line's quantity (or amount) is
 * negative. An id that merely starts with C (`CA-2019-152156`) never is.
 */
export interface CancellationRule {
  /** Per text of the order column (an index into its `texts`): a `C` + digits id. */
  candidate: Uint8Array;
  /** Per text: a cancellation whatever the line's quantity. */
  always: Uint8Array;
}

/** The rule for an order column; null when no line can be a cancellation. */
export function cancellationRule(
  column: Column,
  setting: CancellationSetting = 'auto',
): CancellationRule | null {
  if (setting === 'off') return null;
  const texts = column.texts;
  const candidate = Uint8Array.from(texts, (text) => (C_DIGITS.test(text.trim()) ? 1 : 0));
  if (!candidate.includes(1)) return null;
  // Ids written as numbers are digits; the texts tell the rest.
  let otherDigits = column.numberCount > 0;
  let otherNotDigits = false;
  const digitIds = new Set<string>();
  for (let i = 0; i < texts.length; i++) {
    if (candidate[i] === 1) continue;
    const text = texts[i].trim();
    if (text.length === 0) continue;
    if (DIGITS.test(text)) {
      otherDigits = true;
      digitIds.add(text.replace(/\.0+$/, ''));
    } else otherNotDigits = true;
  }
  const numbers = column.numbers;
  if (column.numberCount > 0)
    for (let row = 0; row < numbers.length; row++)
      if (numbers[row] === numbers[row]) digitIds.add(String(numbers[row]));
  const othersAreDigits = otherDigits && !otherNotDigits;
  const always = Uint8Array.from(texts, (text, i) => {
    if (candidate[i] === 0) return 0;
    if (othersAreDigits) return 1;
    return digitIds.has(C_DIGITS.exec(text.trim())![1]) ? 1 : 0;
  });
  return { candidate, always };
}

/** Whether a line is a cancellation: its order id's text code, and its quantity (or amount). */
export function isCancellation(rule: CancellationRule, code: number, quantity: number): boolean {
  if (code < 0 || rule.candidate[code] === 0) return false;
  return rule.always[code] === 1 || quantity < 0;
}
