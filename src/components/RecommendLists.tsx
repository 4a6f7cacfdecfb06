import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupItem } from '../core/session/recommendLists';
import { selectRecommendBasis } from '../store/recommendSlice';
import { useStore } from '../store/useStore';
import { methodName } from '../store/vocabulary';
import { useFormats } from './format';
import { Data, useJoin, useRenderNode, useRich } from './richText';
import { useRender } from './useRender';
import { useSegmentNames } from './segmentNames';
import { TableScroll } from './TableScroll';

/** The columns of the recommendations CSV (the file's own names, the same in every language). */
const CSV_COLUMNS = ['customer', 'segment', 'rank', 'item', 'description', 'score', 'because'];

/** A product as user data: its code, and its description beside it when there is one. */
function Product({ item }: { item: LookupItem }) {
  return (
    <Data>
      {item.item}
      {item.description ? ` ${item.description}` : ''}
    </Data>
  );
}

/** A product in a table: its code, its description under it in lighter type. */
function ProductCell({ item }: { item: LookupItem }) {
  return (
    <Data>
      {item.item}
      {item.description && <span className="recommend__description"> {item.description}</span>}
    </Data>
  );
}

/** The look-up of one customer, the items most recommended per segment, and the downloads. */
export function RecommendLists() {
  const { t } = useTranslation();
  const rich = useRich();
  const join = useJoin();
  const say = useRender();
  const render = useRenderNode();
  const format = useFormats();
  const names = useSegmentNames();
  const basis = useStore(selectRecommendBasis);
  const ready = useStore((s) => s.phase === 'ready' && s.scheduledAnalysis === null);
  const lookUp = useStore((s) => s.lookUpCustomer);
  const download = useStore((s) => s.downloadRecommendations);
  const lookup = useStore((s) =>
    s.recommendLookup !== null && s.recommendLookup.basis === basis ? s.recommendLookup : null,
  );
  const top = useStore((s) =>
    s.recommendTop !== null && s.recommendTop.basis === basis ? s.recommendTop : null,
  );
  const [typed, setTyped] = useState('');
  const [shownGroup, setShownGroup] = useState<number | null>(null);
  const [downloadGroup, setDownloadGroup] = useState<number | null>(null);
  const idField = useId();
  if (basis === null) return null;
  const groups = (top?.groups ?? []).filter((group) => group.customers > 0);
  const group = groups.find((g) => g.group === shownGroup) ?? groups[0] ?? null;
  const toDownload = groups.find((g) => g.group === downloadGroup) ?? groups[0] ?? null;
  const groupOption = (g: (typeof groups)[number]) =>
    t('ui.recommend.segmentOption', { name: names.text(g.group), count: g.customers });
  return (
    <>
      <h3>{t('ui.recommend.lookup')}</h3>
      <form
        className="controls recommend__lookup"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim() !== '') void lookUp(typed);
        }}
      >
        <label htmlFor={idField}>{t('ui.recommend.customerId')}</label>
        <input
          id={idField}
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" disabled={!ready || typed.trim() === ''}>
          {t('ui.recommend.lookUp')}
        </button>
      </form>
      {lookup !== null && !lookup.found && <p className="notice">{render(lookup.sentence)}</p>}
      {lookup !== null && lookup.found && (
        <div className="recommend__customer">
          <h4>{rich('ui.recommend.customerHeading', { id: <Data>{lookup.id}</Data> })}</h4>
          {lookup.segment !== null && (
            <p>{rich('ui.recommend.segment', { segment: <>{names.node(lookup.segment)}</> })}</p>
          )}
          <details>
            <summary>{t('ui.recommend.bought', { count: lookup.boughtCount })}</summary>
            {lookup.bought.length < lookup.boughtCount && (
              <p className="hint">
                {t('ui.recommend.boughtShown', {
                  shown: lookup.bought.length,
                  count: lookup.boughtCount,
                })}
              </p>
            )}
            <ul className="recommend__bought">
              {lookup.bought.map((item) => (
                <li key={item.item}>
                  <Product item={item} />
                </li>
              ))}
            </ul>
          </details>
          {lookup.recommendations.length > 0 && (
            <TableScroll
              className="data-table"
              caption={rich('ui.recommend.recommendedCaption', {
                n: lookup.n,
                id: <Data>{lookup.id}</Data>,
                method: say(methodName(lookup.method)),
              })}
            >
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('ui.recommend.column.rank')}
                  </th>
                  <th scope="col">{t('ui.recommend.column.item')}</th>
                  <th scope="col" className="num">
                    {t('ui.recommend.column.score')}
                  </th>
                  <th scope="col">{t('ui.recommend.column.because')}</th>
                </tr>
              </thead>
              <tbody>
                {lookup.recommendations.map((row) => (
                  <tr key={row.rank}>
                    <td className="num">{row.rank}</td>
                    <th scope="row">
                      <ProductCell item={row} />
                    </th>
                    <td className="num">{format.fixed(row.score, 3)}</td>
                    <td>
                      {row.because === null ? (
                        t('ui.recommend.bestSeller')
                      ) : (
                        <Product item={row.because} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </TableScroll>
          )}
          {lookup.recommendations.length < lookup.n && (
            <p className="hint">
              {t('ui.recommend.fewer', { count: lookup.recommendations.length })}
            </p>
          )}
        </div>
      )}
      {top !== null && group !== null && (
        <>
          <h3>{t('ui.recommend.mostRecommended')}</h3>
          <div className="controls">
            <label>
              {t('ui.recommend.mostRecommendedSegment')}
              <select value={group.group} onChange={(e) => setShownGroup(Number(e.target.value))}>
                {groups.map((g) => (
                  <option
                    key={g.group}
                    value={g.group}
                    translate={names.typed(g.group) ? 'no' : undefined}
                  >
                    {groupOption(g)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {group.items.length === 0 ? (
            <p className="hint">{t('ui.recommend.nothingRecommended')}</p>
          ) : (
            <TableScroll
              className="data-table"
              caption={rich('ui.recommend.mostRecommendedCaption', {
                n: top.n,
                segment: <>{names.node(group.group)}</>,
                method: say(methodName(top.method)),
              })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('ui.recommend.column.item')}</th>
                  <th scope="col" className="num">
                    {t('ui.recommend.column.recommendedTo')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.items.map((row) => (
                  <tr key={row.item}>
                    <th scope="row">
                      <ProductCell item={row} />
                    </th>
                    <td className="num">{format.count(row.customers)}</td>
                  </tr>
                ))}
              </tbody>
            </TableScroll>
          )}
        </>
      )}
      <h3>{t('ui.recommend.downloads')}</h3>
      <div className="export">
        <p>
          <button
            type="button"
            className="primary"
            disabled={!ready}
            onClick={() => void download(null)}
          >
            {t('ui.recommend.downloadAll')}
          </button>
        </p>
        {toDownload !== null && (
          <div className="controls">
            <label>
              {t('ui.recommend.downloadOf')}
              <select
                value={toDownload.group}
                onChange={(e) => setDownloadGroup(Number(e.target.value))}
              >
                {groups.map((g) => (
                  <option
                    key={g.group}
                    value={g.group}
                    translate={names.typed(g.group) ? 'no' : undefined}
                  >
                    {groupOption(g)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!ready} onClick={() => void download(toDownload.group)}>
              {rich('ui.recommend.downloadSegment', {
                segment: <>{names.node(toDownload.group)}</>,
              })}
            </button>
          </div>
        )}
        <p className="hint">
          {rich('ui.recommend.downloadHint', {
            columns: <>{join(CSV_COLUMNS.map((column) => <Data key={column}>{column}</Data>))}</>,
          })}
        </p>
      </div>
    </>
  );
}
