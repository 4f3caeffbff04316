import { useId, useMemo } from 'react';
import { SCENES, sceneById } from '../../core/scenes/scenes';
import { useRaceStore } from '../../state/raceStore';
import { applyScene, closeSceneCard, sceneChanged, useSceneStore } from '../../state/sceneStore';
import { sceneSentences } from '../../state/sceneText';
import './scenePicker.css';

/**
 * "Scenes": one choice sets up a figure from the lectures, and a card says what to look at and
 * what the runs show (the scene's claims, which the tests check on the same runs).
 */
export function ScenePicker() {
  const active = useSceneStore((s) => s.active);
  const open = useSceneStore((s) => s.open);
  const scene = active ? sceneById(active) : undefined;
  const sentences = useMemo(() => (scene ? sceneSentences(scene) : []), [scene]);
  // A boolean selector: the card re-renders only when the race leaves (or returns to) the scene.
  const changed = useRaceStore(() => (scene ? sceneChanged(scene) : false));
  const titleId = useId();
  return (
    <div className="scenes">
      <label className="field scene-field">
        <span className="field-label">Scenes from the lectures</span>
        <select
          aria-label="Scene"
          value={active ?? ''}
          onChange={(e) => e.currentTarget.value && applyScene(e.currentTarget.value)}
        >
          <option value="">Choose a scene…</option>
          {SCENES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      {scene && open && (
        <section className="card scene-card" aria-labelledby={titleId}>
          <div className="scene-head">
            <h2 id={titleId}>{scene.title}</h2>
            <button type="button" onClick={closeSceneCard} aria-label="Close the scene card">
              ×
            </button>
          </div>
          <p className="scene-deck">{scene.deck}</p>
          <p className="scene-look">{scene.look}</p>
          <ul className="scene-claims" aria-label="What the runs show">
            {sentences.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          {changed && (
            <p className="scene-changed" role="status">
              The race has changed since the scene loaded: these sentences describe the scene.{' '}
              <button type="button" onClick={() => applyScene(scene.id)}>
                Reload the scene
              </button>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
