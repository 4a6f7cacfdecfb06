import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ColumnName, shortName } from '../../src/components/ColumnName';
import { LONG_CATEGORICAL_NAMES, LONG_NUMERIC_NAMES } from '../../scripts/generators/longNames';

const NAMES = [...LONG_NUMERIC_NAMES, ...LONG_CATEGORICAL_NAMES];

describe('shortName', () => {
  it('leaves a name of ordinary length as it is', () => {
    expect(shortName('customer_id')).toBe('customer_id');
    expect(shortName('年龄')).toBe('年龄');
  });

  it('shortens a long name to its start and its end, so names sharing a start stay apart', () => {
    const shown = NAMES.map(shortName);
    for (const [i, short] of shown.entries()) {
      expect(short.length).toBeLessThan(NAMES[i].length);
      expect(short).toContain('…');
      const [head, tail] = short.split('…');
      expect(NAMES[i].startsWith(head)).toBe(true);
      expect(NAMES[i].endsWith(tail)).toBe(true);
    }
    // The first four share their first 150 characters; each still reads apart.
    expect(NAMES.slice(0, 4).every((name) => name.startsWith(NAMES[0].slice(0, 60)))).toBe(true);
    expect(new Set(shown).size).toBe(NAMES.length);
  });

  it('keeps a Chinese name within about the width of a Latin one', () => {
    const chinese = NAMES.find((name) => /[\u4e00-\u9fff]/.test(name)) as string;
    expect(shortName(chinese).length).toBeLessThan(shortName(NAMES[4]).length);
  });
});

describe('ColumnName', () => {
  it('shows a long name shortened, with the whole name on hover and as its accessible name', () => {
    const name = LONG_NUMERIC_NAMES[1];
    render(
      <table>
        <thead>
          <tr>
            <th scope="col">
              <ColumnName name={name} />
            </th>
          </tr>
        </thead>
      </table>,
    );
    const header = screen.getByRole('columnheader', { name });
    expect(header).toHaveTextContent(shortName(name));
    expect(header.querySelector('[title]')).toHaveAttribute('title', name);
    // User data: browser translators leave it alone.
    expect(header.querySelector('[translate="no"]')).not.toBeNull();
  });

  it('shows a short name as it is', () => {
    render(
      <p>
        <ColumnName name="spend" />
      </p>,
    );
    expect(screen.getByText('spend')).toHaveAttribute('translate', 'no');
    expect(screen.getByText('spend')).not.toHaveAttribute('title');
  });
});
