import { findOptimizer } from '../../../core/optimizers/registry';
import { SURFACES } from '../../../core/surfaces/registry';
import { Formula } from '../../formula/Formula';

/**
 * An optimizer's update rule as the code states it (its registry record's TeX), never retyped,
 * so the lesson shows exactly the rule the race runs.
 */
export function Rule({ optimizer }: { optimizer: string }) {
  const spec = findOptimizer(optimizer);
  if (!spec) return <p className="lesson-missing">No optimizer named “{optimizer}”.</p>;
  return (
    <div className="lesson-rule">
      <span className="lesson-rule-name">{spec.type}</span>
      <Formula tex={spec.tex} label={`${spec.type} update rule: ${spec.tex}`} />
    </div>
  );
}

/** A surface's formula as its registry record states it, at the given parameters. */
export function SurfaceRule({
  surface,
  params = {},
}: {
  surface: string;
  params?: Record<string, number>;
}) {
  const spec = SURFACES.find((s) => s.id === surface);
  if (!spec) return <p className="lesson-missing">No surface named “{surface}”.</p>;
  const { tex } = spec.create(params);
  return (
    <div className="lesson-rule">
      <Formula tex={tex} label={`The surface: ${tex}`} />
    </div>
  );
}
