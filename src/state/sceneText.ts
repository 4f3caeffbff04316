import { findOptimizer } from '../core/optimizers/registry';
import { claimSentence } from '../core/scenes/claimText';
import type { Scene } from '../core/scenes/sceneSpec';
import { decodeQuery } from '../io/queryParams';
import { parseUrlState } from './raceUrl';

/**
 * A racer's name in a scene's sentences: the label its link gives it, else its optimizer's
 * torch name (what the legend shows for the only racer of an optimizer).
 */
export function sceneRacerName(scene: Scene, key: string): string {
  const label = decodeQuery(scene.query).params.get(`label.${key}`)?.value;
  return label ?? findOptimizer(key.replace(/-\d+$/, ''))?.type ?? key;
}

/** The scene's claims as the card says them, one sentence each. */
export function sceneSentences(scene: Scene): string[] {
  const { steps } = parseUrlState(scene.query).state.race;
  return scene.claims.map((c) => claimSentence(c, (key) => sceneRacerName(scene, key), steps));
}
