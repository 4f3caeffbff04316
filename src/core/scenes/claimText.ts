import { formatValue } from '../view/sliderScale';
import { SETTLE_FRACTION, type Claim, type Place } from './sceneSpec';

// A true minus sign, as formatValue writes it in exponents.
const num = (v: number) => formatValue(v).replace(/^-/, '−');
const place = (p: Place) => `${p.name} (${num(p.at[0])}, ${num(p.at[1])})`;

/**
 * A claim as the scene card says it, with its numbers: the same record the tests check, so the
 * sentence cannot say more than the runs show. `nameOf` gives a racer key's legend name.
 */
export function claimSentence(c: Claim, nameOf: (key: string) => string, steps: number): string {
  if ('diverges' in c) return `${nameOf(c.racer)} diverges: its loss overflows and the run stops.`;
  if ('finalLossBelow' in c)
    return `${nameOf(c.racer)} ends with a loss below ${num(c.finalLossBelow)}.`;
  if ('finalLossAbove' in c)
    return `${nameOf(c.racer)} ends above a loss of ${num(c.finalLossAbove)}, after ${steps} steps.`;
  if ('within' in c)
    return `${nameOf(c.racer)} gets below a loss of ${num(c.reaches)} within ${c.within} steps.`;
  if ('notWithin' in c)
    return `${nameOf(c.racer)} needs more than ${c.notWithin} steps to get below a loss of ${num(c.reaches)}.`;
  if ('faster' in c)
    return `${nameOf(c.faster[0])} gets below a loss of ${num(c.toLoss)} before ${nameOf(c.faster[1])}.`;
  if ('monotone' in c)
    return c.monotone
      ? `The loss of ${nameOf(c.racer)} falls at every step.`
      : `The loss of ${nameOf(c.racer)} goes up as well as down.`;
  if ('endsNearer' in c)
    return `${nameOf(c.racer)} ends nearer ${place(c.endsNearer)} than ${place(c.than)}.`;
  if ('nearer' in c)
    return `${nameOf(c.nearer[0])} ends nearer ${place(c.to)} than ${nameOf(c.nearer[1])}.`;
  const tail = Math.max(1, Math.round(steps * SETTLE_FRACTION));
  return `${nameOf(c.settlesLower[0])} settles lower than ${nameOf(c.settlesLower[1])} (mean loss over the last ${tail} steps).`;
}
