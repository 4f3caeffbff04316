import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { InstancedInterleavedBuffer, InterleavedBufferAttribute, type Mesh } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { placePath, type PathFrame } from '../../../core/view/heightField';

export interface Trajectory3D {
  id: string;
  color: string;
  /** Flat x₀, y₀, x₁, y₁, … after each step. */
  params: Float64Array;
  steps: number;
  start: readonly [number, number];
}

/** Radius of the current-position ball, in world units (the surface spans [−1, 1]²). */
export const MARKER_RADIUS = 0.04;

/**
 * One trajectory drawn on the surface up to `currentStep`, with a ball at the current point.
 * The line buffer is allocated once (grown by doubling when a longer run arrives) and filled in
 * place when the data changes; moving `currentStep` only changes the instance count and the ball.
 */
export function TrajectoryPath({
  trajectory,
  frame,
  currentStep,
  lineWidth,
}: {
  trajectory: Trajectory3D;
  frame: PathFrame;
  currentStep: number;
  lineWidth: number;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const { line, geometry, material } = useMemo(() => {
    const geometry = new LineSegmentsGeometry();
    const material = new LineMaterial({ linewidth: 3, worldUnits: false });
    const line = new LineSegments2(geometry, material);
    line.frustumCulled = false; // the bounding sphere is never recomputed for in-place updates
    return { line, geometry, material };
  }, []);
  const ball = useRef<Mesh>(null);
  // points: world (X, Y, Z) of every path vertex; segments: the (start, end) pairs LineSegments2 reads.
  const buf = useRef({
    points: new Float32Array(0),
    segments: null as InstancedInterleavedBuffer | null,
    capacity: 0,
  });
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );

  useLayoutEffect(() => {
    material.color.set(trajectory.color);
    material.linewidth = lineWidth;
    invalidate();
  }, [material, trajectory.color, lineWidth, invalidate]);

  const { params, steps } = trajectory;
  const [sx, sy] = trajectory.start; // by value: a parent may rebuild the tuple each render
  useLayoutEffect(() => {
    const b = buf.current,
      pieces = Math.max(steps, 1) * frame.subdiv;
    if (pieces > b.capacity) {
      b.capacity = Math.max(pieces, 2 * b.capacity, 256);
      b.points = new Float32Array((b.capacity + 1) * 3);
      b.segments = new InstancedInterleavedBuffer(new Float32Array(b.capacity * 6), 6, 1);
      geometry.dispose(); // frees the old GPU buffers; the geometry uploads the new ones on next draw
      geometry.setAttribute('instanceStart', new InterleavedBufferAttribute(b.segments, 3, 0));
      geometry.setAttribute('instanceEnd', new InterleavedBufferAttribute(b.segments, 3, 3));
    }
    placePath(frame, [sx, sy], params, 0, steps, b.points);
    const seg = b.segments!.array as Float32Array,
      pts = b.points,
      n = steps * frame.subdiv;
    for (let m = 0; m < n; m++) seg.set(pts.subarray(3 * m, 3 * m + 6), 6 * m);
    b.segments!.clearUpdateRanges();
    b.segments!.addUpdateRange(0, n * 6);
    b.segments!.needsUpdate = true;
    invalidate();
  }, [geometry, frame, params, steps, sx, sy, invalidate]);

  useLayoutEffect(() => {
    const k = Math.max(0, Math.min(Math.floor(currentStep) || 0, steps));
    geometry.instanceCount = k * frame.subdiv;
    line.visible = k > 0;
    const p = 3 * k * frame.subdiv,
      pts = buf.current.points;
    ball.current?.position.set(pts[p], pts[p + 1], pts[p + 2] + MARKER_RADIUS * 0.5);
    invalidate();
  }, [geometry, line, frame, params, steps, sx, sy, currentStep, invalidate]);

  return (
    <group>
      <primitive object={line} />
      <mesh ref={ball}>
        <sphereGeometry args={[MARKER_RADIUS, 24, 16]} />
        <meshLambertMaterial
          color={trajectory.color}
          emissive={trajectory.color}
          emissiveIntensity={0.35}
        />
      </mesh>
    </group>
  );
}
