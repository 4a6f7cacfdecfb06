import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ValueCalibrationChart } from '../../src/components/ValueCharts';
import { message } from '../../src/core/common/message';
import type { CustomerValueView } from '../../src/core/session/valueSession';

const DAY = 86_400_000;

/** A value view with just what the calibration chart reads; its fit converged or not. */
function viewWith(reason: ReturnType<typeof message> | null): CustomerValueView {
  const fit = {
    r: 0.2,
    alpha: 4,
    a: 1.9e-9,
    b: 312_433,
    logLikelihood: -1000,
    converged: reason === null,
    reason,
  };
  return {
    calibration: {
      holdoutStart: Date.UTC(2011, 5, 1),
      observationEnd: Date.UTC(2011, 5, 1) + 180 * DAY,
      duration: 180,
      fit,
      buckets: [
        { frequency: 0, customers: 10, actual: 0.5, predicted: 0.6 },
        { frequency: 1, customers: 5, actual: 1.2, predicted: 1.1 },
      ],
      total: { customers: 15, actual: 11, predicted: 11.5 },
    },
    calibrationProblem: null,
  } as unknown as CustomerValueView;
}

describe('the holdout check', () => {
  it('says when the model it comes from did not converge, and why', () => {
    render(<ValueCalibrationChart view={viewWith(message('bgnbdNoDropoutA', { unit: 'days' }))} />);
    const figure = screen.getByRole('figure', {
      name: 'Expected against actual repeat purchases in the holdout',
    });
    // Two sentences, not one colon after another ("... the best found: The fit did not ...").
    expect(
      within(figure).getByText(/^The model checked here was fitted on the orders before/),
    ).toHaveTextContent(
      'The model checked here was fitted on the orders before the holdout alone. The fit did not converge: almost no customer seems to stop buying (a runs to zero), so P(alive) stays near 1; a longer stretch of orders may help.',
    );
  });

  it('says nothing of the kind when it converged', () => {
    render(<ValueCalibrationChart view={viewWith(null)} />);
    expect(screen.queryByText(/The model checked here/)).toBeNull();
  });
});
