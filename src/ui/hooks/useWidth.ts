import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The content width of an element in CSS pixels, kept current by a ResizeObserver. Every chart
 * of both pages draws in these pixels (its viewBox is its measured box), so its text keeps the
 * size the type table gives it, at 360 px and on a projector alike.
 */
export function useWidth<T extends HTMLElement>(fallback = 600) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || fallback);
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width) || fallback));
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallback]);
  return { ref, width };
}
