import { useEffect, useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  useXAxisScale,
  XAxis,
  YAxis,
} from 'recharts';
import { useStore } from '../store/useStore';
import { warmUpFormatters } from './format';

const POINTS = [
  { x: 1, y: 2, z: 0.5 },
  { x: 2, y: 1, z: 0.4 },
];

function Dots() {
  const x = useXAxisScale();
  return x ? <path d={`M${x(1) ?? 0} 0h1`} /> : null;
}

/**
 * Renders each kind of chart the results use, hidden and with the same parts, while the page
 * waits for a file. The first chart a page draws pays for compiling the charting code (over
 * 100 ms here); paying it now, in idle time, keeps that pause out of the analysis, when the
 * page must stay responsive.
 */
export function ChartWarmup() {
  const [stage, setStage] = useState(0);
  const language = useStore((s) => s.language);
  useEffect(() => {
    if (stage > 3) return;
    const idle =
      window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => {
      if (stage === 0) warmUpFormatters(language);
      setStage((s) => s + 1);
    });
    return () => cancel(handle);
  }, [stage, language]);
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
      <ResponsiveContainer width={300} height={150}>
        {stage === 1 ? (
          <LineChart data={POINTS}>
            <XAxis dataKey="x" type="number" interval={0} />
            <YAxis yAxisId="a" interval={0} />
            <YAxis yAxisId="b" orientation="right" interval={0} />
            <Line yAxisId="a" dataKey="y" isAnimationActive={false} />
            <Line yAxisId="b" dataKey="z" isAnimationActive={false} connectNulls />
            <ReferenceLine yAxisId="a" x={1} label={{ value: 'x', position: 'top' }} />
          </LineChart>
        ) : stage === 2 ? (
          <ComposedChart data={POINTS}>
            <XAxis dataKey="x" interval={0} />
            <YAxis interval={0} />
            <Bar dataKey="y" isAnimationActive={false} />
            <Line dataKey="z" isAnimationActive={false} />
          </ComposedChart>
        ) : (
          <ScatterChart>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" interval={0} />
            <YAxis dataKey="y" type="number" interval={0} />
            <Scatter data={POINTS} isAnimationActive={false} shape={() => <g />} />
            <Dots />
            <Scatter data={POINTS} shape="cross" isAnimationActive={false} />
          </ScatterChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
