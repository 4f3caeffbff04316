import { Canvas } from '@react-three/fiber';
import { useMemo, useState } from 'react';
import type { Surface, ViewBox } from '../../core/surfaces/surface';
import { heightScale, surfaceMeshData, type PathFrame } from '../../core/view/heightField';
import type { OrbitView } from '../../core/view/orbitView';
import { sampleGrid } from '../../core/view/sampleGrid';
import { BoxFrame } from './surface3d/BoxFrame';
import type { CameraSync } from './surface3d/cameraSync';
import { OrbitRig } from './surface3d/OrbitRig';
import { RedrawOnRestore } from './surface3d/RedrawOnRestore';
import { SurfaceMesh } from './surface3d/SurfaceMesh';
import { SCENE_THEMES } from './surface3d/theme';
import { TrajectoryPath, type Trajectory3D } from './surface3d/TrajectoryPath';

export type { Trajectory3D } from './surface3d/TrajectoryPath';

export interface Surface3DProps {
  surface: Surface;
  box: ViewBox;
  trajectories: readonly Trajectory3D[];
  /** Steps drawn of each trajectory (0 = only the start); clamped to each run's length. */
  currentStep: number;
  /** Height by a log of f (`logScale`) instead of f. */
  logHeight: boolean;
  /** Which log heights (and log colours, for a surface with `logColor`) use: a loss takes 'logValue' (heightField). */
  logScale?: 'log' | 'logValue';
  ariaLabel?: string;
  theme?: 'light' | 'dark';
  /** Where the camera starts (a link's `cam`); absent: the default view. */
  camera?: OrbitView;
  /** Called (debounced) after the user moves the camera, to keep it in the link. */
  onCameraChange?(v: OrbitView): void;
  /** The value range heights and colours span, when views side by side share one; absent: the surface's own. */
  range?: { min: number; max: number };
  /** One camera shared with the other views of a group (surface3d/cameraSync). */
  cameraSync?: CameraSync;
  /** Leave out cells with a NaN corner (a measured slice's points not computed) instead of drawing them at the top. */
  holes?: boolean;
}

/** Grid resolution of the mesh (vertices per side). */
const GRID = 201;
/** Height of the box the surface is normalised into (its floor is [−1, 1]²). */
const Z_MAX = 1;
const TARGET = [0, 0, 0.3 * Z_MAX] as const;

/**
 * The surface as a shaded, viridis-coloured 3D mesh with each trajectory drawn on it. Renders on
 * demand: an idle view costs nothing, and a frame is drawn only when data, step or camera change
 * (or a lost WebGL context comes back).
 */
export function Surface3D({
  surface,
  box,
  trajectories,
  currentStep,
  logHeight,
  logScale = 'log',
  ariaLabel = '3D surface',
  theme = 'light',
  camera,
  onCameraChange,
  cameraSync,
  range,
  holes = false,
}: Surface3DProps) {
  const { xmin, xmax, ymin, ymax } = box;
  const { mesh, frame } = useMemo(() => {
    const b = { xmin, xmax, ymin, ymax };
    const grid = sampleGrid(surface, b, GRID, GRID);
    const span = range ?? grid;
    const height = heightScale(span, logHeight ? logScale : 'linear', Z_MAX);
    const color = heightScale(span, surface.logColor ? logScale : 'linear', 1);
    const frame: PathFrame = { surface, box: b, scale: height, lift: 0.012, subdiv: 4 };
    return { mesh: surfaceMeshData(grid, height, color, holes), frame };
  }, [surface, xmin, xmax, ymin, ymax, logHeight, logScale, holes, range]);
  const colors = SCENE_THEMES[theme];
  // The focusable panel: arrow keys orbit and + / − zoom while it has focus (OrbitRig).
  const [panel, setPanel] = useState<HTMLDivElement | null>(null);

  return (
    <div
      ref={setPanel}
      role="img"
      aria-label={ariaLabel}
      tabIndex={0}
      className="surface3d-view"
      style={{ position: 'relative', width: '100%', height: '100%', minHeight: 320 }}
    >
      <Canvas
        frameloop="demand"
        flat
        dpr={[1, 2]}
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        camera={{ position: [2.3, -3.0, 2.7], up: [0, 0, 1], fov: 38, near: 0.05, far: 50 }}
        aria-hidden
      >
        <color attach="background" args={[colors.background]} />
        <ambientLight intensity={colors.ambient} />
        <directionalLight position={[1.5, -2, 4]} intensity={colors.key} />
        <SurfaceMesh data={mesh} />
        <BoxFrame height={Z_MAX} color={colors.frame} />
        {trajectories.map((t) => (
          <TrajectoryPath
            key={t.id}
            trajectory={t}
            frame={frame}
            currentStep={currentStep}
            lineWidth={3.5}
          />
        ))}
        <OrbitRig
          target={TARGET}
          keyTarget={panel}
          view={camera}
          onViewChange={onCameraChange}
          sync={cameraSync}
        />
        <RedrawOnRestore />
      </Canvas>
    </div>
  );
}
