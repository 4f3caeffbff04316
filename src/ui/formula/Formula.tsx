import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/**
 * A KaTeX formula as HTML (errors render inline in red instead of throwing). The markup is
 * computed once per `tex`; `label` (default: the TeX source) is what screen readers announce.
 */
export function Formula({ tex, label }: { tex: string; label?: string }) {
  const html = useMemo(
    () => katex.renderToString(tex, { throwOnError: false, output: 'html' }),
    [tex],
  );
  return (
    <span
      className="formula"
      role="math"
      aria-label={label ?? tex}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
