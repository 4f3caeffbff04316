/**
 * The comparison grid read row by row, in words: each network without skip connections against
 * its twin with them (core/view/sliceReading's twin sentences), plus both test accuracies, so a
 * reader can tell a rough slice of a trained net from one of a net that never learned. Made from
 * the shipped files as they are loaded, so the words follow the data when the nets are retrained.
 */
import type { CompareCell } from '../core/view/compareGrid';
import { twinConvexitySentence, twinSentence } from '../core/view/sliceReading';
import type { CompareData } from './compareSlices';
import { viewSummary } from './landscapeView';

export interface TwinReading {
  /** The no-skip net's model name (`resnet-56-ns`). */
  model: string;
  /** "ResNet-56 without skip connections". */
  label: string;
  sentences: string[];
}

const accuracy = (c: CompareCell) =>
  c.testAccuracy === undefined ? null : `${c.testAccuracy.toFixed(1)} %`;

/** One reading per grid row whose two slices both loaded with numbers, in the grid's order. */
export function twinReadings(data: CompareData): TwinReading[] {
  const out: TwinReading[] = [];
  for (const row of data.grid.groups.flatMap((g) => g.rows)) {
    const [skip, plain] = row.cells;
    if (!skip || !plain) continue;
    const a = data.slices.get(plain.model)?.view;
    const b = data.slices.get(skip.model)?.view;
    const numbers = a && viewSummary(a).rough;
    const twinNumbers = b && viewSummary(b).rough;
    if (!numbers || !twinNumbers) continue;
    const twin = { label: skip.label, numbers: twinNumbers };
    const sentences = [twinSentence(numbers, twin), twinConvexitySentence(numbers, twin)];
    const accA = accuracy(plain),
      accB = accuracy(skip);
    if (accA && accB)
      sentences.push(`Test accuracy: ${accA} without skip connections, ${accB} with them.`);
    const kept = sentences.filter((s): s is string => s !== null);
    if (kept.length) out.push({ model: plain.model, label: plain.label, sentences: kept });
  }
  return out;
}
