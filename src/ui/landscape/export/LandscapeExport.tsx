import { useState, type ReactNode } from 'react';
import {
  computedPoints,
  lineCsv,
  lineJson,
  sliceCsv,
  sliceFileBase,
  sliceH5,
  sliceJson,
} from '../../../io/landscapeExport';
import { useLandscapeStore, type LandscapeState } from '../../../state/landscapeStore';
import type { LandscapeSettings } from '../../../state/landscapeUrl';
import type { LineView } from '../../../state/lineView';
import { downloadBlob } from '../../export/download';
import { hasWebGL } from '../../webgl';
import type { Displayed } from '../useDisplayedView';
import { useDisplayedView } from '../useDisplayedView';
import { contourSvg } from './contourSvg';
import { pageFigureStyle } from './figureStyle';
import { lineChartSvg } from './lineChartSvg';
import { PNG_SCALES, svgPng, webglPng, type PngScale } from './rasterize';
import './landscapeExport.css';

/** The 3D panel's WebGL canvas on this page (the main view's, not the toy panel's). */
/** Landscape3D's canvas, on the page's 3D panel or in a widget (`view3d=1`). */
const THREE_CANVAS = '.ls-three canvas';

/** The line the "Along a line" panel shows now, or null. */
function shownLine(s: LandscapeState): LineView | null {
  const open = s.settings.line;
  if (open === 'off') return null;
  return s.line.showingFile && s.line.file ? s.line.file : s.line.runs[open].view;
}

/** The name a download of the shown slice starts with: the model (or the file) and the grid. */
function sliceBase(s: LandscapeSettings, fileName: string | null, shown: Displayed): string {
  const { xs, ys, source } = shown.view;
  const { depth, skip, view } = s;
  const label =
    source === 'h5' && fileName
      ? fileName
      : `resnet-${depth}${skip ? '' : '-ns'}${view === 'pca' ? '-pca' : ''}${source === 'gpu' ? '-recomputed' : ''}`;
  return sliceFileBase(label, xs.length, ys.length);
}

const kb = (bytes: number) =>
  bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;

/** How complete the slice is, said once beside the data buttons. */
function completeness(shown: Displayed): string {
  const n = shown.view.loss.length,
    k = computedPoints(shown.view.loss);
  if (k === n) return `All ${n.toLocaleString('en-US')} grid points are computed.`;
  return (
    `${k.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} grid points are computed` +
    (shown.pendingFromY !== null ? ' so far (the map shows the coarse preview elsewhere)' : '') +
    '; the data files hold only those: the others are −1 in the .h5 (upstream’s “not computed”), empty in the CSV and null in the JSON.'
  );
}

/** One file a button makes: its label, the name it saves as, and how its bytes are made. */
interface FileAction {
  label: string;
  name: string;
  make(): Promise<Blob> | Blob | string;
  /** MIME type of text made as a string. */
  type?: string;
  disabled?: boolean;
}

/**
 * "Export": the contour map and the line chart as PNG (1×/2×/4×) or SVG, the 3D view as PNG,
 * the slice shown as .h5 (upstream's layout, which "Open .h5" reads back), CSV or JSON, and
 * the line shown as CSV or JSON. Every file is made on this machine and downloaded.
 */
export function LandscapeExport() {
  const { shown } = useDisplayedView();
  const settings = useLandscapeStore((s) => s.settings);
  const look = useLandscapeStore((s) => s.look);
  const fileName = useLandscapeStore((s) => s.h5.fileName);
  const line = useLandscapeStore(shownLine);
  const [scale, setScale] = useState<PngScale>(2);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const webgl = hasWebGL();

  const save = async (a: FileAction) => {
    setBusy(true);
    try {
      const made = await a.make();
      const blob = typeof made === 'string' ? new Blob([made], { type: a.type }) : made;
      downloadBlob(blob, a.name);
      setStatus({ ok: true, text: `Saved ${a.name} (${kb(blob.size)}).` });
    } catch (e) {
      setStatus({
        ok: false,
        text: `Could not export ${a.name}: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      setBusy(false);
    }
  };
  const row = (label: string, actions: FileAction[], note?: ReactNode) => (
    <div className="row ls-export-row" role="group" aria-label={label}>
      <span className="ls-export-label">{label}</span>
      {actions.map((a) => (
        <button
          key={a.label}
          type="button"
          disabled={busy || a.disabled}
          onClick={() => void save(a)}
        >
          {a.label}
        </button>
      ))}
      {note}
    </div>
  );
  const style = () => pageFigureStyle(look, document.documentElement);
  const png = (svg: () => { svg: string; width: number; height: number }) => () => {
    const c = svg();
    return svgPng(c.svg, c.width, c.height, scale);
  };
  const at = `@${scale}x`;

  let slice: ReactNode = <p className="explain">Nothing to export until a landscape is shown.</p>;
  if (shown) {
    const base = sliceBase(settings, fileName, shown);
    const v = shown.view;
    const contour = () =>
      contourSvg(
        {
          xs: v.xs,
          ys: v.ys,
          loss: shown.loss,
          pendingFromY: shown.pendingFromY,
          trajectory: v.trajectory,
          title: v.title,
        },
        style(),
      );
    slice = (
      <>
        {row('Contour map', [
          { label: 'Contour PNG', name: `${base}-contour${at}.png`, make: png(contour) },
          {
            label: 'Contour SVG',
            name: `${base}-contour.svg`,
            make: () => contour().svg,
            type: SVG,
          },
        ])}
        {row(
          '3D view',
          [
            {
              label: '3D PNG',
              name: `${base}-3d${at}.png`,
              disabled: !webgl,
              make() {
                const canvas = document.querySelector<HTMLCanvasElement>(THREE_CANVAS);
                if (!canvas) throw new Error('the 3D view has not been drawn yet');
                return webglPng(canvas, scale);
              },
            },
          ],
          !webgl && (
            <span className="explain">
              WebGL is not available here, so there is no 3D view to save.
            </span>
          ),
        )}
        {row('Slice data', [
          {
            label: 'Slice .h5',
            name: `${base}.h5`,
            make: async () =>
              new Blob([(await sliceH5(v)) as Uint8Array<ArrayBuffer>], {
                type: 'application/x-hdf5',
              }),
          },
          { label: 'Slice CSV', name: `${base}.csv`, make: () => sliceCsv(v), type: CSV },
          {
            label: 'Slice JSON',
            name: `${base}.json`,
            make: () => sliceJson(v, v),
            type: JSON_TYPE,
          },
        ])}
        <p className="explain ls-export-note">
          {completeness(shown)} The .h5 is in tomgoldstein/loss-landscape’s layout (
          <code>xcoordinates</code>, <code>ycoordinates</code>, <code>train_loss</code>,{' '}
          <code>train_acc</code>): “Open .h5” reads it back.
        </p>
      </>
    );
  }

  let lineRow: ReactNode = null;
  if (line) {
    const base = sliceFileBase(
      line.source === 'h5' && fileName ? fileName : line.title,
      line.alphas.length,
      null,
    );
    const chart = () => lineChartSvg(line, style());
    const label = { title: line.title, provenance: line.provenance, marks: line.marks };
    lineRow = row('Along a line', [
      { label: 'Line PNG', name: `${base}-line${at}.png`, make: png(chart) },
      { label: 'Line SVG', name: `${base}-line.svg`, make: () => chart().svg, type: SVG },
      { label: 'Line CSV', name: `${base}.csv`, make: () => lineCsv(line), type: CSV },
      {
        label: 'Line JSON',
        name: `${base}.json`,
        make: () => lineJson(line, label),
        type: JSON_TYPE,
      },
    ]);
  }

  return (
    <section className="card ls-export" aria-label="Export">
      <h3>Export</h3>
      <fieldset className="ls-export-scale">
        <legend>PNG size</legend>
        {PNG_SCALES.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="ls-export-scale"
              checked={scale === k}
              onChange={() => setScale(k)}
            />{' '}
            {k}×
          </label>
        ))}
      </fieldset>
      {slice}
      {lineRow}
      <p className={status?.ok === false ? 'ls-error' : 'explain'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </section>
  );
}

const SVG = 'image/svg+xml',
  CSV = 'text/csv',
  JSON_TYPE = 'application/json';
