import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useLayoutEffect, useRef } from 'react';
import { texClauses } from '../../core/view/texClauses';
import './formula.css';

/**
 * A KaTeX formula (errors render inline in red instead of throwing); `label` (default: the TeX
 * source) is what screen readers announce. KaTeX builds the DOM nodes itself (`katex.render`)
 * rather than an HTML string: it positions glyphs with style attributes, which the site's
 * Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') blocks in parsed HTML but not
 * when they are set through the DOM's style properties, as `render` does.
 *
 * Each top-level clause ("m_t = …,") is rendered into its own box, so a narrow card wraps the
 * rule between clauses; a clause wider than the card wraps where KaTeX allows (after = and +)
 * and, failing that, scrolls inside the formula rather than widening the card.
 */
export function Formula({ tex, label }: { tex: string; label?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.replaceChildren(
      ...texClauses(tex).map((clause) => {
        const box = document.createElement('span');
        box.className = 'formula-clause';
        katex.render(clause, box, { throwOnError: false, output: 'html' });
        return box;
      }),
    );
  }, [tex]);
  return <span ref={ref} className="formula" role="math" aria-label={label ?? tex} />;
}
