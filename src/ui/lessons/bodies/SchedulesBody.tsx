import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { ScheduleRule } from './ScheduleRule';

/** Lesson 8: learning-rate schedules and the LR range test. */
export default function SchedulesBody() {
  return (
    <>
      <p>
        A fixed learning rate is a compromise. Early on, a large one covers ground quickly; near the
        end, a large one keeps the weights jumping about the minimum, and with minibatch noise the
        loss stalls on a floor that is higher the larger the rate. A schedule changes the rate as
        training goes: large first, small last, sometimes small at the very start too.
      </p>
      <h2>Lowering the rate</h2>
      <p>
        The classic schedules only go down. Step decay multiplies the rate by γ every few epochs
        (the lectures suggest γ between 0.1 and 0.5, every 2,000 to 4,000 steps); multi-step decay
        does it at chosen milestones; exponential decay a little at every step; cosine annealing
        follows half a cosine from the starting rate to η<sub>min</sub>, slowly at first and at the
        end, fastest in the middle.
      </p>
      <LessonFigureFrame id="schedule-decays" />
      <ScheduleRule schedule="step" />
      <ScheduleRule schedule="multistep" />
      <ScheduleRule schedule="exponential" />
      <ScheduleRule schedule="cosine" />
      <h2>What a decay does to the loss</h2>
      <p>
        Here SGD sees batches of 4 out of 256 samples. At a constant rate the noise holds the loss
        on a floor; every schedule that lowers the rate lowers the floor with it.
      </p>
      <LessonFigureFrame id="schedules-race" />
      <FigureFacts id="schedules-race" />
      <h2>Warm-up</h2>
      <p>
        The first steps are the dangerous ones: the weights are random, the gradients large, and
        Adam’s statistics not yet averaged. A warm-up starts the rate small and raises it linearly
        over the first few percent of training. The lectures’ rules of thumb: 5 % of the steps for
        CNNs, 10 % for transformers, 6 % for fine-tuning, 15–20 % for batches over 1,000.
      </p>
      <LessonFigureFrame id="schedules-warmup" />
      <FigureFacts id="schedules-warmup" />
      <ScheduleRule schedule="linear" />
      <h2>Going up and down: cycles and restarts</h2>
      <p>
        Leslie Smith’s cyclical learning rates (2017) go back and forth between a base rate and a
        maximum, a half cycle lasting 2 to 10 epochs: a succession of warm-ups and decays. His
        one-cycle policy does it once: up to the maximum for the first 30 % of training, then down
        far below the start, while momentum moves the opposite way, between 0.95 and 0.85, which he
        found to train in far fewer epochs (“super-convergence”). SGDR’s warm restarts (Loshchilov
        and Hutter) run cosine annealing again and again from the top; each low point is a model
        worth keeping, which is how snapshot ensembles get several models from one run.
      </p>
      <LessonFigureFrame id="schedule-cycles" />
      <ScheduleRule schedule="onecycle" />
      <ScheduleRule schedule="cyclic" />
      <ScheduleRule schedule="warmrestarts" />
      <h2>Reduce on plateau</h2>
      <p>
        ReduceLROnPlateau has no timetable: it watches the loss and cuts the rate by a factor when
        the loss has not improved for <em>patience</em> steps (or epochs). Patience is the whole
        game with a noisy loss.
      </p>
      <LessonFigureFrame id="schedules-plateau" />
      <FigureFacts id="schedules-plateau" />
      <ScheduleRule schedule="plateau" />
      <h2>Finding the learning rate: the range test</h2>
      <p>
        Every schedule above needs its top rate. Smith’s range test finds it in one short run: the
        rate grows exponentially, step by step, from far too small to far too large, while the loss
        is recorded. As the lectures put it, where the loss starts to fall is the smallest useful
        rate, and where it starts to jump about is the largest. Here the loss is smoothed (an
        exponential average with fastai’s bias correction) and the test stops once it is four times
        its best; the suggested one-cycle maximum is a tenth of that blow-up rate.
      </p>
      <p>
        In the figure below, find “Find the learning rate” among the controls and press “Run range
        test”: 100 steps from 10⁻⁷ to 10. On this bowl of condition 25 plain SGD is stable below
        2/25 = 0.08. The loss falls fastest a little past that, near 0.1 (the rate rises every step,
        so a few unstable steps do not show yet), and blows up near 0.3; the suggested one-cycle
        peak, a tenth of the blow-up, is safely below the limit. “Use as OneCycle max_lr” gives the
        racer that schedule, and the race runs it.
      </p>
      <LessonFigureFrame id="lr-range-test" />
    </>
  );
}
