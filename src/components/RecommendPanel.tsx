import { useTranslation } from 'react-i18next';
import type { RankingMetrics } from '../core/recommend/metrics';
import type { RecommendMethod } from '../core/recommend/recommendOptions';
import { methodName, RECOMMEND_METHODS } from '../store/vocabulary';
import type { RecommendGroupsView } from '../core/session/recommendSession';
import { selectRecommendBasis, selectRecommendChanged } from '../store/recommendSlice';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { NumberField } from './NumberField';
import { RecommendLists } from './RecommendLists';
import { Data, useRenderNode, useRich, type UiKey } from './richText';
import { useSegmentNames } from './segmentNames';
import { useRender } from './useRender';
import { ColumnName } from './ColumnName';
import { TableScroll } from './TableScroll';

export const METHOD_KEYS = {
  popularity: 'ui.recommend.methodName.popularity',
  item: 'ui.recommend.methodName.item',
  user: 'ui.recommend.methodName.user',
} as const satisfies Record<RecommendMethod, UiKey>;

const METRICS: { key: keyof RankingMetrics; label: UiKey; percent: boolean }[] = [
  { key: 'hitRate', label: 'ui.recommend.column.hitRate', percent: true },
  { key: 'precision', label: 'ui.recommend.column.precision', percent: false },
  { key: 'recall', label: 'ui.recommend.column.recall', percent: false },
  { key: 'ndcg', label: 'ui.recommend.column.ndcg', percent: false },
  { key: 'map', label: 'ui.recommend.column.map', percent: false },
  { key: 'coverage', label: 'ui.recommend.column.coverage', percent: true },
];

/**
 * The Recommendations section: the settings, the three methods measured on held-out last
 * orders (overall, per named segment, per cluster), then the look-up, the lists and downloads.
 */
export function RecommendPanel() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const item = useStore((s) => s.rfmView?.settings.mapping.item ?? null);
  const choice = useStore((s) => s.recommendChoice);
  const setChoice = useStore((s) => s.setRecommendChoice);
  const evaluate = useStore((s) => s.evaluateRecommendations);
  const ready = useStore((s) => s.phase === 'ready' && s.scheduledAnalysis === null);
  const basis = useStore(selectRecommendBasis);
  const result = useStore((s) => s.recommendResult);
  const changed = useStore(selectRecommendChanged);
  const shown = basis !== null && result !== null ? result : null;
  const methodText = (method: RecommendMethod) => render(methodName(method));
  return (
    <div className="recommend">
      <p className="hint">{t('ui.recommend.intro')}</p>
      <p>
        {item === null
          ? t('ui.recommend.noItemColumn')
          : rich('ui.recommend.itemColumn', { column: <ColumnName name={item} /> })}
      </p>
      <form
        className="recommend__settings"
        aria-label={t('ui.recommend.settings')}
        onSubmit={(e) => {
          e.preventDefault();
          void evaluate();
        }}
      >
        <div className="controls">
          <NumberField
            label={t('ui.recommend.itemNeighbours')}
            value={choice.itemNeighbours}
            min={1}
            integer
            onCommit={(itemNeighbours) => setChoice({ itemNeighbours })}
          />
          <NumberField
            label={t('ui.recommend.userNeighbours')}
            value={choice.userNeighbours}
            min={1}
            integer
            onCommit={(userNeighbours) => setChoice({ userNeighbours })}
          />
          <label>
            {t('ui.recommend.similarity')}
            <select
              value={choice.similarity}
              onChange={(e) =>
                setChoice({ similarity: e.target.value === 'pearson' ? 'pearson' : 'cosine' })
              }
            >
              <option value="cosine">{t('ui.recommend.similarityName.cosine')}</option>
              <option value="pearson">{t('ui.recommend.similarityName.pearson')}</option>
            </select>
          </label>
          <NumberField
            label={t('ui.recommend.top')}
            value={choice.top}
            min={1}
            integer
            onCommit={(top) => setChoice({ top })}
          />
        </div>
        <p>
          <button type="submit" className="primary" disabled={!ready || item === null}>
            {t('ui.recommend.evaluate')}
          </button>
        </p>
        <p className="hint">{t('ui.recommend.evaluateHint')}</p>
      </form>
      {changed && <p className="notice">{t('ui.recommend.changed')}</p>}
      {shown !== null && (
        <>
          <h3>{t('ui.recommend.evaluation')}</h3>
          <p>{render(shown.evaluation.splitSentence)}</p>
          <TableScroll
            className="data-table"
            caption={t('ui.recommend.caption', { n: shown.evaluation.options.top })}
          >
            <thead>
              <tr>
                <th scope="col">{t('ui.recommend.column.method')}</th>
                {METRICS.map((metric) => (
                  <th key={metric.key} scope="col" className="num">
                    {t(metric.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.evaluation.methods.map((row) => (
                <tr key={row.method}>
                  <th scope="row">{methodText(row.method)}</th>
                  {METRICS.map((metric) => {
                    const value = row.metrics[metric.key];
                    const text = metric.percent ? format.percent(value) : format.fixed(value, 3);
                    return (
                      <td key={metric.key} className="num">
                        {shown.evaluation.verdict.winner === row.method && metric.key === 'ndcg' ? (
                          <strong>{text}</strong>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </TableScroll>
          <p className="recommend__verdict">
            <strong>{render(shown.evaluation.verdict.sentence)}</strong>
          </p>
          <p className="hint">{t('ui.recommend.metricsNote')}</p>
          <h3>{t('ui.recommend.bySegment')}</h3>
          <GroupTable
            view={shown.bySegment}
            caption={t('ui.recommend.bySegmentCaption', { n: shown.bySegment.n })}
            segments={shown.scheme}
          />
          <h3>{t('ui.recommend.byCluster')}</h3>
          {shown.byCluster === null ? (
            <p className="hint">{t('ui.recommend.noClusters')}</p>
          ) : (
            <GroupTable
              view={shown.byCluster}
              caption={t('ui.recommend.byClusterCaption', {
                n: shown.byCluster.n,
                k: shown.byCluster.groups.length,
              })}
              segments={null}
            />
          )}
          <label className="recommend__method">
            {t('ui.recommend.method')}
            <select
              value={choice.method}
              disabled={!ready}
              onChange={(e) =>
                setChoice({
                  method: RECOMMEND_METHODS.find((m) => m === e.target.value) ?? 'item',
                  methodPicked: true,
                })
              }
            >
              {RECOMMEND_METHODS.map((method) => (
                <option key={method} value={method}>
                  {t(METHOD_KEYS[method])}
                </option>
              ))}
            </select>
          </label>
          <RecommendLists />
        </>
      )}
    </div>
  );
}

/** NDCG per group (segment or cluster), each method side by side, and which wins. */
function GroupTable({
  view,
  caption,
  segments,
}: {
  view: RecommendGroupsView;
  caption: string;
  /** The scheme of the named segments shown (their names follow the page), or null: clusters. */
  segments: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormats();
  const render = useRenderNode();
  const say = useRender();
  const names = useSegmentNames();
  const scheme = useStore((s) => s.segmentMap.scheme);
  const nameOf = (group: RecommendGroupsView['groups'][number]) => {
    if (segments !== null && segments === scheme) return names.node(group.group);
    return typeof group.name === 'string' ? <Data>{group.name}</Data> : render(group.name);
  };
  return (
    <TableScroll className="data-table" caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('ui.recommend.column.group')}</th>
          <th scope="col" className="num">
            {t('ui.recommend.column.customers')}
          </th>
          <th scope="col" className="num">
            {t('ui.recommend.column.measured')}
          </th>
          {view.methods.map((method) => (
            <th key={method} scope="col" className="num">
              {t('ui.recommend.ndcgOf', { method: say(methodName(method)) })}
            </th>
          ))}
          <th scope="col">{t('ui.recommend.column.winner')}</th>
        </tr>
      </thead>
      <tbody>
        {view.groups
          .filter((group) => group.customers > 0)
          .map((group) => (
            <tr key={group.group}>
              <th scope="row">{nameOf(group)}</th>
              <td className="num">{format.count(group.customers)}</td>
              <td className="num">{format.count(group.evaluated)}</td>
              {group.metrics.map((metrics, m) => (
                <td key={view.methods[m]} className="num">
                  {metrics === null ? '–' : format.fixed(metrics.ndcg, 3)}
                </td>
              ))}
              <td>
                {group.verdict.winner === null
                  ? t('ui.recommend.noWinner')
                  : render(methodName(group.verdict.winner))}
              </td>
            </tr>
          ))}
      </tbody>
    </TableScroll>
  );
}
