import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import {
  orbitOffset,
  orbitViewOf,
  roundOrbitView,
  type OrbitView,
} from '../../../core/view/orbitView';
import { cameraCodec } from '../../../io/cameraParam';
import type { CameraSync } from './cameraSync';
import { orbitByKey } from './orbitByKey';

const MIN_DISTANCE = 1,
  MAX_DISTANCE = 10;
/** A drag or a held arrow key moves the camera many times a second; the link follows its rest. */
const REPORT_AFTER_MS = 250;

/**
 * Drag to orbit, wheel/pinch to zoom, right-drag to pan; arrow keys orbit and + / − zoom while
 * `keyTarget` (the focusable panel around the canvas) has focus. Each change asks for one frame
 * (demand frameloop).
 *
 * `view` (from a link) places the camera once, when the rig starts; after each move by the user
 * (a drag, the wheel, a key) `onViewChange` gets the new view, debounced, rounded as a link
 * writes it. The panel's `data-camera` says where the camera is, as `cam=` would.
 * `sync`: the views of one group share a camera (cameraSync); the user's moves here are
 * published as they happen, and the others' moves are followed without being reported again.
 */
export function OrbitRig({
  target,
  keyTarget,
  view,
  onViewChange,
  sync,
}: {
  target: readonly [number, number, number];
  keyTarget?: HTMLElement | null;
  view?: OrbitView;
  onViewChange?(v: OrbitView): void;
  sync?: CameraSync;
}) {
  const camera = useThree((s) => s.camera);
  const dom = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const [tx, ty, tz] = target;
  // Read when the rig starts, not followed: the link's view is this rig's own report.
  const initialView = useRef(view);
  const report = useRef(onViewChange);
  report.current = onViewChange;
  useEffect(() => {
    const controls = new OrbitControls(camera, dom);
    controls.target.set(tx, ty, tz);
    controls.minDistance = MIN_DISTANCE;
    controls.maxDistance = MAX_DISTANCE;
    if (initialView.current) {
      const [dx, dy, dz] = orbitOffset(initialView.current);
      camera.position.set(tx + dx, ty + dy, tz + dz);
      camera.lookAt(controls.target);
      initialView.current = undefined; // applied once; a re-run keeps the user's camera
    }
    const place = ([dx, dy, dz]: readonly [number, number, number]) => {
      camera.position.set(tx + dx, ty + dy, tz + dz);
      camera.lookAt(controls.target);
    };
    // A view that joins its group late starts where the group's camera is now.
    if (sync?.last) place(sync.last);
    controls.update();
    const current = () => {
      const p = camera.position;
      return roundOrbitView(orbitViewOf([p.x - tx, p.y - ty, p.z - tz]));
    };
    const mark = () => keyTarget?.setAttribute('data-camera', cameraCodec.format(current()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const moved = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        mark();
        report.current?.(current());
      }, REPORT_AFTER_MS);
    };
    // Only the user's own moves are published: between a drag's (or wheel turn's) start and end.
    let moving = false;
    const publish = () => {
      const p = camera.position;
      sync?.publish(controls, [p.x - tx, p.y - ty, p.z - tz]);
    };
    const onStart = () => {
      moving = true;
    };
    const onEnd = () => {
      moving = false;
      moved();
    };
    const onChange = () => {
      invalidate();
      if (moving) publish();
    };
    const unfollow = sync?.subscribe((from, offset) => {
      if (from === controls) return;
      place(offset);
      controls.update();
      invalidate();
      mark();
    });
    controls.addEventListener('start', onStart);
    controls.addEventListener('change', onChange);
    // 'end' closes a drag or a wheel turn: the user moved it (update() alone fires 'change').
    controls.addEventListener('end', onEnd);
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (!orbitByKey(camera, controls.target, e.key, MIN_DISTANCE, MAX_DISTANCE)) return;
      e.preventDefault(); // arrows would scroll the page
      controls.update();
      invalidate();
      publish();
      moved();
    };
    keyTarget?.addEventListener('keydown', onKey);
    mark();
    invalidate();
    return () => {
      clearTimeout(timer);
      keyTarget?.removeEventListener('keydown', onKey);
      unfollow?.();
      controls.removeEventListener('start', onStart);
      controls.removeEventListener('change', onChange);
      controls.removeEventListener('end', onEnd);
      controls.dispose();
    };
  }, [camera, dom, invalidate, tx, ty, tz, keyTarget, sync]);
  return null;
}
