/**
 * One camera for several 3D views (the comparison view's small multiples): the view the user
 * moves publishes where its camera sits relative to the orbit target, every other view of the
 * group follows at once. `last` lets a view mounted later start where the others are.
 */
export type CameraOffset = readonly [number, number, number];

export interface CameraSync {
  last: CameraOffset | null;
  publish(from: object, offset: CameraOffset): void;
  subscribe(listener: (from: object, offset: CameraOffset) => void): () => void;
}

export function cameraSync(): CameraSync {
  const listeners = new Set<(from: object, offset: CameraOffset) => void>();
  return {
    last: null,
    publish(from, offset) {
      this.last = offset;
      for (const l of listeners) l(from, offset);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
