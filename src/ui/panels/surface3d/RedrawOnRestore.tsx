import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

/**
 * Draws a frame when the browser gives back a lost WebGL context. three.js rebuilds its GPU
 * state on `webglcontextrestored` (geometry and materials are uploaded again from their arrays
 * at the next render), but a view rendered on demand draws nothing until asked, so without this
 * it stays one colour after a GPU reset.
 */
export function RedrawOnRestore() {
  const canvas = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const redraw = () => invalidate();
    canvas.addEventListener('webglcontextrestored', redraw);
    return () => canvas.removeEventListener('webglcontextrestored', redraw);
  }, [canvas, invalidate]);
  return null;
}
