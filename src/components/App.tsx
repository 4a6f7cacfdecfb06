import { useEffect } from 'react';
import { AlertRegion } from './AlertRegion';
import { ChartWarmup } from './ChartWarmup';
import { CleaningPanel } from './CleaningPanel';
import { CleaningReport } from './CleaningReport';
import { ClusterSettings } from './ClusterSettings';
import { ColumnsTable } from './ColumnsTable';
import { DropZone } from './DropZone';
import { ElbowChart } from './ElbowChart';
import { ExportPanel } from './ExportPanel';
import { FileSummary } from './FileSummary';
import { ProgressPanel } from './ProgressPanel';
import { ScreeChart } from './ScreeChart';
import { Section } from './Section';
import { SegmentCountControl } from './SegmentCountControl';
import { SegmentProfiles } from './SegmentProfiles';
import { SegmentScatter } from './SegmentScatter';
import { StaleNotice } from './StaleNotice';
import { useStore } from '../store/useStore';

export function App() {
  const prepare = useStore((s) => s.prepare);
  // The worker (and its helpers) start while the page waits for a file, not when it arrives.
  useEffect(() => {
    const idle =
      window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 100));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => prepare());
    return () => cancel(handle);
  }, [prepare]);
  const hasData = useStore((s) => s.dataset !== null);
  const hasView = useStore((s) => s.view !== null);
  const hasPartial = useStore((s) => s.phase === 'analysing' && s.partialElbow.length > 0);
  return (
    <>
      <header className="masthead">
        <h1>SegmentLens</h1>
        <p>
          Customer segments from a CSV file, in your browser. Your file never leaves this device:
          there is no server.
        </p>
      </header>
      <div className="sticky">
        <AlertRegion />
        <ProgressPanel />
      </div>
      <main>
        <Section step={1} title="Load a customer file">
          <DropZone />
          <FileSummary />
        </Section>
        {hasData && (
          <>
            <Section step={2} title="Columns">
              <ColumnsTable />
            </Section>
            <Section step={3} title="Cleaning and scaling">
              <CleaningPanel />
              <CleaningReport />
            </Section>
            <Section step={4} title="Segments" aside={<SegmentCountControl />}>
              <StaleNotice />
              <ClusterSettings />
              {(hasView || hasPartial) && (
                <div className="charts">
                  <ElbowChart />
                  <ScreeChart />
                  <SegmentScatter />
                </div>
              )}
              <SegmentProfiles />
            </Section>
            {hasView && (
              <Section step={5} title="Export">
                <ExportPanel />
              </Section>
            )}
          </>
        )}
      </main>
      <ChartWarmup />
      <footer className="footer">
        <p>
          <strong>Privacy:</strong> SegmentLens is a static page. Your file is read and analysed by
          this browser tab alone and is never uploaded; the page makes no request to any other site.
          Downloads are made in memory.
        </p>
      </footer>
    </>
  );
}
