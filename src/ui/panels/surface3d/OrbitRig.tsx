import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

/** Drag to orbit, wheel/pinch to zoom, right-drag to pan; each change asks for one frame (demand frameloop). */
export function OrbitRig({ target }: { target: readonly [number, number, number] }) {
  const camera = useThree((s) => s.camera);
  const dom = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const [tx, ty, tz] = target;
  useEffect(() => {
    const controls = new OrbitControls(camera, dom);
    controls.target.set(tx, ty, tz);
    controls.minDistance = 1;
    controls.maxDistance = 10;
    controls.update();
    const onChange = () => invalidate();
    controls.addEventListener('change', onChange);
    invalidate();
    return () => {
      controls.removeEventListener('change', onChange);
      controls.dispose();
    };
  }, [camera, dom, invalidate, tx, ty, tz]);
  return null;
}
