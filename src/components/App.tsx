import { useDeferredValue, useEffect, useMemo } from 'react';
import { AlertRegion } from './AlertRegion';
import { AlgorithmComparison } from './AlgorithmComparison';
import { BasketsPanel } from './BasketsPanel';
import { ClusterSegmentTable } from './ClusterSegmentTable';
import { ModeChoice } from './ModeChoice';
import { ModelOpener } from './ModelOpener';
import { ModelPanel } from './ModelPanel';
import { RecommendPanel } from './RecommendPanel';
import { RfmCustomerTable } from './RfmCustomerTable';
import { RfmExportPanel } from './RfmExportPanel';
import { RfmGrid } from './RfmGrid';
import { RfmLinesReport } from './RfmLinesReport';
import { RfmSegmentSummary } from './RfmSegmentSummary';
import { TransactionMappingForm } from './TransactionMappingForm';
import { DendrogramChart } from './DendrogramChart';
import { ElbowChart } from './ElbowChart';
import { KDistanceChart } from './KDistanceChart';
import { ScreeChart } from './ScreeChart';
import { SegmentScatter } from './SegmentScatter';
import { CleaningPanel } from './CleaningPanel';
import { CleaningReport } from './CleaningReport';
import { ClusteringControls } from './ClusteringControls';
import { ColumnsTable } from './ColumnsTable';
import { DropZone } from './DropZone';
import { ExplainPanel } from './ExplainPanel';
import { ExportPanel } from './ExportPanel';
import { FileSummary } from './FileSummary';
import { PredictPanel } from './PredictPanel';
import { ProgressPanel } from './ProgressPanel';
import { Section } from './Section';
import { SegmentCountControl } from './SegmentCountControl';
import { SegmentProfiles } from './SegmentProfiles';
import { SegmentRates } from './SegmentRates';
import { SegmentDistribution } from './SegmentDistribution';
import { StaleNotice } from './StaleNotice';
import { UpdateNotice } from './UpdateNotice';
import { LanguageSwitch } from './LanguageSwitch';
import { ValuePanel } from './ValuePanel';
import { useTranslation } from 'react-i18next';
import { selectBusy } from '../store/selectors';
import { useStore } from '../store/useStore';
import { useStagedCount } from './useStagedCount';
import { useFormatterWarmup } from './format';

export function App() {
  const { t } = useTranslation();
  useFormatterWarmup();
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
  // In order-lines mode, explaining the clusters comes right after them, once there are some.
  const explained = hasView ? 1 : 0;
  const hasRfm = useStore((s) => s.rfmView !== null);
  const hasPartial = useStore((s) => s.phase === 'analysing' && s.partialElbow.length > 0);
  // The panels after the segments mount one task after another (see useStagedCount).
  const staged = useStagedCount(transactions ? hasRfm : hasView, transactions ? 5 : 3);
  const stagesLeft = (transactions ? hasRfm : hasView) && staged < (transactions ? 5 : 3);
  // The sections a file of customers opens mount one task after another too.
  const tables = hasData && !transactions;
  const tablesStaged = useStagedCount(tables, 3);
  // The charts mount as a transition, which React renders in slices between the browser's tasks
  // (the first elbow point arrives while the worker is still clustering).
  const showCharts = useDeferredValue(hasView || hasPartial);
  // Busy from a change until its results are on show: assistive technology (and tests) wait.
  const busy =
    useStore(selectBusy) ||
    stagesLeft ||
    (tables && tablesStaged < 3) ||
    showCharts !== (hasView || hasPartial);
  // The blocks below are kept as the same elements while only the staged count changes, so that
  // mounting the later panels does not render the earlier ones again.
  const charts = useMemo(
    () =>
      showCharts && (
        <div className="charts">
          <ElbowChart />
          <KDistanceChart />
          <DendrogramChart />
          <ScreeChart />
          <SegmentScatter />
        </div>
      ),
    [showCharts],
  );
  const columnsSection = useMemo(
    () => (
      <Section step={2} title={t('ui.section.columns')}>
        <ColumnsTable />
      </Section>
    ),
    [t],
  );
  const cleaningSection = useMemo(
    () => (
      <Section step={3} title={t('ui.section.cleaning')}>
        <CleaningPanel />
        <CleaningReport />
      </Section>
    ),
    [t],
  );
  const segmentsSection = useMemo(
    () => (
      <Section step={4} title={t('ui.section.segments')} aside={<SegmentCountControl />}>
        <StaleNotice />
        <ClusteringControls />
        {charts}
        <SegmentProfiles />
        <SegmentRates />
        <SegmentDistribution />
      </Section>
    ),
    [t, charts],
  );
  const orderSections = useMemo(
    () => (
      <>
        <Section step={2} title={t('ui.section.orderLines')}>
          <TransactionMappingForm key={sourceName} />
          <RfmLinesReport />
        </Section>
        {hasRfm && (
          <Section step={3} title={t('ui.section.rfmSegments')}>
            <RfmSegmentSummary />
            <RfmGrid />
            <RfmCustomerTable />
          </Section>
        )}
        {hasRfm && (
          <Section step={4} title={t('ui.section.rfmClusters')} aside={<SegmentCountControl />}>
            <StaleNotice />
            <p className="hint">{t('ui.section.rfmClustersHint')}</p>
            <ClusteringControls />
            {charts}
            <SegmentProfiles />
            <SegmentRates />
            <SegmentDistribution />
            <ClusterSegmentTable />
          </Section>
        )}
      </>
    ),
    [t, charts, sourceName, hasRfm],
  );
  return (
    <>
      <header className="masthead">
        <div className="masthead__title">
          <h1>SegmentLens</h1>
          <LanguageSwitch />
        </div>
        <p>{t('ui.page.tagline')}</p>
      </header>
      <div className="sticky">
        <AlertRegion />
        <UpdateNotice />
        <ProgressPanel />
      </div>
      <main aria-busy={busy}>
        <Section step={1} title={t('ui.section.load')}>
          <DropZone />
          <ModelOpener />
          <ModelPanel />
          <FileSummary />
          <ModeChoice />
        </Section>
        {hasData && !transactions && (
          <>
            {tablesStaged >= 1 && columnsSection}
            {tablesStaged >= 2 && cleaningSection}
            {tablesStaged >= 3 && segmentsSection}
            {hasView && staged >= 1 && (
              <Section step={5} title={t('ui.classify.heading')}>
                <ExplainPanel />
                <PredictPanel />
              </Section>
            )}
            {hasView && staged >= 2 && (
              <Section step={6} title={t('ui.section.compare')}>
                <AlgorithmComparison />
              </Section>
            )}
            {hasView && staged >= 3 && (
              <Section step={7} title={t('ui.section.export')}>
                <ExportPanel />
              </Section>
            )}
          </>
        )}
        {hasData && transactions && (
          <>
            {orderSections}
            {hasRfm && hasView && staged >= 1 && (
              <Section step={5} title={t('ui.classify.heading')}>
                <ExplainPanel />
              </Section>
            )}
            {hasRfm && staged >= 2 && (
              <Section step={5 + explained} title={t('ui.value.heading')}>
                <ValuePanel />
              </Section>
            )}
            {hasRfm && staged >= 3 && (
              <Section step={6 + explained} title={t('ui.baskets.heading')}>
                <BasketsPanel />
              </Section>
            )}
            {hasRfm && staged >= 4 && (
              <Section step={7 + explained} title={t('ui.recommend.heading')}>
                <RecommendPanel />
              </Section>
            )}
            {hasRfm && staged >= 5 && (
              <Section step={8 + explained} title={t('ui.section.export')}>
                <RfmExportPanel />
              </Section>
            )}
          </>
        )}
      </main>
      <footer className="footer">
        <p>
          <strong>{t('ui.page.privacyHeading')}</strong>
          {t('ui.common.sentenceGap')}
          {t('ui.page.privacy')}
        </p>
      </footer>
    </>
  );
}
