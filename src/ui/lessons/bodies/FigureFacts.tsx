import { sceneSentences } from '../../../state/sceneText';
import { figureScene } from '../figureScene';
import { lessonFigureById } from '../registry';

/**
 * What a figure's runs show, one sentence per claim: worded from the same claims the tests check
 * on the real runs, so the lesson cannot say more than the figure shows.
 */
export function FigureFacts({ id }: { id: string }) {
  const figure = lessonFigureById(id);
  const scene = figure ? figureScene(figure) : null;
  if (!scene) return null;
  return (
    <div className="lesson-facts">
      <p>What the runs show:</p>
      <ul>
        {sceneSentences(scene).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </div>
  );
}
