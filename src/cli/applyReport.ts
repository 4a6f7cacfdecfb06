import { linesJson, linesLeftOut } from './orderLinesReport';
import type { ApplyView } from '../core/model/applyView';
import type { ModelFile } from '../core/model/modelFile';
import { textTable, type Voice } from './voice';

const share = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The applied model as one JSON object: English keys, texts in the voice's language. */
export function applyJson(path: string, model: ModelFile, view: ApplyView, voice: Voice) {
  return {
    file: path,
    model: {
      savedFrom: model.source.fileName,
      savedAt: new Date(model.savedAt).toISOString(),
      appVersion: model.appVersion,
      kind: model.rfm === null ? 'rows' : 'rfm',
      algorithm: model.clustering.algorithm,
      k: model.segments.length,
    },
    rows: {
      read: view.read,
      scored: view.scored,
      setAside: Object.fromEntries(view.setAside.map((s) => [s.reason, s.count])),
    },
    segments: view.segments.map((s) => ({
      id: s.id,
      label: s.name ?? voice.say(s.label),
      savedSize: s.savedSize,
      savedShare: s.savedShare,
      size: s.size,
      share: s.share,
    })),
    noise: view.noise,
    drift: view.drift.map((d) => ({
      feature: d.feature,
      savedMean: d.savedMean,
      savedStd: d.savedStd,
      mean: d.mean,
      shift: d.shift,
      drifted: d.drifted,
    })),
    unseen: view.unseen,
    notes: view.notes.map(voice.say),
    ...(view.rfm === null
      ? {}
      : {
          rfm: {
            customers: view.rfm.customers,
            savedCustomers: view.rfm.savedCustomers,
            lines: linesJson(view.rfm.lines),
            snapshot: new Date(view.rfm.snapshot).toISOString(),
            segments: view.rfm.named.map((n) => ({
              name: typeof n.name === 'string' ? n.name : voice.say(n.name),
              savedSize: n.savedSize,
              size: n.size,
            })),
          },
        }),
  };
}

/** The readable report: what was read and scored, sizes next to the saved ones, drift. */
export function applyText(
  path: string,
  model: ModelFile,
  view: ApplyView,
  out: string | undefined,
  files: readonly string[],
  voice: Voice,
): string {
  const lines = [
    voice.text('applySummary', {
      path,
      saved: model.source.fileName,
      algorithm: model.clustering.algorithm,
      k: model.segments.length,
    }),
  ];
  // An RFM model scores customers: first the order lines they come from, and those left out.
  if (view.rfm !== null)
    lines.push(
      voice.text('applyOrderLines', { read: view.rfm.lines.read, used: view.rfm.lines.used }),
      ...linesLeftOut(view.rfm.lines, voice),
    );
  const setAside = view.setAside.filter((s) => s.count > 0);
  lines.push(
    setAside.length === 0
      ? voice.text('applyRows', { kind: view.kind, read: view.read, scored: view.scored })
      : voice.text('applyRowsSetAside', {
          kind: view.kind,
          read: view.read,
          scored: view.scored,
          setAside: voice.list(
            setAside.map((s) =>
              voice.text('applySetAsideItem', { count: s.count, reason: voice.say(s.label) }),
            ),
          ),
        }),
  );
  const sizeTable = (rows: string[][]) =>
    textTable(
      [
        voice.text('columnSegment'),
        '',
        voice.text('applyColumnSaved'),
        '',
        voice.text('applyColumnNow'),
        '',
      ],
      rows,
      [true, false, true, true, true, true],
    );
  if (view.rfm !== null) {
    lines.push(
      voice.text('applyCustomers', {
        customers: view.rfm.customers,
        saved: view.rfm.savedCustomers,
        snapshot: view.rfm.snapshot,
      }),
      '',
      voice.text('applyNamedSegments'),
      ...sizeTable(
        view.rfm.named.map((n, s) => [
          String(s),
          typeof n.name === 'string' ? n.name : voice.say(n.name),
          String(n.savedSize),
          share(n.savedSize / Math.max(1, view.rfm!.savedCustomers)),
          String(n.size),
          share(n.size / Math.max(1, view.rfm!.customers)),
        ]),
      ),
      '',
      voice.text('applyClusters'),
    );
  } else {
    lines.push('');
  }
  lines.push(
    ...sizeTable(
      view.segments.map((s) => [
        String(s.id),
        s.name ?? voice.say(s.label),
        String(s.savedSize),
        share(s.savedShare),
        String(s.size),
        share(s.share),
      ]),
    ),
  );
  if (view.noise !== null) lines.push(voice.text('applyNoise', view.noise));
  lines.push('');
  if (view.notes.length === 0) lines.push(voice.text('applyNoDrift'));
  else lines.push(voice.text('applyDrift'), ...view.notes.map((note) => `  ${voice.say(note)}`));
  if (out !== undefined)
    lines.push('', voice.text('applyWrote', { files: voice.list(files), out }));
  return lines.join('\n') + '\n';
}
