import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../core/common/message';
import type { ExplainView } from '../core/session/explainViews';
import { selectExplanation } from '../store/classifySelectors';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { NumberField } from './NumberField';
import { useRenderNode, useRich } from './richText';
import { ColumnName } from './ColumnName';
import { ScrollRegion } from './ScrollRegion';
import { TableScroll } from './TableScroll';

const DEPTHS = [1, 2, 3, 4, 5, 6];

/** A segment's or a feature's name: the core's words rendered, the user's own marked as data. */
export function useNameNode(): (name: string | Message) => ReactNode {
  const render = useRenderNode();
  return (name) => (typeof name === 'string' ? <ColumnName name={name} /> : render(name));
}

/**
 * The segments on show, explained: a decision tree (or IMM's threshold tree) predicting each
 * row's segment from the features in their own units, as rules per segment and a diagram, with
 * its fidelity, a report per segment and the confusion matrix; the explained rows to download.
 */
export function ExplainPanel() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.explainSettings);
  const setSettings = useStore((s) => s.setExplainSettings);
  const explain = useStore((s) => s.explain);
  const download = useStore((s) => s.downloadExplained);
  const explanation = useStore(selectExplanation);
  const busy = useStore((s) => s.phase !== 'ready');
  const hasView = useStore((s) => s.view !== null && s.selectedK !== null);
  if (!hasView) return null;
  const view = explanation?.view ?? null;
  return (
    <section className="classify-part" aria-labelledby="explain-heading">
      <h3 id="explain-heading">{t('ui.classify.explain.heading')}</h3>
      <p className="hint">{t('ui.classify.explain.hint')}</p>
      <div className="controls">
        <label>
          {t('ui.classify.explain.method')}
          <select
            value={settings.method}
            onChange={(e) => setSettings({ method: e.target.value === 'imm' ? 'imm' : 'tree' })}
          >
            <option value="tree">{t('ui.classify.explain.methodTree')}</option>
            <option value="imm">{t('ui.classify.explain.methodImm')}</option>
          </select>
        </label>
        <label>
          {t('ui.classify.explain.depth')}
          <select
            value={settings.depth}
            disabled={settings.method === 'imm'}
            onChange={(e) => setSettings({ depth: Number(e.target.value) })}
          >
            {DEPTHS.map((depth) => (
              <option key={depth} value={depth}>
                {depth}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={t('ui.classify.explain.minRows')}
          value={settings.minRowsPerLeaf ?? view?.tree?.minRowsPerLeaf ?? null}
          min={1}
          integer
          disabled={settings.method === 'imm'}
          onCommit={(value) => setSettings({ minRowsPerLeaf: value })}
        />
        {view === null && (
          <button type="button" className="primary" disabled={busy} onClick={() => void explain()}>
            {t('ui.classify.explain.run')}
          </button>
        )}
      </div>
      {view !== null && <Explanation view={view} onDownload={() => void download()} />}
    </section>
  );
}

function Explanation({ view, onDownload }: { view: ExplainView; onDownload: () => void }) {
  const { t } = useTranslation();
  const format = useFormats();
  const render = useRenderNode();
  const name = useNameNode();
  const segments = view.segmentNames.map((_, s) => s);
  return (
    <div className="explanation">
      <p>
        {view.tree !== null
          ? t('ui.classify.explain.rows', {
              train: view.rows.train,
              test: view.rows.test,
              explained: view.rows.explained,
            })
          : t('ui.classify.explain.immRows', { explained: view.rows.explained })}
      </p>
      {view.tree !== null && (
        <p className="fidelity">
          {t('ui.classify.explain.fidelity', {
            test: format.percent(view.tree.fidelity.test),
            all: format.percent(view.tree.fidelity.all),
            train: format.percent(view.tree.fidelity.train),
          })}
        </p>
      )}
      {view.imm !== null && (
        <p className="fidelity">
          {t('ui.classify.explain.immCost', {
            cost: format.number(view.imm.cost),
            clusteringCost: format.number(view.imm.clusteringCost),
            ratio: format.number(view.imm.ratio),
            moved: view.imm.moved,
          })}
        </p>
      )}
      {(view.notes.length > 0 || (view.tree?.poorlyExplained.length ?? 0) > 0) && (
        <ul className="notes">
          {view.notes.map((note, i) => (
            <li key={`note-${i}`}>{render(note)}</li>
          ))}
          {view.tree?.poorlyExplained.map((poor) => (
            <li key={`poor-${poor.segment}`}>{render(poor.sentence)}</li>
          ))}
        </ul>
      )}
      <h4>{t('ui.classify.explain.rulesHeading')}</h4>
      <dl className="rules">
        {segments.map((segment) => {
          const rules = view.rules.filter((rule) => rule.segment === segment);
          return (
            <Fragment key={segment}>
              <dt>{name(view.segmentNames[segment])}</dt>
              {rules.length === 0 ? (
                <dd className="hint">{t('ui.classify.explain.noRule')}</dd>
              ) : (
                rules.map((rule) => <dd key={rule.leaf}>{render(rule.text)}</dd>)
              )}
            </Fragment>
          );
        })}
      </dl>
      <h4>{t('ui.classify.explain.treeHeading')}</h4>
      <TreeDiagram view={view} />
      {view.tree !== null && <ExplainReport view={view} />}
      <div className="export">
        <button type="button" onClick={onDownload}>
          {t('ui.classify.explain.download')}
        </button>
        <span className="hint"> {t('ui.classify.explain.downloadHint')}</span>
      </div>
    </div>
  );
}

/** The tree as nested lists: each branch names its condition, each leaf its segment and rows. */
function TreeDiagram({ view }: { view: ExplainView }) {
  const { t } = useTranslation();
  const rich = useRich();
  const format = useFormats();
  const render = useRenderNode();
  const name = useNameNode();
  const describe = (node: number): ReactNode => {
    const n = view.nodes[node];
    if (n.left < 0) {
      const matching = n.counts[n.segment] ?? 0;
      return (
        <span className="tree-leaf">
          {rich('ui.classify.explain.leaf', {
            segment: <>{name(view.segmentNames[n.segment])}</>,
            rows: n.rows,
            share: format.percent(n.rows > 0 ? matching / n.rows : 0, 0),
          })}
        </span>
      );
    }
    return <span className="hint">{t('ui.classify.explain.node', { rows: n.rows })}</span>;
  };
  const branch = (node: number): ReactNode => {
    const n = view.nodes[node];
    if (n.branches === null) return null;
    return (
      <ul>
        <li>
          <span className="tree-condition">{render(n.branches.left)}</span> {describe(n.left)}
          {branch(n.left)}
        </li>
        <li>
          <span className="tree-condition">{render(n.branches.right)}</span> {describe(n.right)}
          {branch(n.right)}
        </li>
      </ul>
    );
  };
  return (
    <figure className="tree-diagram" aria-label={t('ui.classify.explain.treeLabel')}>
      <ScrollRegion className="tree-diagram__scroll" label={t('ui.classify.explain.treeLabel')}>
        <ul>
          <li>
            <strong>{t('ui.classify.explain.root')}</strong> {describe(0)}
            {branch(0)}
          </li>
        </ul>
      </ScrollRegion>
    </figure>
  );
}

function ExplainReport({ view }: { view: ExplainView }) {
  const { t } = useTranslation();
  const format = useFormats();
  const name = useNameNode();
  const tree = view.tree!;
  const report = tree.report.test;
  const k = view.k;
  const segments = Array.from({ length: k }, (_, s) => s);
  return (
    <>
      <TableScroll
        className="data-table data-table--compact"
        caption={t('ui.classify.explain.reportCaption')}
      >
        <thead>
          <tr>
            <th scope="col">{t('ui.classify.explain.segment')}</th>
            <th scope="col" className="num">
              {t('ui.classify.explain.precision')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.explain.recall')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.explain.f1')}
            </th>
            <th scope="col" className="num">
              {t('ui.classify.explain.support')}
            </th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr key={s}>
              <th scope="row">{name(view.segmentNames[s])}</th>
              <td className="num">{format.fixed(report.precision[s], 2)}</td>
              <td className="num">{format.fixed(report.recall[s], 2)}</td>
              <td className="num">{format.fixed(report.f1[s], 2)}</td>
              <td className="num">{format.count(report.support[s])}</td>
            </tr>
          ))}
        </tbody>
      </TableScroll>
      <TableScroll
        className="data-table data-table--compact"
        caption={t('ui.classify.explain.confusionCaption')}
      >
        <thead>
          <tr>
            <td />
            {segments.map((s) => (
              <th key={s} scope="col" className="num">
                {name(view.segmentNames[s])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {segments.map((actual) => (
            <tr key={actual}>
              <th scope="row">{name(view.segmentNames[actual])}</th>
              {segments.map((predicted) => (
                <td key={predicted} className={actual === predicted ? 'num diagonal' : 'num'}>
                  {format.count(tree.confusion.test[actual * k + predicted])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableScroll>
    </>
  );
}
