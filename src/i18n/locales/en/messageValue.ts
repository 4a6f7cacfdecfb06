/** What the value analysis says (part of `message`). */
export const messageValue = {
  valueNoRepeat:
    'No customer bought more than once in different {unit, select, weeks {weeks} other {days}}, so repeat buying cannot be modelled: {unit, select, weeks {use a longer stretch of orders, or count per day} other {use a longer stretch of orders}}.',
  valueNoRepeatSpend:
    'No customer bought more than once in different periods, so average spend cannot be modelled: use a longer stretch of orders.',
  valueNoAverageSpend:
    'The spend model found no finite average spend (its q is at most 1), usually because a few customers spend far more than the rest: leave out the outliers and try again.',
  valueNoCustomers: 'There are no customers to model: check the order lines.',
  valueHorizonDays:
    'Expected purchases need a horizon of more than 0 days, not {value}: choose one such as 90.',
  valueHoldoutRange:
    'The holdout must start after the first order ({first, date, minute}) and no later than the last ({last, date, minute}): choose a date between them.',
  valueHoldoutEmpty:
    'No customer of the calibration period bought anything from {start, date, minute} to the observation end: choose an earlier holdout start.',
  valueHorizonMonths:
    'The horizon must be a whole number of months from 1 to 1200, not {value}: choose another.',
  valueDiscount:
    'The monthly discount rate must be a number from 0 (no discount) up to 10, such as 0.01 for 1%, not {value}: choose another.',
  valueObservationEnd: 'The observation end is not a date: choose one.',
  valueNothingBought:
    'No customer bought anything up to the observation end: choose a later end date.',
  bgnbdFewRepeat:
    'Only {count} customers bought more than once, too few to tell how customers stop buying: the estimates are rough, so use a longer stretch of orders.',
  bgnbdNoDropoutA:
    'The fit did not converge: almost no customer seems to stop buying (a runs to zero), so P(alive) stays near 1; {unit, select, weeks {a longer stretch of orders or counting per day may help} other {a longer stretch of orders may help}}.',
  bgnbdNoDropoutB:
    'The fit did not converge: almost no customer seems to stop buying (b runs to infinity), so P(alive) stays near 1; {unit, select, weeks {a longer stretch of orders or counting per day may help} other {a longer stretch of orders may help}}.',
  bgnbdEdgeZero:
    'The fit did not converge: {parameter} runs to zero, a limit of the model, so the estimates are only the best found.',
  bgnbdEdgeInfinity:
    'The fit did not converge: {parameter} runs to infinity, a limit of the model, so the estimates are only the best found.',
  bgnbdMaxIterations:
    'The fit did not converge within {count} iterations: the estimates are only the best found.',
  bgnbdFlat:
    'The fit stopped before converging because the likelihood is too flat to improve: the estimates are only the best found.',
  spendFewRepeat:
    'Only {count} customer bought more than once, too few to fit the spend model: use a longer stretch of orders.',
  spendEdgeZero:
    'The spend model did not converge: {parameter} runs to zero, a limit of the model, so the estimates are only the best found.',
  spendEdgeInfinity:
    'The spend model did not converge: {parameter} runs to infinity, a limit of the model, so the estimates are only the best found.',
  spendMaxIterations:
    'The spend model did not converge within {count} iterations: the estimates are only the best found.',
  spendFlat:
    'The spend model stopped before converging because the likelihood is too flat to improve: the estimates are only the best found.',
  spendQAtMostOne:
    "The spend model's q is {q}, at most 1, so average spend has no finite mean: a few customers spending far more than the rest usually cause it.",
  valueSpendCorrelation:
    'Frequency and spend per purchase are correlated ({correlation, number}) among repeat customers, but the spend model assumes they are not: take expected spend and CLV as rough figures.',
  exportValueTable: 'customer value',
  exportValueAtRisk: 'customers at risk',
  cliHoldoutFrom:
    '--holdout-from must be a date such as 2011-09-01 or "default" (the last quarter of the orders), not "{value}".',
} as const;
