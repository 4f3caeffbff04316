import { SURFACES } from '../../core/surfaces/registry';
import { useRaceStore } from '../../state/raceStore';
import { Formula } from '../formula/Formula';
import { useSurface } from '../hooks/useSurface';
import { Slider } from './Slider';

/** Which surface, what it teaches, its formula and its knobs. */
export function SurfacePicker() {
  const surface = useSurface();
  const id = useRaceStore((s) => s.surface);
  const params = useRaceStore((s) => s.surfaceParams);
  const setSurface = useRaceStore((s) => s.setSurface);
  const setParam = useRaceStore((s) => s.setSurfaceParam);
  const spec = SURFACES.find((s) => s.id === id)!;
  return (
    <section className="card surface-picker" aria-label="Surface">
      <label className="field">
        <span className="field-label">Surface</span>
        <select aria-label="Surface" value={id} onChange={(e) => setSurface(e.currentTarget.value)}>
          {SURFACES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <p className="explain">{surface.description}</p>
      <Formula tex={surface.tex} label={`${surface.name}: ${surface.tex}`} />
      {spec.params.map((p) => (
        <Slider
          key={p.key}
          label={p.label}
          value={params[p.key]}
          scale={{ kind: p.scale ?? 'linear', min: p.min, max: p.max }}
          onChange={(v) => setParam(p.key, v)}
        />
      ))}
    </section>
  );
}
