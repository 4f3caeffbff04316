import { useEffect, useMemo, useRef, useState } from 'react';
import { COLUMN_LABELS, type CompareCell } from '../../../core/view/compareGrid';
import { PAPER_LEVELS, type LevelStyle } from '../../../core/view/contourLevels';
import { landscapeThresholds } from '../../../core/view/landscapeContour';
import { SHARED_LOSS_CEILING } from '../../../core/view/sharedScale';
import { loadCompareData, type CompareData } from '../../../state/compareSlices';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { DEPTHS, type Depth } from '../../../state/landscapeUrl';
import { sharedViewScale } from '../../../state/landscapeView';
import { siteFetchJson, type FetchJson } from '../../../state/siteFetch';
import type { EmbedOptions } from '../../embed/controller';
import { Toggle } from '../../controls/Toggle';
import { cameraSync } from '../../panels/surface3d/cameraSync';
import { ORBIT_HINT } from '../Landscape3D';
import { CompareOverlay } from './CompareOverlay';
import { ComparePanel, type PanelLook } from './ComparePanel';
import { GridColourBar } from './GridColourBar';
import { useCompareHistory } from './useCompareHistory';
import './compare.css';

const LEVEL_LABELS: Record<LevelStyle, string> = {
  log: 'Log levels',
  paper: `Paper's levels (${PAPER_LEVELS.vmin} to ${PAPER_LEVELS.vmax}, step ${PAPER_LEVELS.vlevel})`,
};

const pageFetch = (): FetchJson => siteFetchJson(new URL('./', document.baseURI).href);

/**
 * The comparison view (`compare=1`): every shipped random-direction slice as small multiples,
 * rows by depth and columns with / without skip connections (Li et al. 2018, Fig. 5), on ONE
 * colour scale (core/view/sharedScale) with one colour bar; with 3D on, every panel in 3D under
 * one shared camera. A panel opens large over the grid (`open=<model>`; Back or Esc closes it).
 */
export function CompareView({
  fetchJson,
  onLoaded,
  embed,
}: {
  fetchJson?: FetchJson;
  /** Told when the index and every slice have arrived (an embed's `done`). */
  onLoaded?: () => void;
  /** As the `landscape-grid` widget: its controls (levels, figure) and no history entries. */
  embed?: Pick<EmbedOptions, 'controls' | 'hidden'>;
}) {
  const look = useLandscapeStore((s) => s.look);
  const setLook = useLandscapeStore((s) => s.setLook);
  const setSettings = useLandscapeStore((s) => s.set);
  const [loaded, setLoaded] = useState<
    { data: CompareData; message: null } | { data: null; message: string } | null
  >(null);
  useEffect(() => {
    let live = true;
    void loadCompareData(fetchJson ?? pageFetch()).then((r) => {
      if (!live) return;
      setLoaded(r);
      onLoaded?.();
    });
    return () => {
      live = false;
    };
  }, [fetchJson, onLoaded]);
  const data = loaded?.data ?? null;
  const levels = look.levels ?? 'log';
  const view3d = look.view3d === true;
  const scale = useMemo(
    () => sharedViewScale([...(data?.slices.values() ?? [])].map((s) => s.view)),
    [data],
  );
  const sync = useMemo(() => cameraSync(), []);
  const panelLook: PanelLook = useMemo(
    () => ({ scale, levels, view3d, cameraSync: sync }),
    [scale, levels, view3d, sync],
  );
  const thresholds = useMemo(() => landscapeThresholds(scale, levels), [scale, levels]);
  const history = useCompareHistory(!embed);
  const shows = (control: string) =>
    !embed || (embed.controls !== 'none' && !embed.hidden.has(control));

  const openCell = data?.grid.cells.find((c) => c.model === look.open) ?? null;
  // Focus returns to the title of the panel that was open, as a dialog's opener gets it back.
  const wasOpen = useRef<string | null>(null);
  useEffect(() => {
    if (openCell) wasOpen.current = openCell.model;
    else if (wasOpen.current) {
      document
        .querySelector<HTMLButtonElement>(
          `.lc-panel[data-model="${CSS.escape(wasOpen.current)}"] .lc-open`,
        )
        ?.focus();
      wasOpen.current = null;
    }
  }, [openCell]);
  const openView = openCell ? (data?.slices.get(openCell.model)?.view ?? null) : null;
  const twinOf = (c: CompareCell) => {
    const t = data?.grid.cells.find(
      (o) =>
        o.key.family === c.key.family &&
        o.key.depth === c.key.depth &&
        o.key.width === c.key.width &&
        o.key.skip !== c.key.skip,
    );
    const v = t && data?.slices.get(t.model)?.view;
    return t && v ? { cell: t, view: v } : null;
  };
  const single = (c: CompareCell) =>
    c.key.family === 'resnet' && (DEPTHS as readonly number[]).includes(c.key.depth)
      ? () => {
          setSettings({ depth: c.key.depth as Depth, skip: c.key.skip, view: 'random' });
          setLook({ compare: undefined, open: undefined });
        }
      : undefined;

  return (
    <div className="lc-view" data-levels-style={levels} data-view3d={view3d ? '1' : '0'}>
      <div className="lc-tools" role="group" aria-label="Comparison settings">
        {shows('levels') && (
          <div className="chips" role="group" aria-label="Contour levels">
            {(['log', 'paper'] as const).map((l) => (
              <button
                key={l}
                type="button"
                className="chip"
                aria-pressed={levels === l}
                disabled={view3d}
                onClick={() => setLook({ levels: l === 'log' ? undefined : l })}
              >
                {LEVEL_LABELS[l]}
              </button>
            ))}
          </div>
        )}
        {shows('figure') && (
          <Toggle
            label="3D, one camera for all"
            checked={view3d}
            onChange={(v) => setLook({ view3d: v ? true : undefined })}
          />
        )}
        {view3d && shows('figure') && (
          <Toggle
            label="Log height"
            checked={look.logHeight}
            onChange={(v) => setLook({ logHeight: v })}
          />
        )}
      </div>
      <p className="explain lc-explain">
        Every map shares one colour scale{view3d ? ' and one height scale' : ''}, so a colour is the
        same loss in every panel.{' '}
        {view3d
          ? `Turning one view turns them all (${ORBIT_HINT}).`
          : levels === 'paper'
            ? `Contours at upstream plot_2d_contour's linear levels, ${PAPER_LEVELS.vmin} to ${PAPER_LEVELS.vmax} in steps of ${PAPER_LEVELS.vlevel}; every loss above ${PAPER_LEVELS.vmax} is the top colour.`
            : `Contour levels are geometric in the loss, from the lowest loss of any panel to ${scale.capped ? `${SHARED_LOSS_CEILING}; every loss above ${SHARED_LOSS_CEILING} is the top colour` : 'the highest'}.`}{' '}
        Click a panel, or its title, to open it large.
      </p>
      {!view3d && Number.isFinite(scale.min) && (
        <GridColourBar
          thresholds={thresholds}
          max={levels === 'paper' || scale.capped ? undefined : scale.max}
        />
      )}
      {loaded === null && <p className="explain">Loading the shipped slices…</p>}
      {loaded?.message && (
        <p className="ls-warning" role="alert">
          {loaded.message}
        </p>
      )}
      {data?.notes.map((n) => (
        <p key={n} className="explain">
          {n}
        </p>
      ))}
      {look.open && data && !openView && (
        <p className="ls-warning" role="alert">
          open={look.open}:{' '}
          {openCell ? 'its slice could not be loaded' : 'no such panel in the grid'}.
        </p>
      )}
      {data?.grid.groups.map((g) => (
        <section key={g.id} className="lc-group" aria-label={g.label} data-group={g.id}>
          {data.grid.groups.length > 1 && <h2 className="lc-group-title">{g.label}</h2>}
          <div className="lc-grid">
            {COLUMN_LABELS.map((c) => (
              <p key={c} className="lc-col-head" aria-hidden>
                {c}
              </p>
            ))}
            {g.rows.flatMap((r) =>
              r.cells.map((c, i) =>
                c ? (
                  <ComparePanel
                    key={c.model}
                    cell={c}
                    slice={data.slices.get(c.model)}
                    look={panelLook}
                    onOpen={() => history.open(c.model)}
                  />
                ) : (
                  <div key={`${r.depth}-${i}`} className="panel lc-panel lc-empty">
                    <p className="explain">
                      {r.label} {COLUMN_LABELS[i]}: no slice shipped.
                    </p>
                  </div>
                ),
              ),
            )}
          </div>
        </section>
      ))}
      {openCell && openView && (
        <CompareOverlay
          cell={openCell}
          view={openView}
          twin={twinOf(openCell)}
          look={panelLook}
          onClose={history.close}
          onSingle={embed ? undefined : single(openCell)}
        />
      )}
    </div>
  );
}
