import { sceneById, SCENES } from '../core/scenes/scenes';
import type { Scene } from '../core/scenes/sceneSpec';
import { decodeQuery, decodeQueryComponent, echo, MALFORMED_NOTE } from './queryParams';

const keyOf = (piece: string) => {
  const eq = piece.indexOf('=');
  return decodeQueryComponent(eq < 0 ? piece : piece.slice(0, eq));
};

/**
 * `scene=<id>` in a link → the scene's query with the link's other parameters laid over it
 * (a parameter the link gives wins over the scene's), so `?scene=warmup&steps=800` is the
 * scene at 800 steps, and `?scene=warmup&opt=sgd` races only its first racer. `error` says
 * why a `scene` value was ignored (unknown, unreadable); the caller names the parameter. A link
 * without `scene` comes back as it was.
 */
export function expandSceneQuery(query: string): {
  query: string;
  scene: Scene | null;
  error: string | null;
} {
  const body = query.startsWith('?') ? query.slice(1) : query;
  const p = decodeQuery(body).params.get('scene');
  if (!p) return { query: body, scene: null, error: null };
  const own = body.split('&').filter((piece) => piece !== '' && keyOf(piece) !== 'scene');
  const scene = p.value === null ? undefined : sceneById(p.value);
  if (!scene) {
    const error =
      p.value === null
        ? `${MALFORMED_NOTE} (got '${echo(p.raw)}'); ignored`
        : `unknown scene '${echo(p.value)}' (known: ${SCENES.map((s) => s.id).join(', ')}); ignored`;
    return { query: own.join('&'), scene: null, error };
  }
  const given = new Set(own.map(keyOf));
  // A link that lists its own racers drops the scene's settings of the racers it left out
  // (`lr.sgd-2`, `sched.sgd-2.T_max`, …), which would otherwise be named as stray parameters.
  const sceneParams = decodeQuery(scene.query).params;
  const linkOpt = decodeQuery(body).params.get('opt')?.value?.split(',');
  const dropped = new Set(
    linkOpt
      ? (sceneParams.get('opt')?.value?.split(',') ?? []).filter((k) => !linkOpt.includes(k))
      : [],
  );
  const fromScene = scene.query.split('&').filter((piece) => {
    const key = keyOf(piece) ?? '';
    return (
      !given.has(key) &&
      !key
        .split('.')
        .slice(1)
        .some((part) => dropped.has(part))
    );
  });
  return { query: [...fromScene, ...own].join('&'), scene, error: null };
}
