import { useEffect, useState } from 'react';
import { Bar, ComposedChart, Line, LineChart, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';

const POINTS = [
  { x: 1, y: 2 },
  { x: 2, y: 1 },
];

/**
 * Renders each kind of chart once, hidden, while the page waits for a file. The first chart a
 * page draws pays for compiling the charting code (about 150 ms here); paying it now, in idle
 * time, keeps that pause out of the analysis, where the page must stay responsive.
 */
export function ChartWarmup() {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage > 3) return;
    const idle =
      window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => setStage((s) => s + 1));
    return () => cancel(handle);
  }, [stage]);
  if (stage === 0 || stage > 3) return null;
  return (
    <div
      aria-hidden="true"
      style={{
        position: 'absolute',
        left: -10000,
        top: 0,
        width: 320,
        height: 160,
        visibility: 'hidden',
      }}
    >
      {stage === 1 && (
        <LineChart width={300} height={150} data={POINTS}>
          <XAxis dataKey="x" type="number" interval={0} />
          <YAxis interval={0} />
          <Line dataKey="y" isAnimationActive={false} />
        </LineChart>
      )}
      {stage === 2 && (
        <ComposedChart width={300} height={150} data={POINTS}>
          <XAxis dataKey="x" interval={0} />
          <YAxis interval={0} />
          <Bar dataKey="y" isAnimationActive={false} />
          <Line dataKey="y" isAnimationActive={false} />
        </ComposedChart>
      )}
      {stage === 3 && (
        <ScatterChart width={300} height={150}>
          <XAxis dataKey="x" type="number" interval={0} />
          <YAxis dataKey="y" type="number" interval={0} />
          <Scatter data={POINTS} isAnimationActive={false} />
        </ScatterChart>
      )}
    </div>
  );
}
