import { useEffect } from 'react';
import { AlertRegion } from './AlertRegion';
import { AlgorithmComparison } from './AlgorithmComparison';
import { DendrogramChart } from './DendrogramChart';
import { KDistanceChart } from './KDistanceChart';
import { ClusterSegmentTable } from './ClusterSegmentTable';
import { ModeChoice } from './ModeChoice';
import { RfmCustomerTable } from './RfmCustomerTable';
import { RfmExportPanel } from './RfmExportPanel';
import { RfmGrid } from './RfmGrid';
import { RfmLinesReport } from './RfmLinesReport';
import { RfmSegmentSummary } from './RfmSegmentSummary';
import { TransactionMappingForm } from './TransactionMappingForm';
import { ChartWarmup } from './ChartWarmup';
import { CleaningPanel } from './CleaningPanel';
import { CleaningReport } from './CleaningReport';
import { ClusteringControls } from './ClusteringControls';
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
import { selectBusy } from '../store/selectors';
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
  const sourceName = useStore((s) => s.source?.name ?? '');
  const transactions = useStore((s) => s.mode === 'transactions');
  const hasView = useStore((s) => s.view !== null);
  const hasRfm = useStore((s) => s.rfmView !== null);
  const hasPartial = useStore((s) => s.phase === 'analysing' && s.partialElbow.length > 0);
  // Busy from a change until its results are on show: assistive technology (and tests) wait.
  const busy = useStore(selectBusy);
  const charts = (hasView || hasPartial) && (
    <div className="charts">
      <ElbowChart />
      <KDistanceChart />
      <DendrogramChart />
      <ScreeChart />
      <SegmentScatter />
    </div>
  );
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
      <main aria-busy={busy}>
        <Section step={1} title="Load a file">
          <DropZone />
          <FileSummary />
          <ModeChoice />
        </Section>
        {hasData && !transactions && (
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
              <ClusteringControls />
              {charts}
              <SegmentProfiles />
            </Section>
            {hasView && (
              <Section step={5} title="Compare algorithms">
                <AlgorithmComparison />
              </Section>
            )}
            {hasView && (
              <Section step={6} title="Export">
                <ExportPanel />
              </Section>
            )}
          </>
        )}
        {hasData && transactions && (
          <>
            <Section step={2} title="Order lines">
              <TransactionMappingForm key={sourceName} />
              <RfmLinesReport />
            </Section>
            {hasRfm && (
              <Section step={3} title="RFM segments">
                <RfmSegmentSummary />
                <RfmGrid />
                <RfmCustomerTable />
              </Section>
            )}
            {hasRfm && (
              <Section step={4} title="Clusters on RFM" aside={<SegmentCountControl />}>
                <StaleNotice />
                <p className="hint">
                  k-means on recency, log(1 + frequency) and log(1 + monetary), each standardised.
                </p>
                <ClusteringControls />
                {charts}
                <SegmentProfiles />
                <ClusterSegmentTable />
              </Section>
            )}
            {hasRfm && (
              <Section step={5} title="Export">
                <RfmExportPanel />
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
