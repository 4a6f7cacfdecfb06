import type { CatalogShape } from '../../catalog';
import type { cliProfiles as english } from '../en/cliProfiles';

export const cliProfiles: CatalogShape<typeof english> = {
  rateLine:
    '      {description}（{points, number, ::sign-always .0} 个百分点，×{lift, number, ::.00}）',
  ratesVerdictLine: '      {verdict}',
};
