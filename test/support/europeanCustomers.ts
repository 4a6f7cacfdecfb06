import { createRandom } from '../../src/core/common/random';

/**
 * A European customer file (#18), generated: semicolons, decimal commas with thousands grouped by
 * dots (`1.234,5`), a duplicate row, a row with a missing spend and an unreadable row, as a
 * spreadsheet set up for German or French writes them.
 */
export function europeanCustomers(rows: number, seed: number): string {
  const random = createRandom(seed);
  const lines = ['kunde;ausgaben;besuche;stadt'];
  for (let i = 0; i < rows; i++) {
    const group = i % 2;
    const spend = (group === 0 ? 200 : 2400) + Math.round(random.next() * 40000) / 100;
    const [whole, cents] = spend.toFixed(2).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, '.');
    const visits = (group === 0 ? 2 : 30) + Math.floor(random.next() * 5);
    lines.push(`K${1000 + i};${grouped},${cents};${visits};${group === 0 ? 'Köln' : 'Lyon'}`);
  }
  lines.push(lines[3]); // a duplicate of the third customer
  lines.push('K9998;;7;Köln'); // no spend
  lines.push('K9999;1,5;3;Köln;extra;cells'); // more cells than the header
  return lines.join('\n') + '\n';
}
