import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { runsCsv, runsJson } from '../../io/runExport';
import { contourLayout, contourSvg, lossSvg } from '../../io/svgExport';
import { useRaceStore } from '../../state/raceStore';
import { useViewStore } from '../../state/viewStore';
import { ANIMATION_MS, HOLD_LAST_MS, type AnimationJob } from './animation';
import { downloadBlob } from './download';
import { canvasPng, svgCanvas } from './figureImage';
import { contourFigure, exportName, exportRacers, lossFigure, runRecords } from './raceFigures';
import { frameSteps, raceFrames } from './raceFrames';
import { raceGif } from './gifExport';
import { NO_WEBM, raceWebm, webmType } from './webmExport';
import './exportMenu.css';

const SCALES = [1, 2, 4] as const;
type Animation = 'gif' | 'webm';

const NOT_READY = 'The contour map is still being computed: try again in a moment.';

/** A file size in words: "840 KB", "2.4 MB". */
const bytes = (n: number) =>
  n < 1e6 ? `${Math.max(1, Math.round(n / 1e3))} KB` : `${(n / 1e6).toFixed(1)} MB`;

/**
 * "Export" on the race (and the race widgets with all their controls): the contour map and the
 * loss chart as PNG (1×, 2× or 4× their size on screen) or SVG, the runs as CSV or JSON, and the
 * race animated as GIF or WebM, with progress and Cancel. Everything is made from the stores at
 * the click (raceFigures) and saved through downloadBlob.
 */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [scale, setScale] = useState<(typeof SCALES)[number]>(2);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<{ kind: Animation; done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const id = useId();
  // When an animation ends, its Cancel button goes: the focus moves to the line that says how it
  // ended, so it stays in the menu (and Escape still closes it) instead of falling to the page.
  const running = busy !== null;
  const ran = useRef(false);
  useEffect(() => {
    if (!running && ran.current && !panel.current?.contains(document.activeElement))
      statusLine.current?.focus();
    ran.current = running;
  }, [running]);
  const steps = useRaceStore((s) => s.steps);
  const webm = webmType();

  const save = (blob: Blob, name: string) => {
    downloadBlob(blob, name);
    setStatus(`Saved ${name} (${bytes(blob.size)}).`);
  };
  /** Runs an export, saying in the status line what went wrong if it fails. */
  const attempt = async (work: () => Promise<void> | void) => {
    try {
      await work();
    } catch (e) {
      setStatus(`Export failed: ${(e as Error).message}`);
    }
  };

  const contourPng = () =>
    attempt(async () => {
      const f = contourFigure();
      if (!f) return setStatus(NOT_READY);
      const frames = await raceFrames(f, exportRacers(), {
        scale,
        arrows: useViewStore.getState().arrows,
      });
      frames.draw(f.step);
      save(await canvasPng(frames.canvas), exportName('contour', 'png', scale));
    });
  const contourSvgFile = () =>
    attempt(() => {
      const f = contourFigure();
      if (!f) return setStatus(NOT_READY);
      save(new Blob([contourSvg(f)], { type: 'image/svg+xml' }), exportName('contour', 'svg'));
    });
  const lossPng = () =>
    attempt(async () => {
      const f = lossFigure();
      const c = await svgCanvas(lossSvg(f), f.width, f.height, scale);
      save(await canvasPng(c), exportName('loss', 'png', scale));
    });
  const lossSvgFile = () =>
    attempt(() =>
      save(new Blob([lossSvg(lossFigure())], { type: 'image/svg+xml' }), exportName('loss', 'svg')),
    );
  const csv = () =>
    attempt(() => {
      const { runs } = runRecords();
      save(new Blob([runsCsv(runs)], { type: 'text/csv' }), exportName('runs', 'csv'));
    });
  const json = () =>
    attempt(() => {
      const { race, runs } = runRecords();
      save(
        new Blob([runsJson(race, runs)], { type: 'application/json' }),
        exportName('runs', 'json'),
      );
    });

  const animate = (kind: Animation) =>
    attempt(async () => {
      const f = contourFigure();
      if (!f) return setStatus(NOT_READY);
      const at = frameSteps(steps);
      const controller = (abort.current = new AbortController());
      const job: AnimationJob = {
        signal: controller.signal,
        onProgress: (done, total) => setBusy({ kind, done, total }),
      };
      setBusy({ kind, done: 0, total: at.length });
      setStatus('');
      try {
        const frames = await raceFrames(f, exportRacers(), { scale: 1, arrows: false });
        const encode = kind === 'gif' ? raceGif : raceWebm;
        save(await encode(frames, at, job), exportName('animated', kind));
      } catch (e) {
        if (controller.signal.aborted) setStatus('Export cancelled.');
        else throw e;
      } finally {
        setBusy(null);
        abort.current = null;
      }
    });

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  // What an animation will be, said before it is made (read once per opening, not per frame).
  const plan = useMemo(() => {
    if (!open) return '';
    const f = contourFigure();
    const size = f ? contourLayout(f).frame : null;
    const px = size ? ` of ${size.width} × ${size.height} px` : '';
    return `${frameSteps(steps).length} frames${px}, about ${(ANIMATION_MS + HOLD_LAST_MS) / 1000} s`;
  }, [open, steps]);

  /** Each figure or file, its formats and what a click on one does. */
  const rows: [string, [string, () => Promise<void>, boolean?][]][] = [
    [
      'Contour map',
      [
        ['PNG', contourPng],
        ['SVG', contourSvgFile],
      ],
    ],
    [
      'Loss curves',
      [
        ['PNG', lossPng],
        ['SVG', lossSvgFile],
      ],
    ],
    [
      'Runs',
      [
        ['CSV', csv],
        ['JSON', json],
      ],
    ],
    [
      'Animated race',
      [
        ['GIF', () => animate('gif'), busy !== null],
        ['WebM', () => animate('webm'), busy !== null || webm === null],
      ],
    ],
  ];

  return (
    <div className="export-menu" onKeyDown={onKey}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        Export…
      </button>
      {open && (
        <div ref={panel} id={id} className="export-panel" role="group" aria-label="Export the race">
          <fieldset className="export-scale">
            <legend>PNG size</legend>
            {SCALES.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name={`${id}-scale`}
                  checked={scale === s}
                  onChange={() => setScale(s)}
                />
                {s}×
              </label>
            ))}
          </fieldset>
          {rows.map(([what, formats]) => (
            <div className="export-row" key={what}>
              <span>{what}</span>
              {formats.map(([format, onClick, disabled]) => (
                <button
                  key={format}
                  type="button"
                  aria-label={`${what} as ${format}`}
                  disabled={disabled}
                  onClick={() => void onClick()}
                >
                  {format}
                </button>
              ))}
            </div>
          ))}
          <p className="export-note">{plan}.</p>
          {webm === null && <p className="export-note export-no-webm">{NO_WEBM}</p>}
          {busy && (
            <div className="export-progress">
              <progress
                value={busy.done}
                max={busy.total}
                aria-label={`Making the ${busy.kind === 'gif' ? 'GIF' : 'WebM'}`}
              />
              <span>
                frame {busy.done} of {busy.total}
              </span>
              <button type="button" onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            </div>
          )}
          <p ref={statusLine} role="status" className="export-status" tabIndex={-1}>
            {status}
          </p>
        </div>
      )}
    </div>
  );
}
