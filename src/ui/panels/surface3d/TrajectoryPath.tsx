import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { InstancedInterleavedBuffer, InterleavedBufferAttribute, type Mesh } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { placePath, type PathFrame } from '../../../core/view/heightField';
import { keptBefore } from '../../../core/view/polyline';
import { MAX_KEPT, THIN_TOLERANCE, thinPath } from './thinPath';

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
 * Every point is placed on the surface (placePath) but only the points thinPath keeps are drawn,
 * as line pieces between them in a buffer of fixed size, filled in place when the data change.
 * Slot 0 is the tail, from the last kept point before the current step to the step itself, so
 * moving `currentStep` rewrites 6 floats and the instance count.
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
  const { line, geometry, material, segments } = useMemo(() => {
    const geometry = new LineSegmentsGeometry();
    const segments = new InstancedInterleavedBuffer(new Float32Array(MAX_KEPT * 6), 6, 1);
    geometry.setAttribute('instanceStart', new InterleavedBufferAttribute(segments, 3, 0));
    geometry.setAttribute('instanceEnd', new InterleavedBufferAttribute(segments, 3, 3));
    const material = new LineMaterial({ linewidth: 3, worldUnits: false });
    const line = new LineSegments2(geometry, material);
    line.frustumCulled = false; // the bounding sphere is never recomputed for in-place updates
    return { line, geometry, material, segments };
  }, []);
  const ball = useRef<Mesh>(null);
  // points: world (X, Y, Z) of every path vertex (grown by doubling); kept: thinPath's indices.
  const buf = useRef({ points: new Float32Array(0), kept: new Uint32Array(0), count: 0 });
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
      n = Math.max(steps, 1) * frame.subdiv + 1;
    if (n > b.kept.length) {
      const capacity = Math.max(n, 2 * b.kept.length, 257);
      b.points = new Float32Array(capacity * 3);
      b.kept = new Uint32Array(capacity);
    }
    placePath(frame, [sx, sy], params, 0, steps, b.points);
    b.count = thinPath(b.points, steps * frame.subdiv + 1, THIN_TOLERANCE, MAX_KEPT, b.kept);
    const seg = segments.array as Float32Array,
      pts = b.points;
    for (let j = 1; j < b.count; j++) {
      const p = 3 * b.kept[j - 1],
        q = 3 * b.kept[j];
      seg.set(pts.subarray(p, p + 3), 6 * j);
      seg.set(pts.subarray(q, q + 3), 6 * j + 3);
    }
    segments.addUpdateRange(6, Math.max(b.count - 1, 0) * 6);
    segments.needsUpdate = true;
    invalidate();
  }, [segments, frame, params, steps, sx, sy, invalidate]);

  useLayoutEffect(() => {
    const k = Math.max(0, Math.min(Math.floor(currentStep) || 0, steps)),
      b = buf.current,
      pts = b.points,
      p = k * frame.subdiv;
    // Kept points before point p: pieces between them fill slots 1 … m−1, the tail is slot 0.
    const m = keptBefore(b.kept.subarray(0, b.count), p),
      from = 3 * b.kept[Math.max(m - 1, 0)];
    const seg = segments.array as Float32Array;
    seg.set(pts.subarray(from, from + 3), 0);
    seg.set(pts.subarray(3 * p, 3 * p + 3), 3);
    segments.addUpdateRange(0, 6);
    segments.needsUpdate = true;
    geometry.instanceCount = m;
    line.visible = k > 0;
    ball.current?.position.set(pts[3 * p], pts[3 * p + 1], pts[3 * p + 2] + MARKER_RADIUS * 0.5);
    invalidate();
  }, [geometry, line, segments, frame, params, steps, sx, sy, currentStep, invalidate]);

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
