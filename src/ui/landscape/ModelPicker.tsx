import { useLandscapeStore } from '../../state/landscapeStore';
import { Toggle } from '../controls/Toggle';
import { DepthChips } from './DepthChips';

/** Depth, skip connections (one click to contrast), and random plane vs PCA plane. */
export function ModelPicker() {
  const settings = useLandscapeStore((s) => s.settings);
  const set = useLandscapeStore((s) => s.set);
  return (
    <fieldset className="card ls-model">
      <legend>Model</legend>
      <DepthChips />
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
