import type { LandscapeJson } from '../../io/landscapeJson';

/** Checkpoints farther than this from the plane (relative to their distance from the centre) are flagged. */
export const FAR_FROM_PLANE = 0.5;

/** The training trajectory projected onto the PCA plane: a path, a dot per checkpoint, far ones flagged. */
export function TrajectoryOverlay({
  trajectory: t,
  sx,
  sy,
  radius,
  farRadius,
}: {
  trajectory: NonNullable<LandscapeJson['trajectory']>;
  sx(x: number): number;
  sy(y: number): number;
  /** Radius of a checkpoint's dot, and of a far one's ring (larger in large type). */
  radius: number;
  farRadius: number;
}) {
  const d = t.x
    .map((x, k) => `${k === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(t.y[k]).toFixed(1)}`)
    .join('');
  return (
    <g className="ls-trajectory">
      <path className="ls-traj-halo" d={d} />
      <path className="ls-traj-line" d={d} />
      {t.x.map((x, k) => {
        const far = t.relativeResidual[k] > FAR_FROM_PLANE;
        return (
          <circle
            key={k}
            className={far ? 'ls-traj-point far' : 'ls-traj-point'}
            cx={sx(x)}
            cy={sy(t.y[k])}
            r={far ? farRadius : radius}
          >
            <title>
              {`step ${t.steps[k]}: distance from the plane ${(100 * t.relativeResidual[k]).toFixed(0)} % of its distance from the centre` +
                (far ? ' — the contour under this point is misleading' : '')}
            </title>
          </circle>
        );
      })}
    </g>
  );
}
