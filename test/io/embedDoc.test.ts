import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/ui/embed/widgets';

/** docs/EMBED.md's widget table: one row per kind of the registry, with its compact controls. */
const doc = readFileSync(resolve(import.meta.dirname, '../../docs/EMBED.md'), 'utf8');
const rows = new Map(
  doc
    .split('\n')
    .map((line) => /^\| `([a-z0-9-]+)` \| (race|landscape|map) \|[^|]*\| (.*) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [
      m[1],
      { family: m[2], controls: [...m[3].matchAll(/`([^`]+)`/g)].map((c) => c[1]) },
    ]),
);

describe('docs/EMBED.md', () => {
  it('lists every widget kind, its page and its compact controls, and no other', () => {
    expect([...rows.keys()]).toEqual(WIDGETS.map((w) => w.id));
    for (const w of WIDGETS)
      expect(rows.get(w.id), w.id).toEqual({ family: w.family, controls: [...w.controls] });
  });
});
