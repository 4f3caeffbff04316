import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide } from 'three';
import type { SurfaceMeshData } from '../../../core/view/heightField';

/**
 * The surface as a lit, vertex-coloured mesh. The geometry is built once per grid size; new data
 * (another surface, box or height transform) is copied into its attributes in place.
 */
export function SurfaceMesh({ data }: { data: SurfaceMeshData }) {
  const invalidate = useThree((s) => s.invalidate);
  const vertexCount = data.positions.length / 3,
    indexCount = data.indices.length;
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(vertexCount * 3), 3));
    g.setAttribute('color', new BufferAttribute(new Float32Array(vertexCount * 3), 3));
    g.setAttribute('normal', new BufferAttribute(new Float32Array(vertexCount * 3), 3));
    g.setIndex(new BufferAttribute(new Uint32Array(indexCount), 1));
    return g;
  }, [vertexCount, indexCount]);
  useEffect(() => () => geometry.dispose(), [geometry]);

  useLayoutEffect(() => {
    const position = geometry.getAttribute('position') as BufferAttribute;
    const color = geometry.getAttribute('color') as BufferAttribute;
    (position.array as Float32Array).set(data.positions);
    (color.array as Float32Array).set(data.colors);
    (geometry.index!.array as Uint32Array).set(data.indices);
    position.needsUpdate = color.needsUpdate = geometry.index!.needsUpdate = true;
    geometry.computeVertexNormals();
    geometry.computeBoundingSphere();
    invalidate();
  }, [geometry, data, invalidate]);

  return (
    <mesh geometry={geometry}>
      {/* Pushed back in depth (slope-scaled) so paths lying on steep walls are not cut by it. */}
      <meshLambertMaterial
        vertexColors
        side={DoubleSide}
        polygonOffset
        polygonOffsetFactor={2}
        polygonOffsetUnits={2}
      />
    </mesh>
  );
}
