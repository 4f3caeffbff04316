import { useMemo, useRef } from 'react';
import type { StepArrowKind } from '../../core/view/stepArrows';
import { stepArrows, stepVectors } from '../../core/view/stepArrows';
import { raceDrawingSize, viewScales } from '../../core/view/viewScales';
import { ARROW_STYLE } from '../../draw/paintStepArrows';
import { useViewStore } from '../../state/viewStore';
import { Toggle } from '../controls/Toggle';
import { useStepEffect } from '../hooks/usePlaybackRef';
import { useRacers } from '../hooks/useRacers';
import { useSurface } from '../hooks/useSurface';
import './stepArrowLegend.css';

/**
 * "Anatomy of a step": the toggle, and while it is on, what the race's step arrows are (the
 * painter is draw/paintStepArrows, the geometry core/view/stepArrows) and, per racer, which
 * buffer its dashed arrow is and how much its arrows are magnified at the shown step.
 */
export function StepArrowLegend() {
  const on = useViewStore((s) => s.arrows);
  const setArrows = useViewStore((s) => s.setArrows);
  return (
    <section className="step-anatomy" aria-label="Anatomy of a step">
      <Toggle label="Anatomy of a step" checked={on} onChange={setArrows} />
      {on && <ArrowKey />}
    </section>
  );
}

function ArrowKey() {
  const racers = useRacers();
  const surface = useSurface();
  const scales = useMemo(() => {
    const size = raceDrawingSize(surface.domain);
    return viewScales(surface.domain, size.width, size.height);
  }, [surface]);
  const zoom = useRef<(HTMLSpanElement | null)[]>([]);
  useStepEffect(
    (step) => {
      racers.forEach((r, i) => {
        const el = zoom.current[i];
        const set = r.result ? stepArrows(r.result, step, scales) : null;
        if (!el || !set) return;
        el.textContent =
          set.magnification > 1
            ? `arrows ×${set.magnification.toLocaleString('en')} (step ${set.index + 1})`
            : `arrows ×1, true length (step ${set.index + 1})`;
      });
    },
    [racers, scales],
  );
  return (
    <div className="step-key">
      <p className="step-key-note">
        At each racer’s shown point, the step it takes from there, in the axes’ units:
      </p>
      <ul className="step-key-kinds">
        <li>
          <ArrowSwatch kind="gradient" />
          <span>
            <strong>−lr·g</strong>: the step plain gradient descent would take (g: the gradient this
            step used)
          </span>
        </li>
        <li>
          <ArrowSwatch kind="moment" />
          <span>
            <strong>−lr·m</strong>: the same lr on the momentum buffer or first moment after the
            step, as kept (not bias-corrected, not divided by √v)
          </span>
        </li>
        <li>
          <ArrowSwatch kind="update" />
          <span>
            <strong>θₜ₊₁ − θₜ</strong>: the step actually taken
          </span>
        </li>
      </ul>
      <ul className="step-key-racers" aria-label="Step arrows per racer">
        {racers.map((r, i) => {
          const res = r.result;
          const m = res?.momentOf;
          const hasBuffer = res ? stepVectors(res, 0)?.moment != null : false;
          return (
            <li key={r.id}>
              <span className="step-key-dot" style={{ background: r.color }} aria-hidden="true" />
              <strong>{r.name}</strong>
              <span>
                {!m
                  ? 'no momentum buffer'
                  : !hasBuffer
                    ? `no ${m.label} (momentum 0)`
                    : m.units === 'step'
                      ? `dashed: −b, its ${m.label}`
                      : `dashed: −lr × its ${m.label}`}
              </span>
              <span
                className="step-key-zoom"
                ref={(el) => {
                  zoom.current[i] = el;
                }}
              />
            </li>
          );
        })}
      </ul>
      <p className="step-key-note">
        Where a racer’s step is too short to see, its three arrows are lengthened by the same
        factor; a ring marks an arrow too short even then.
      </p>
    </div>
  );
}

/** A short arrow drawn as the race draws that kind, in the text colour. */
function ArrowSwatch({ kind }: { kind: StepArrowKind }) {
  const { width, dash } = ARROW_STYLE[kind];
  return (
    <svg className="step-swatch" width="40" height="14" viewBox="0 0 40 14" aria-hidden="true">
      <line x1="2" y1="7" x2="30" y2="7" strokeWidth={width} strokeDasharray={dash.join(' ')} />
      <path d="M39 7 L29 2 L29 12 Z" />
    </svg>
  );
}
