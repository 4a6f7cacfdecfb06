import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCustomersCsv } from './generators/customers';
import { generateTransactionsCsv } from './generators/transactions';

/** The page's sample files, written to public/ from the seeded generators (run: npm run samples). */
export const SAMPLES = {
  'customers.csv': () => generateCustomersCsv({ rows: 3000, seed: 2026, duplicates: 6 }),
  'transactions.csv': () => generateTransactionsCsv({ customers: 600, seed: 2026 }),
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = join(import.meta.dirname, '..', 'public');
  for (const [name, generate] of Object.entries(SAMPLES)) {
    await writeFile(join(folder, name), generate());
    console.log(`wrote public/${name}`);
  }
}
