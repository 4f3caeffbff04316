import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Whether an element's content is wider than its box (so it scrolls sideways), kept current by
 * a ResizeObserver. A box that scrolls must take keyboard focus, or a keyboard user cannot read
 * its hidden part (axe's scrollable-region-focusable); one that fits should not be a tab stop.
 */
export function useOverflows<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    // The formula's glyphs arrive with its fonts, after the first layout.
    for (const child of el.children) ro.observe(child);
    return () => ro.disconnect();
  }, []);
  return { ref, overflows };
}
