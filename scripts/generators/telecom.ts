import { createRandom } from '../../src/core/common/random';
import { gaussian } from './customers';

export interface TelecomOptions {
  rows: number;
  seed?: number;
}

/**
 * A telecom churn look-alike (the shape of the public Telco Customer Churn file): customerID,
 * gender (Male/Female, half each in every group, so never a finding), SeniorCitizen as 0/1,
 * tenure, MonthlyCharges, Contract (Month-to-month / One year / Two year) and Churn (Yes/No).
 * Two groups far apart on tenure and charges: new month-to-month customers, who churn and are
 * seniors more often, and long-standing ones on yearly contracts. Seeded: same options, same bytes.
 */
export function generateTelecomCsv({ rows, seed = 1 }: TelecomOptions): string {
  const random = createRandom(seed);
  const lines = ['customerID,gender,SeniorCitizen,tenure,MonthlyCharges,Contract,Churn'];
  for (let i = 0; i < rows; i++) {
    const fresh = random.next() < 0.4;
    const tenure = Math.round(
      Math.min(72, Math.max(1, gaussian(random, fresh ? 6 : 50, fresh ? 4 : 10))),
    );
    const charges = Math.max(18, gaussian(random, fresh ? 85 : 45, 8));
    const contract = fresh
      ? random.next() < 0.9
        ? 'Month-to-month'
        : 'One year'
      : ['Month-to-month', 'One year', 'Two year'][random.int(3)];
    lines.push(
      [
        `${String(1000 + i)}-TLC`,
        random.next() < 0.5 ? 'Male' : 'Female',
        random.next() < (fresh ? 0.3 : 0.08) ? '1' : '0',
        String(tenure),
        charges.toFixed(2),
        contract,
        random.next() < (fresh ? 0.5 : 0.1) ? 'Yes' : 'No',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
