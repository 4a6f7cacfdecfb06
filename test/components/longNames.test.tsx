import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  generateLongNamesCsv,
  LONG_CATEGORICAL_NAMES,
  LONG_NUMERIC_NAMES,
} from '../../scripts/generators/longNames';
import { App } from '../../src/components/App';
import { shortName } from '../../src/components/ColumnName';
import { settled } from '../support/page';

/**
 * Issue #18: on a file whose column names are 150 characters and more, every place the page
 * names a column shows it shortened, with the whole name on hover and as its accessible name.
 */
describe('a file with very long column names', () => {
  it('names each column whole by role and accessible name, and shows it shortened', async () => {
    const user = userEvent.setup();
    render(<App />);
    const file = new File([generateLongNamesCsv()], 'survey.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), file);
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    const [first, second] = LONG_NUMERIC_NAMES;

    // The columns table: the row, its kind and its "use as feature" box.
    const columns = screen.getByRole('table', { name: /columns/i });
    const row = within(columns).getByRole('rowheader', { name: first });
    expect(row.querySelector('[aria-hidden="true"]')).toHaveTextContent(shortName(first));
    expect(row.querySelector('[title]')).toHaveAttribute('title', first);
    expect(screen.getByRole('checkbox', { name: `Use ${first} as feature` })).toBeChecked();
    // The log transform's boxes, labelled by the whole name.
    const logTransform = screen.getByRole('group', { name: /Log transform/ });
    expect(within(logTransform).getByRole('checkbox', { name: second })).not.toBeChecked();
    // The profiles' columns, and the scatter's axis choices.
    const profiles = screen.getByRole('table', { name: 'Segment profiles' });
    expect(within(profiles).getByRole('columnheader', { name: first })).toBeInTheDocument();
    const horizontal = screen.getByRole('combobox', { name: 'Horizontal axis' });
    const option = within(horizontal).getByRole('option', { name: second });
    expect(option).toHaveTextContent(shortName(second));
    expect(option).toHaveAttribute('title', second);
    // The column to predict.
    const target = screen.getByRole('combobox', { name: 'Column to predict' });
    expect(within(target).getByRole('option', { name: LONG_CATEGORICAL_NAMES[0] })).toBeVisible();
    // No text on the page shows a whole long name outside its hidden copy.
    for (const name of [...LONG_NUMERIC_NAMES, ...LONG_CATEGORICAL_NAMES])
      for (const element of screen.queryAllByText(name, { exact: true }))
        expect(element).toHaveClass('visually-hidden');
  });
});
