import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { App } from '../../src/components/App';
import { TableScroll } from '../../src/components/TableScroll';
import { settled } from '../support/page';

// jsdom lays nothing out, so these check what makes a box reachable and named, not that it scrolls.
describe('a table that scrolls sideways in a box of its own', () => {
  it('is a region named by its caption that the keyboard can focus', () => {
    render(
      <TableScroll className="data-table" caption="Fruit sold">
        <tbody>
          <tr>
            <th scope="row">Apples</th>
            <td>3</td>
          </tr>
        </tbody>
      </TableScroll>,
    );
    const region = screen.getByRole('region', { name: 'Fruit sold' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getByRole('table', { name: 'Fruit sold' })).toBeInTheDocument();
  });

  it('is named by a caption only screen readers read', () => {
    render(
      <TableScroll className="data-table" caption="Values" captionHidden>
        <tbody>
          <tr>
            <td>1</td>
          </tr>
        </tbody>
      </TableScroll>,
    );
    const region = screen.getByRole('region', { name: 'Values' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(within(region).getByText('Values')).toHaveClass('visually-hidden');
  });

  it("is how every wide table of an analysis is shown, in the page's language", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(
      screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
      new File([generateCustomersCsv({ rows: 300, seed: 4 })], 'shop.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    const profiles = screen.getByRole('region', { name: 'Segment profiles' });
    expect(profiles).toHaveAttribute('tabindex', '0');
    expect(within(profiles).getByRole('table', { name: 'Segment profiles' })).toBeInTheDocument();
    // The charts' tables of values too, named by their (hidden) captions.
    const elbow = screen.getByRole('region', { name: 'Elbow curve values' });
    expect(within(elbow).getByRole('table', { name: 'Elbow curve values' })).toBeInTheDocument();

    // Every box that scrolls a table sideways is such a region, named by the table it holds.
    const boxes = [...document.querySelectorAll('.table-scroll')];
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const box of boxes) {
      expect(box).toHaveAttribute('role', 'region');
      expect(box).toHaveAttribute('tabindex', '0');
      const table = within(box as HTMLElement).getByRole('table');
      expect(box).toHaveAccessibleName(table.querySelector('caption')?.textContent ?? '');
    }

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    expect(await screen.findByRole('region', { name: '细分群画像' })).toHaveAttribute(
      'tabindex',
      '0',
    );
  });
});
