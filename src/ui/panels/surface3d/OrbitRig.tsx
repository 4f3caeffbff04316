import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { orbitByKey } from './orbitByKey';

const MIN_DISTANCE = 1,
  MAX_DISTANCE = 10;

/**
 * Drag to orbit, wheel/pinch to zoom, right-drag to pan; arrow keys orbit and + / − zoom while
 * `keyTarget` (the focusable panel around the canvas) has focus. Each change asks for one frame
 * (demand frameloop).
 */
export function OrbitRig({
  target,
  keyTarget,
}: {
  target: readonly [number, number, number];
  keyTarget?: HTMLElement | null;
}) {
  const camera = useThree((s) => s.camera);
  const dom = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const [tx, ty, tz] = target;
  useEffect(() => {
    const controls = new OrbitControls(camera, dom);
    controls.target.set(tx, ty, tz);
    controls.minDistance = MIN_DISTANCE;
    controls.maxDistance = MAX_DISTANCE;
    controls.update();
    const onChange = () => invalidate();
    controls.addEventListener('change', onChange);
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (!orbitByKey(camera, controls.target, e.key, MIN_DISTANCE, MAX_DISTANCE)) return;
      e.preventDefault(); // arrows would scroll the page
      controls.update();
      invalidate();
    };
    keyTarget?.addEventListener('keydown', onKey);
    invalidate();
    return () => {
      keyTarget?.removeEventListener('keydown', onKey);
      controls.removeEventListener('change', onChange);
      controls.dispose();
    };
  }, [camera, dom, invalidate, tx, ty, tz, keyTarget]);
  return null;
}
