import { Formula } from '../../formula/Formula';
import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';

/** Deck 004's definition of "k times faster", as the Tune panel applies it at a target loss. */
const K_FASTER_TEX = String.raw`\exists H_2:\ \min_{H_1} \operatorname{Eval}(O_1, T, H_1) \ \ge\ \operatorname{Eval}(O_2, T/k, H_2)`;

/** Lesson 13: tune each optimizer on the same budget and criterion before racing them. */
export default function FairComparisonsBody() {
  return (
    <>
      <p>
        A race between optimizers is only as fair as their learning rates. Give one a good rate and
        the other a poor one and the race measures the choice, not the optimizer. Papers that
        announce a new optimizer twice as fast as Adam have often tuned their own method with care
        and the baseline less so.
      </p>
      <h2>What to look at</h2>
      <p>
        Here each optimizer gets a rate from the typical ranges the lectures list for networks: 0.01
        for SGD with momentum (range 0.01–0.1), 0.001 for Adam (range 10⁻⁴–10⁻³). Those ranges are
        for networks, not for this surface, and the race looks like a verdict on the optimizers.
      </p>
      <LessonFigureFrame id="fair-table-lrs" />
      <FigureFacts id="fair-table-lrs" />
      <h2>Tune first, with one budget and one criterion</h2>
      <p>
        A fair comparison tunes every optimizer the same way before racing: the same search space
        for the rate (log-uniform from 10⁻⁴ to 1 here), the same number of trials and steps, the
        same seeds, and the same criterion to pick the winner (the final loss here). The race’s
        “Tune the racers fairly” panel does exactly this, with random search or successive halving
        (the best third of each round goes on with three times the steps), and the link keeps the
        tune, so the figure below re-runs it as it loads. Its racers already run at the tuned rates;
        the panel shows each one’s rate, its score, the budget it used, and how many times faster
        the second optimizer reaches the target loss than the first.
      </p>
      <LessonFigureFrame id="fair-tuned" />
      <FigureFacts id="fair-tuned" />
      <h2>“k times faster”, defined</h2>
      <p>
        The lectures define it with a budget of T steps and an evaluation Eval (a validation loss,
        lower is better): O₂ is k times faster than O₁ if O₁, even with its best hyperparameters H₁
        and the whole budget, does no better than O₂ with some H₂ in T/k steps.
      </p>
      <Formula tex={K_FASTER_TEX} label="O₂ is k times faster than O₁" />
      <p>
        The criterion must be fixed before the tuning. A schedule that stretches with the budget
        (cosine over T steps) makes a longer run look slower at any given step, so runs tuned for
        different budgets cannot be compared step by step. The panel reads “k times faster” as the
        ratio of the steps each tuned run needs to reach the same target loss.
      </p>
      <h2>How the reference pictures were made</h2>
      <p>
        The well-known trajectory pictures of jettify’s pytorch-optimizer follow the same
        discipline: for each optimizer, 200 trials of hyperopt’s TPE search over the learning rate
        (log-uniform), each scored by the squared distance from the minimum after 100 steps of
        Rastrigin or Rosenbrock; only the winning rate is then drawn, for 500 steps. Its search
        ranges were adjusted per optimizer to make better plots, which is a reminder to read any
        comparison’s search space as closely as its result.
      </p>
    </>
  );
}
