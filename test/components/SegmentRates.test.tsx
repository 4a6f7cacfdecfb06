import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateTelecomCsv } from '../../scripts/generators/telecom';
import { App } from '../../src/components/App';
import { readPage, settled, untranslated } from '../support/page';

const telecom = () =>
  new File([generateTelecomCsv({ rows: 600, seed: 18 })], 'telecom.csv', { type: 'text/csv' });

async function load() {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), telecom());
  await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
  await settled();
  return user;
}

const ratesTable = () => screen.getByRole('table', { name: /^Rates by segment against everyone/ });
/** The Value cell of each body row. */
const values = () =>
  within(ratesTable())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0].textContent);

describe('rates per segment on the page', { timeout: 240_000 }, () => {
  it('shows the real differences from everyone, sortable and filterable, never "High SeniorCitizen"', async () => {
    const user = await load();
    const profiles = screen.getByRole('table', { name: 'Segment profiles' });
    expect(profiles.textContent).not.toMatch(/(High|Low|average) SeniorCitizen/);
    // Churn is profiled though no feature; its Yes rate differs in every segment.
    expect(values()).toContain('Churn = Yes');
    // A 50/50 column is no finding: gender only appears once every rate is asked for.
    expect(values().some((v) => v?.startsWith('gender'))).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Only real differences' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column' }), 'gender');
    const gender = values();
    expect(gender.length).toBeGreaterThan(0);
    // One value of a two-valued column (the rarer), the same in every segment.
    expect(new Set(gender).size).toBe(1);
    expect(gender[0]).toMatch(/^gender = (Male|Female)$/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column' }), 'SeniorCitizen');
    expect(new Set(values())).toEqual(new Set(['SeniorCitizen = 1']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column' }), '');
    // Largest gap first by default; a click on Lift sorts by lift, highest first.
    const gaps = () =>
      within(ratesTable())
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[3].textContent ?? '');
    const sizes = gaps().map((text) => Math.abs(Number(text.replace('−', '-'))));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    await user.click(within(ratesTable()).getByRole('button', { name: 'Lift' }));
    const lifts = within(ratesTable())
      .getAllByRole('row')
      .slice(1)
      .map((row) => Number(within(row).getAllByRole('cell')[4].textContent?.slice(1)));
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
    expect(
      within(ratesTable()).getByRole('columnheader', { name: 'Lift' }).getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('reads in Chinese, with no English left', async () => {
    const user = await load();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const table = await screen.findByRole('table', { name: /^各细分群与全体的占比/ });
    expect(table.textContent).toContain('Churn = Yes');
    await user.click(screen.getByRole('checkbox', { name: '只显示真正的差异' }));
    expect(untranslated(readPage(document))).toEqual([]);
  });
});
