import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';

/** The floor square and corner posts of the [−1, 1]² × [0, height] box the surface lives in. */
export function BoxFrame({ height, color }: { height: number; color: string }) {
  const geometry = useMemo(() => {
    const c = [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ];
    const v: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [x0, y0] = c[i],
        [x1, y1] = c[(i + 1) % 4];
      v.push(x0, y0, 0, x1, y1, 0, x0, y0, 0, x0, y0, height);
    }
    return new BufferGeometry().setAttribute('position', new Float32BufferAttribute(v, 3));
  }, [height]);
  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial color={color} transparent opacity={0.6} />
    </lineSegments>
  );
}
