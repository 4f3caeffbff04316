import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useLayoutEffect, useRef } from 'react';

/**
 * A KaTeX formula (errors render inline in red instead of throwing); `label` (default: the TeX
 * source) is what screen readers announce. KaTeX builds the DOM nodes itself (`katex.render`)
 * rather than an HTML string: it positions glyphs with style attributes, which the site's
 * Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') blocks in parsed HTML but not
 * when they are set through the DOM's style properties, as `render` does.
 */
export function Formula({ tex, label }: { tex: string; label?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (ref.current) katex.render(tex, ref.current, { throwOnError: false, output: 'html' });
  }, [tex]);
  return <span ref={ref} className="formula" role="math" aria-label={label ?? tex} />;
}
