import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { useStore } from '../../src/store/useStore';
import { readPage, settled, untranslated } from '../support/page';
import { captureDownloads, rowsOf } from '../support/downloads';

const number = (text: string | null | undefined) =>
  Number((text ?? '').replace(/[,%]/g, '').trim());

/** The sample order lines, RFM on show, the baskets section open. */
async function openBaskets(sample = 'Try sample transactions') {
  const user = userEvent.setup();
  render(<App />);
  await user.click(screen.getByRole('button', { name: sample }));
  await screen.findByRole('table', { name: /Segment summary|细分群汇总/ }, { timeout: 120_000 });
  await settled();
  return user;
}

const rulesTable = () => screen.getByRole('table', { name: /^(Rules|规则)$/ });

/** The body rows of the rules table: each cell's text. */
function ruleRows(): string[][] {
  return within(rulesTable())
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the baskets section', { timeout: 240_000 }, () => {
  it('finds the rules of every basket, sorts, filters, pages them and downloads them', async () => {
    const saved = captureDownloads();
    const user = await openBaskets();
    // The item and its description are mapped with the other columns.
    expect(screen.getByLabelText('Item column')).toHaveValue('StockCode');
    expect(screen.getByLabelText('Item description column')).toHaveValue('Description');
    const section = screen.getByRole('region', { name: /What sells together/ });
    expect(within(section).getByLabelText('Whose baskets')).toHaveValue('all');
    expect(within(section).getByLabelText('Most items in a rule')).toHaveValue(3);

    await user.click(within(section).getByRole('button', { name: 'Find rules' }));
    await within(section).findByRole('table', { name: 'Rules' });
    await settled();
    // The sample: 3,283 baskets, 182 rules at the defaults (as `segmentlens rules` says).
    expect(
      within(section).getByText(
        /^3,283 baskets of [\d,]+ customers \(everyone\), with 15 items\.$/,
      ),
    );
    expect(within(section).getByText(/^182 rules \(\d+ redundant\) from 575 frequent itemsets/));
    expect(within(section).getByText('Page 1 of 8 (182 rules)')).toBeInTheDocument();
    expect(
      within(section).getByRole('figure', { name: 'Rules by support and confidence' }),
    ).toHaveAccessibleDescription(/^182 rules of 182: support from [\d.]+% to [\d.]+%/);
    // Every rule drawn, in its lift band's path, and the ten of highest lift numbered.
    const chart = within(section).getByRole('figure', { name: 'Rules by support and confidence' });
    const drawn = [...chart.querySelectorAll('svg .rule-points')].map((path) => ({
      points: Number(path.getAttribute('data-points')),
      dots: (path.getAttribute('d') ?? '').match(/M/g)?.length ?? 0,
    }));
    expect(drawn.reduce((sum, band) => sum + band.points, 0)).toBe(182);
    for (const band of drawn) expect(band.dots).toBe(band.points);
    expect([...chart.querySelectorAll('svg .rule-ranks text')].map((t) => t.textContent)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1)),
    );

    // A rule's figures agree: its baskets are its support of the 3,283 baskets; sorted by lift.
    const first = ruleRows();
    expect(first).toHaveLength(25);
    const [, , support, confidence, lift, , baskets] = first[0];
    expect(number(baskets) / 3283).toBeCloseTo(number(support) / 100, 3);
    expect(number(confidence)).toBeGreaterThanOrEqual(30);
    const lifts = first.map((row) => number(row[4]));
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
    expect(number(lift)).toBe(lifts[0]);

    // Sorted by support, most first.
    await user.click(within(rulesTable()).getByRole('button', { name: /^Support/ }));
    await waitFor(() =>
      expect(within(rulesTable()).getByRole('columnheader', { name: /^Support/ })).toHaveAttribute(
        'aria-sort',
        'descending',
      ),
    );
    await waitFor(() => {
      const supports = ruleRows().map((row) => number(row[2]));
      expect(supports).toEqual([...supports].sort((a, b) => b - a));
    });

    // Paged: the next page, then back to the first with a filter.
    await user.click(within(section).getByRole('button', { name: 'Next' }));
    await within(section).findByText('Page 2 of 8 (182 rules)');
    await user.type(within(section).getByLabelText('Rules that contain item'), 'POST');
    await waitFor(() => {
      const rows = ruleRows();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(`${row[0]} ${row[1]}`).toMatch(/POST/);
    });
    const filtered = within(section).getByText(/^Page 1 of \d+ \(\d+ rules\)$/).textContent ?? '';
    const withPost = number(/\((\d+) rules\)/.exec(filtered)?.[1]);
    expect(withPost).toBeLessThan(182);

    await user.click(within(section).getByLabelText('Hide redundant rules'));
    await waitFor(() => {
      const text = within(section).getByText(/^Page 1 of \d+ \(\d+ rules?\)$/).textContent ?? '';
      expect(number(/\((\d+) rules?\)/.exec(text)?.[1])).toBeLessThanOrEqual(withPost);
    });
    const shownText = within(section).getByText(/^Page 1 of \d+ \(\d+ rules?\)$/).textContent;
    const shown = number(/\((\d+) rules?\)/.exec(shownText ?? '')?.[1]);

    // The download writes the rules of the table's view, every measure of each.
    await user.click(
      within(section).getByRole('button', {
        name: `Download these ${shown} ${shown === 1 ? 'rule' : 'rules'} (CSV)`,
      }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('transactions - rules (all baskets).csv');
    const rules = await rowsOf(saved[0].blob);
    expect(rules).toHaveLength(shown);
    for (const rule of rules) expect(`${rule.antecedents} ${rule.consequents}`).toMatch(/POST/);
    expect(Object.keys(rules[0])).toContain('lift');

    await user.click(
      within(section).getByRole('button', {
        name: 'Download the 575 frequent itemsets (CSV)',
      }),
    );
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(await rowsOf(saved[1].blob)).toHaveLength(575);
  });

  it('mines one segment, says a wrong parameter in one sentence, and runs again after a cancel', async () => {
    const user = await openBaskets();
    const section = screen.getByRole('region', { name: /What sells together/ });
    const scope = within(section).getByLabelText('Whose baskets') as HTMLSelectElement;
    const champions = within(scope).getByRole('option', { name: /^Champions \(/ });
    await user.selectOptions(scope, champions);
    await user.click(within(section).getByRole('button', { name: 'Find rules' }));
    await within(section).findByRole('table', { name: 'Rules' });
    await settled();
    expect(within(section).getByText(/customers \(Champions\)/)).toBeInTheDocument();
    // What distinguishes the segment: each rule's lift over everyone's baskets, and the ratio.
    expect(within(section).getByRole('columnheader', { name: /Lift, everyone/ }));
    expect(within(section).getByRole('columnheader', { name: /Lift ratio/ }));

    // A support above 1 is refused in one sentence; the rules on show stay.
    const support = within(section).getByLabelText('Minimum support (share of baskets)');
    await user.type(support, '2');
    await user.click(within(section).getByRole('button', { name: 'Find rules' }));
    // The alert region is always there (empty until a message): wait for the sentence itself.
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        /^The minimum support must be a share of baskets above 0 and at most 1/,
      ),
    );
    expect(within(section).getByRole('table', { name: 'Rules' })).toBeInTheDocument();

    // Cancelled, nothing is written; asked again, the rules come (the file is read again).
    await user.clear(support);
    await user.type(support, '0.05');
    await user.selectOptions(scope, 'all');
    const before = useStore.getState().basketsSummary;
    await act(async () => {
      const running = useStore.getState().findRules();
      useStore.getState().cancel();
      await running;
    });
    expect(useStore.getState().basketsProgress).toBeNull();
    expect(useStore.getState().basketsSummary).toBe(before);
    await user.click(within(section).getByRole('button', { name: 'Find rules' }));
    await within(section).findByText(/customers \(everyone\)/);
    await settled();
    expect(useStore.getState().basketsSummary?.parameters.minSupport).toBe(0.05);

    // Each segment side by side: its top items and top rules.
    await user.click(within(section).getByRole('button', { name: 'Compare the segments' }));
    const cards = await within(section).findAllByRole('heading', { level: 4, name: 'Champions' });
    expect(cards.length).toBeGreaterThan(0);
    await settled();
    expect(within(section).getAllByRole('heading', { name: 'Top items' }).length).toBeGreaterThan(
      2,
    );
  });

  it('speaks Chinese in every part of the section', async () => {
    const user = await openBaskets();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const section = screen.getByRole('region', { name: /一起购买的商品/ });
    expect(screen.getByLabelText('商品列')).toHaveValue('StockCode');
    await user.click(within(section).getByRole('button', { name: '查找规则' }));
    await within(section).findByRole('table', { name: '规则' });
    await settled();
    expect(within(section).getByText('第 1 / 8 页（182 条规则）')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: '下载这 182 条规则（CSV）' }));
    await user.selectOptions(
      within(section).getByLabelText('谁的购物篮'),
      within(section).getByRole('option', { name: /^冠军客户（/ }),
    );
    await user.click(within(section).getByRole('button', { name: '查找规则' }));
    await within(section).findByText(/（冠军客户）/);
    await user.click(within(section).getByRole('button', { name: '对比各细分群' }));
    await within(section).findAllByRole('heading', { level: 4, name: '冠军客户' });
    await settled();
    expect(within(section).getByRole('columnheader', { name: /全部客户的提升度/ }));
    expect(untranslated(readPage(document))).toEqual([]);
  });
});
