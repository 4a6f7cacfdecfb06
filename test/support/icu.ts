import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** How a template uses one of its arguments: as text, a number, a date, a plural or a select. */
export interface ArgumentUse {
  kind: 'argument' | 'number' | 'date' | 'time' | 'plural' | 'select';
  /** The named format of a number or date ("share", "minute"), or null. */
  style: string | null;
  /** The cases of a select or plural, sorted. */
  options: string[];
  /** Whether the value is shown: false for a plural that only chooses words ("was"/"were"). */
  shown: boolean;
}

/** Every argument a template uses, at any depth, with how it uses it (the first use wins). */
export function argumentsOf(template: string): Map<string, ArgumentUse> {
  const found = new Map<string, ArgumentUse>();
  visit(parse(template, { ignoreTag: true }), (element) => {
    const use = useOf(element);
    if (use === null) return;
    const seen = found.get(use.name);
    if (seen === undefined) found.set(use.name, use.use);
    else seen.shown ||= use.use.shown;
  });
  return found;
}

/** The literal text of a template, in pieces (the text between its arguments). */
export function literalsOf(template: string): string[] {
  const pieces: string[] = [];
  visit(parse(template, { ignoreTag: true }), (element) => {
    if (element.type === TYPE.literal) pieces.push(element.value);
  });
  return pieces;
}

/** Every leaf of a catalog (nested objects of strings), by its dotted key. */
export function leavesOf(catalog: object, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') leaves.set(prefix + key, value);
    else for (const [k, v] of leavesOf(value as object, `${prefix}${key}.`)) leaves.set(k, v);
  }
  return leaves;
}

function visit(elements: MessageFormatElement[], see: (element: MessageFormatElement) => void) {
  for (const element of elements) {
    see(element);
    if (element.type === TYPE.select || element.type === TYPE.plural)
      for (const option of Object.values(element.options)) visit(option.value, see);
    if (element.type === TYPE.tag) visit(element.children, see);
  }
}

function useOf(element: MessageFormatElement): { name: string; use: ArgumentUse } | null {
  const style = (value: unknown) => (typeof value === 'string' ? value : null);
  switch (element.type) {
    case TYPE.argument:
    case TYPE.number:
    case TYPE.date:
    case TYPE.time: {
      const kind = TYPE[element.type] as ArgumentUse['kind'];
      const named = element.type === TYPE.argument ? null : style(element.style);
      return { name: element.value, use: { kind, style: named, options: [], shown: true } };
    }
    case TYPE.select:
      return {
        name: element.value,
        use: {
          kind: 'select',
          style: null,
          options: Object.keys(element.options).sort(),
          shown: false,
        },
      };
    case TYPE.plural:
      return {
        name: element.value,
        use: {
          kind: 'plural',
          style: null,
          options: Object.keys(element.options).sort(),
          shown: Object.values(element.options).some((option) => hasPound(option.value)),
        },
      };
    default:
      return null;
  }
}

/** Whether `#` (the plural's own number) appears, outside any plural nested inside. */
function hasPound(elements: MessageFormatElement[]): boolean {
  return elements.some(
    (element) =>
      element.type === TYPE.pound ||
      (element.type === TYPE.select &&
        Object.values(element.options).some((option) => hasPound(option.value))) ||
      (element.type === TYPE.tag && hasPound(element.children)),
  );
}
