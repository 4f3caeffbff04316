import { useLandscapeStore } from '../../../state/landscapeStore';
import { type LandscapeViewKind } from '../../../state/landscapeUrl';
import { Toggle } from '../../controls/Toggle';
import { DepthChips } from '../../landscape/DepthChips';

const PLANES: Record<LandscapeViewKind, string> = { random: 'Random plane', pca: 'PCA plane' };

/**
 * The landscape widgets' compact model picker: depth, and where the widget has them, skip
 * connections, the plane and contour vs 3D. Each writes the page's store, so `get` and the
 * `state` event see it as a link key (`model`, `skip`, `view`, `view3d`). `hide` names the
 * controls a link's `<control>_hide=1` took away.
 */
export function ModelChips({
  show,
  hide,
}: {
  show: readonly ('skip' | 'plane' | 'figure')[];
  hide: ReadonlySet<string>;
}) {
  const settings = useLandscapeStore((s) => s.settings);
  const view3d = useLandscapeStore((s) => s.look.view3d === true);
  const { set, setLook } = useLandscapeStore.getState();
  const has = (c: string) => !hide.has(c) && (c === 'model' || show.includes(c as 'skip'));
  return (
    <div className="lw-chips">
      {has('model') && <DepthChips />}
      {has('skip') && (
        <Toggle
          label="skip connections"
          ariaLabel="Skip connections"
          checked={settings.skip}
          onChange={(skip) => set({ skip })}
        />
      )}
      {has('plane') && (
        <div className="chips" role="group" aria-label="Plane">
          {(Object.keys(PLANES) as LandscapeViewKind[]).map((v) => (
            <button
              key={v}
              type="button"
              className="chip"
              aria-pressed={settings.view === v}
              onClick={() => set({ view: v })}
            >
              {PLANES[v]}
            </button>
          ))}
        </div>
      )}
      {has('figure') && (
        <div className="chips" role="group" aria-label="Figure">
          {[false, true].map((on) => (
            <button
              key={String(on)}
              type="button"
              className="chip"
              aria-pressed={view3d === on}
              onClick={() => setLook({ view3d: on || undefined })}
            >
              {on ? '3D' : 'Contour'}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
