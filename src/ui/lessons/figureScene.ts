import type { Scene } from '../../core/scenes/sceneSpec';
import { decodeQuery } from '../../io/queryParams';
import { expandSceneQuery } from '../../io/sceneQuery';
import type { LessonFigure } from './types';

// Keys that change how a race looks, not what it runs: a scene with only these added is itself.
const VIEW_KEYS = new Set(['scene', '3d', 'theme', 'large', 'cam', 'speed', 'lraxis']);

/**
 * A race figure as a scene, for its sentences (`state/sceneText`) and the tests that run its
 * claims: the figure's own claims over its expanded query, or else the scene it names when it
 * changes only the view. Null when neither applies (the figure makes no claim).
 */
export function figureScene(figure: LessonFigure): Scene | null {
  const { query, scene } = expandSceneQuery(figure.query);
  if (figure.claims)
    return {
      id: figure.id,
      title: figure.caption,
      deck: scene?.deck ?? '',
      look: figure.caption,
      query,
      claims: figure.claims,
    };
  const viewOnly = [...decodeQuery(figure.query).params.keys()].every((k) => VIEW_KEYS.has(k));
  return scene && viewOnly ? scene : null;
}
