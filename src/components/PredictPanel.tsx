import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PredictView } from '../core/session/predictViews';
import type { SegmentRates } from '../core/session/predictSegments';
import {
  metricsAtStep,
  THRESHOLD_STEPS,
  selectPredictChoices,
  selectPrediction,
} from '../store/classifySelectors';
import { useStore } from '../store/useStore';
import { useNameNode } from './ExplainPanel';
import { useFormats } from './format';
import { NumberField } from './NumberField';
import { RocChart } from './RocChart';
import { Data, useRenderNode, useRich } from './richText';
import { ColumnName, ColumnOption } from './ColumnName';
import { TableScroll } from './TableScroll';

/**
 * Predicting a yes/no or category column: the target and the features, three models trained on
 * one seeded stratified split side by side (their figures on the held-out rows, a threshold for
 * a yes/no target, importances, confusion matrices), the rates per segment, the download.
 */
export function PredictPanel() {
  const { t } = useTranslation();
  const choices = useStore(selectPredictChoices);
  const settings = useStore((s) => s.predictSettings);
  const setTarget = useStore((s) => s.setPredictTarget);
  const setFeature = useStore((s) => s.setPredictFeature);
  const setSettings = useStore((s) => s.setPredictSettings);
  const predict = useStore((s) => s.predict);
  const download = useStore((s) => s.downloadPredictions);
  const prediction = useStore(selectPrediction);
  const busy = useStore((s) => s.phase !== 'ready');
  const { targets, target, featureChoices, request } = choices;
  return (
    <section className="classify-part" aria-labelledby="predict-heading">
      <h3 id="predict-heading">{t('ui.classify.predict.heading')}</h3>
      <p className="hint">{t('ui.classify.predict.hint')}</p>
      {targets.length === 0 ? (
        <p>{t('ui.classify.predict.noTarget')}</p>
      ) : (
        <>
          <div className="controls">
            <label>
              {t('ui.classify.predict.target')}
              <select value={target ?? ''} onChange={(e) => setTarget(e.target.value)}>
                {targets.map((name) => (
                  <ColumnOption key={name} name={name} />
                ))}
              </select>
            </label>
            <NumberField
              label={t('ui.classify.predict.treeDepth')}
              value={settings.treeDepth}
              min={1}
              max={30}
              integer
              onCommit={(treeDepth) => setSettings({ treeDepth })}
            />
            <NumberField
              label={t('ui.classify.predict.trees')}
              value={settings.trees}
              min={1}
              max={10_000}
              integer
              onCommit={(trees) => setSettings({ trees })}
            />
            <NumberField
              label={t('ui.classify.predict.testShare')}
              value={settings.testShare}
              min={0}
              integer={false}
              onCommit={(value) => setSettings({ testShare: value })}
            />
          </div>
          <fieldset className="feature-picker">
            <legend>{t('ui.classify.predict.features')}</legend>
            {featureChoices.map((column) => (
              <label key={column} className="checkbox">
                <input
                  type="checkbox"
                  checked={request?.features.includes(column) ?? false}
                  onChange={(e) => setFeature(column, e.target.checked)}
                />
                <ColumnName name={column} />
              </label>
            ))}
          </fieldset>
          <div className="controls">
            <button
              type="button"
              className="primary"
              disabled={busy || request === null}
              onClick={() => void predict()}
            >
              {t('ui.classify.predict.run')}
            </button>
          </div>
        </>
      )}
      {prediction !== null && (
        <div className="prediction">
          {prediction.stale && <p className="stale">{t('ui.classify.predict.stale')}</p>}
          <PredictResults view={prediction.answer.view} />
          {prediction.answer.rates !== null && (
            <SegmentRatesTable rates={prediction.answer.rates} view={prediction.answer.view} />
          )}
          <div className="export">
            <button type="button" onClick={() => void download()}>
              {t('ui.classify.predict.download')}
            </button>
            <span className="hint"> {t('ui.classify.predict.downloadHint')}</span>
          </div>
        </div>
      )}
    </section>
  );
}

function PredictResults({ view }: { view: PredictView }) {
  const { t } = useTranslation();
  const rich = useRich();
  const format = useFormats();
  const render = useRenderNode();
  const name = useNameNode();
  const [threshold, setThreshold] = useState(0.5);
  const positive = view.positive;
  const score = (value: number | null) => (value === null ? '–' : format.fixed(value, 3));
  // Importances by feature, in the order of the last model (the forest's, most important first).
  const byFeature = new Map<
    string,
    { name: (typeof view.features)[number]['name']; values: number[] }
  >();
  view.models.forEach((model, m) =>
    model.importances.forEach((item) => {
      const key = typeof item.feature === 'string' ? item.feature : JSON.stringify(item.feature);
      const row = byFeature.get(key) ?? { name: item.feature, values: view.models.map(() => 0) };
      row.values[m] = item.importance;
      byFeature.set(key, row);
    }),
  );
  const last = view.models.length - 1;
  const importances = [...byFeature.values()].sort((a, b) => b.values[last] - a.values[last]);
  return (
    <>
      <p>{t('ui.classify.predict.rows', { train: view.rows.train, test: view.rows.test })}</p>
      {view.notes.length > 0 && (
        <ul className="notes">
          {view.notes.map((note, i) => (
            <li key={i}>{render(note)}</li>
          ))}
        </ul>
      )}
      <TableScroll className="data-table" caption={t('ui.classify.predict.modelsCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('ui.classify.predict.model')}</th>
            <th scope="col" className="num">
              {t('ui.classify.predict.accuracy')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.predict.precision')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.predict.recall')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.predict.f1')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.predict.rocAuc')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.predict.trainAccuracy')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.models.map((model) => (
            <tr key={model.model}>
              <th scope="row">{render(model.label)}</th>
              <td className="num">{score(model.accuracy)}</td>
              <td className="num">{score(model.precision)}</td>
              <td className="num">{score(model.recall)}</td>
              <td className="num">{score(model.f1)}</td>
              <td className="num">{score(model.rocAuc)}</td>
              <td className="num">{score(model.trainAccuracy)}</td>
            </tr>
          ))}
        </tbody>
      </TableScroll>
      <RocChart models={view.models} />
      {positive !== null && (
        <p className="hint">
          {rich('ui.classify.predict.positiveNote', { value: <Data>{positive.value}</Data> })}
        </p>
      )}
      {positive !== null && view.models.some((m) => m.thresholds !== null) && (
        <div className="threshold">
          <label>
            {rich('ui.classify.predict.threshold', { value: <Data>{positive.value}</Data> })}
            <input
              type="range"
              min={0}
              max={1}
              step={1 / THRESHOLD_STEPS}
              value={threshold}
              aria-valuetext={format.fixed(threshold, 2)}
              onChange={(e) => setThreshold(Number(e.target.value))}
            />
            <output>{format.fixed(threshold, 2)}</output>
          </label>
          <TableScroll
            className="data-table data-table--compact"
            caption={t('ui.classify.predict.thresholdCaption', {
              threshold: format.fixed(threshold, 2),
            })}
          >
            <thead>
              <tr>
                <th scope="col">{t('ui.classify.predict.model')}</th>
                <th scope="col" className="num">
                  {t('ui.classify.predict.precision')}
                </th>
                <th scope="col" className="num">
                  {t('ui.classify.predict.recall')}
                </th>
                <th scope="col" className="num">
                  {t('ui.classify.predict.f1')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.models.map((model) => {
                if (model.thresholds === null) return null;
                const at = metricsAtStep(model.thresholds, threshold);
                return (
                  <tr key={model.model}>
                    <th scope="row">{render(model.label)}</th>
                    <td className="num">{score(at.precision)}</td>
                    <td className="num">{score(at.recall)}</td>
                    <td className="num">{score(at.f1)}</td>
                  </tr>
                );
              })}
            </tbody>
          </TableScroll>
        </div>
      )}
      <TableScroll
        className="data-table data-table--compact"
        caption={t('ui.classify.predict.importanceCaption')}
      >
        <thead>
          <tr>
            <th scope="col">{t('ui.classify.predict.feature')}</th>
            {view.models.map((model) => (
              <th key={model.model} scope="col" className="num">
                {render(model.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {importances.map((row, i) => (
            <tr key={i}>
              <th scope="row">{name(row.name)}</th>
              {row.values.map((value, m) => (
                <td key={m} className="num">
                  {format.percent(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableScroll>
      <p className="hint">{t('ui.classify.predict.confusionHint')}</p>
      <div className="confusions">
        {view.models.map((model) => (
          <TableScroll
            key={model.model}
            className="data-table data-table--compact"
            caption={rich('ui.classify.predict.confusionCaption', {
              model: <>{render(model.label)}</>,
            })}
          >
            <thead>
              <tr>
                <td />
                {view.classes.map((value) => (
                  <th key={value} scope="col" className="num">
                    {rich('ui.classify.predict.predicted', { value: <Data>{value}</Data> })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.classes.map((actual, a) => (
                <tr key={actual}>
                  <th scope="row">
                    <Data>{actual}</Data>
                  </th>
                  {view.classes.map((_, p) => (
                    <td key={p} className={a === p ? 'num diagonal' : 'num'}>
                      {format.count(model.confusion[a * view.classes.length + p])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </TableScroll>
        ))}
      </div>
    </>
  );
}

function SegmentRatesTable({ rates, view }: { rates: SegmentRates; view: PredictView }) {
  const { t } = useTranslation();
  const rich = useRich();
  const format = useFormats();
  const render = useRenderNode();
  const name = useNameNode();
  return (
    <>
      <p>{render(rates.sentence)}</p>
      <TableScroll
        className="data-table data-table--compact"
        caption={rich('ui.classify.predict.ratesCaption', {
          target: <Data>{view.target}</Data>,
          value: <Data>{rates.class.value}</Data>,
        })}
      >
        <thead>
          <tr>
            <th scope="col">{t('ui.classify.predict.ratesSegment')}</th>
            <th scope="col" className="num">
              {t('ui.classify.predict.ratesRows')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.predict.ratesActual')}
            </th>
            {view.models.map((model) => (
              <th key={model.model} scope="col" className="num">
                {rich('ui.classify.predict.ratesPredicted', {
                  model: <>{render(model.label)}</>,
                })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rates.segments.map((segment) => (
            <tr key={segment.segment}>
              <th scope="row">{name(segment.name)}</th>
              <td className="num">{format.count(segment.rows)}</td>
              <td className="num">{format.percent(segment.actual)}</td>
              {segment.predicted.map((p) => (
                <td key={p.model} className="num">
                  {format.percent(p.share)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableScroll>
    </>
  );
}
