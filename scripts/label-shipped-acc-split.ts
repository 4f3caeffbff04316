/**
 * One-off migration (#10): says which split each shipped slice's centre accuracy is on.
 *
 *   npx tsx scripts/label-shipped-acc-split.ts [--root public]
 *
 * scripts/make-shipped-landscapes.ts has always written the trained net's *test* accuracy
 * (`weights.json` → `training.testAccuracy`: the 1000-image test split, BN in eval mode) into
 * `centre.acc`, while the slice's `data.split` is 'train' (the images its loss is on), so the
 * page read it as training accuracy. This adds `centre.accSplit: 'test'` to every
 * `<root>/landscapes/*.json` slice and changes nothing else. Deterministic, and refuses rather
 * than guesses:
 * * the label comes from how the generator measured the number, and is checked against it: the
 *   file's `centre.acc` must be 100 × its model's `training.testAccuracy` as the generator
 *   rounds it (7 significant digits), else the weights were retrained after the slice was made;
 * * the file must re-serialise to its own bytes before the label goes in (`JSON.stringify`, as
 *   the generator writes it), so no number is rewritten;
 * * a file already labelled 'test' is left alone; any other label is refused.
 * Exit 0 when every slice is labelled (lists what it wrote), 1 naming each file it refused.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { root: { type: 'string', default: 'public' } },
});
const root = args.root!;
const dir = path.join(root, 'landscapes');
/** make-shipped-landscapes.ts's `round`. */
const round = (v: number) => Number(v.toPrecision(7));

/** The file's text with the label added, or why not; null: already labelled. */
function labelled(file: string, text: string): string | null | Error {
  const j = JSON.parse(text) as {
    format?: string;
    model?: string;
    centre?: { loss: number; acc: number; accSplit?: string };
  };
  if (j.format !== 'landscape-lab-landscape/1' || !j.centre || typeof j.model !== 'string')
    return new Error(`${file}: not a landscape slice (format, model, centre)`);
  if (j.centre.accSplit === 'test') return null;
  if (j.centre.accSplit !== undefined)
    return new Error(`${file}: centre.accSplit is already ${JSON.stringify(j.centre.accSplit)}`);
  if (`${JSON.stringify(j)}\n` !== text)
    return new Error(`${file}: does not re-serialise to its own bytes; not rewriting it`);
  const weights = path.join(root, 'models', j.model, 'weights.json');
  const test = (
    JSON.parse(readFileSync(weights, 'utf8')) as { training?: { testAccuracy?: number } }
  ).training?.testAccuracy;
  if (typeof test !== 'number' || round(100 * test) !== j.centre.acc)
    return new Error(
      `${file}: centre.acc ${j.centre.acc} is not ${weights}'s test accuracy (${test}); re-slice it with make-shipped-landscapes.ts instead`,
    );
  // Key order as the generator writes it: loss, acc, accSplit.
  const centre = { ...j.centre, accSplit: 'test' };
  return `${JSON.stringify({ ...j, centre })}\n`;
}

let failed = false;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.json') || name === 'index.json') continue;
  const file = path.join(dir, name);
  const out = labelled(file, readFileSync(file, 'utf8'));
  if (out instanceof Error) {
    console.error(out.message);
    failed = true;
  } else if (out === null) console.log(`${file}: already labelled`);
  else {
    writeFileSync(file, out);
    console.log(`${file}: centre.accSplit = 'test'`);
  }
}
process.exit(failed ? 1 : 0);
