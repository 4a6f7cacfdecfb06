/** The longest name shown whole, in widths of a Latin letter (a Chinese character counts two). */
const LONGEST_SHOWN = 44;
/** What a longer name keeps of its start and of its end. */
const HEAD = 28;
const TAIL = 14;

function widthOf(character: string): number {
  return (character.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
}

/** The characters of `text` from its start (or its end) that fit in `width`. */
function fitting(characters: string[], width: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const character of characters) {
    used += widthOf(character);
    if (used > width) break;
    kept.push(character);
  }
  return kept;
}

/**
 * A column name short enough for a table cell, a legend or a select: itself when it fits,
 * otherwise its start, '…' and its end (names from one export often share a long start, such
 * as a question, and differ at the end). Plain text, for places that cannot hold markup.
 */
export function shortName(name: string): string {
  const characters = Array.from(name);
  const width = characters.reduce((sum, character) => sum + widthOf(character), 0);
  if (width <= LONGEST_SHOWN) return name;
  const head = fitting(characters, HEAD).join('');
  const tail = fitting(characters.reverse(), TAIL).reverse().join('');
  return `${head}…${tail}`;
}

/**
 * A name the user brought (a column name, or a value a sentence quotes), marked as user data: a
 * long one is shown shortened, with the whole name on hover and as its accessible name (screen
 * readers and find-by-name read the whole name, never the '…').
 */
export function ColumnName({ name }: { name: string }) {
  const short = shortName(name);
  if (short === name) return <span translate="no">{name}</span>;
  return (
    <span translate="no" className="column-name" title={name}>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}

/**
 * An option naming a column in a select: a select's text cannot hold markup, so a long name is
 * shortened, with the whole name on hover and as the option's accessible name.
 */
export function ColumnOption({ name, value = name }: { name: string; value?: string }) {
  const short = shortName(name);
  return (
    <option
      value={value}
      translate="no"
      title={short === name ? undefined : name}
      aria-label={short === name ? undefined : name}
    >
      {short}
    </option>
  );
}
