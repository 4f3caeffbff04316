import { useLandscapeStore } from '../../state/landscapeStore';
import { DEPTHS } from '../../state/landscapeUrl';
import { Toggle } from '../controls/Toggle';

/** Depth, skip connections (one click to contrast), and random plane vs PCA plane. */
export function ModelPicker() {
  const settings = useLandscapeStore((s) => s.settings);
  const set = useLandscapeStore((s) => s.set);
  return (
    <fieldset className="card ls-model">
      <legend>Model</legend>
      <div className="chips" role="group" aria-label="Depth">
        {DEPTHS.map((d) => (
          <button
            key={d}
            type="button"
            className="chip"
            aria-pressed={settings.depth === d}
            onClick={() => set({ depth: d })}
          >
            ResNet-{d}
          </button>
        ))}
      </div>
      <Toggle
        label="skip connections"
        ariaLabel="Skip connections"
        checked={settings.skip}
        onChange={(skip) => set({ skip })}
      />
      <p className="explain">
        Off: the same network with its identity shortcuts removed (ResNet-{settings.depth}-NS), as
        in Li et al.'s Fig. 5.
      </p>
      <div className="ls-radios" role="radiogroup" aria-label="Plane">
        <label>
          <input
            type="radio"
            name="ls-view"
            checked={settings.view === 'random'}
            onChange={() => set({ view: 'random' })}
          />{' '}
          Random directions
        </label>
        <label>
          <input
            type="radio"
            name="ls-view"
            checked={settings.view === 'pca'}
            onChange={() => set({ view: 'pca' })}
          />{' '}
          PCA plane + training trajectory
        </label>
      </div>
    </fieldset>
  );
}
