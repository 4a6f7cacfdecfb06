import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SortableHeaderRow } from '../../src/components/SortableHeaderRow';

describe('SortableHeaderRow', () => {
  it('marks the sorted column for screen readers and sorts by the header pressed', async () => {
    const onSort = vi.fn();
    render(
      <table>
        <thead>
          <SortableHeaderRow
            columns={[
              { key: 'customer', label: 'ui.customers.column.customer', numeric: false },
              { key: 'recency', label: 'ui.customers.column.recency', numeric: true },
            ]}
            sort="recency"
            descending
            onSort={onSort}
          />
        </thead>
      </table>,
    );
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((header) => header.getAttribute('aria-sort'))).toEqual([
      'none',
      'descending',
    ]);
    expect(headers[1]).toHaveClass('num');
    await userEvent.click(screen.getByRole('button', { name: /Customer/ }));
    expect(onSort).toHaveBeenCalledWith('customer');
  });
});
