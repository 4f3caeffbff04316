/**
 * A long update rule as the clauses it lists ("m_t = …,\ v_t = …,\quad θ_t = …"), split at its
 * top-level comma separators, so a narrow card can break the rule between clauses rather than
 * inside "(1 − β₂)". Each clause keeps its comma; braces, \left…\right and \begin…\end groups
 * are never split. A rule without such separators is one clause.
 */
export function texClauses(tex: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < tex.length) {
    const rest = tex.slice(i);
    const open = /^(\\left\b|\\begin\{[^}]*\}|\{)/.exec(rest);
    const close = /^(\\right\b|\\end\{[^}]*\}|\})/.exec(rest);
    if (rest.startsWith('\\{') || rest.startsWith('\\}')) {
      i += 2; // a literal brace, not a group
      continue;
    }
    if (open) {
      depth++;
      i += open[0].length;
      continue;
    }
    if (close) {
      depth = Math.max(0, depth - 1);
      i += close[0].length;
      continue;
    }
    const sep = depth === 0 ? /^,\s*(\\qquad|\\quad|\\ )\s*/.exec(rest) : null;
    if (sep) {
      out.push(tex.slice(start, i + 1));
      i += sep[0].length;
      start = i;
      continue;
    }
    i += rest.startsWith('\\') ? 2 : 1; // an escape (\, or \;) is never a separator
  }
  const last = tex.slice(start);
  if (last.trim() !== '' || out.length === 0) out.push(last);
  return out;
}
