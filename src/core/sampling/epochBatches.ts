import type { Rng } from './rng';

/**
 * Minibatches of B indices out of N, drawn without replacement within each epoch, like a
 * torch DataLoader with shuffle=True, drop_last=False: at the start of every epoch the indices
 * are reshuffled (Fisher–Yates with the seeded RNG, a fresh permutation each epoch) and cut
 * into consecutive batches of B; when B does not divide N the last batch of the epoch holds the
 * N mod B leftovers. Every index is thus seen exactly once per epoch.
 *
 * Allocation-free after construction: a batch is a window [start, start + size) of `order`.
 */
export class EpochBatches {
  /** The current epoch's permutation of 0 … N−1. */
  readonly order: Int32Array;
  /** First position of the current batch in `order`. */
  start = 0;
  /** Size of the current batch (0 before the first `advance`). */
  size = 0;
  /** Epochs begun so far (1 after the first batch is drawn). */
  epoch = 0;

  constructor(
    readonly samples: number,
    /** B; a batch-size schedule may change it between batches (the epoch's permutation goes on). */
    public batchSize: number,
    private readonly rng: Rng,
  ) {
    this.order = new Int32Array(samples);
    for (let i = 0; i < samples; i++) this.order[i] = i;
  }

  /** Moves to the next batch, reshuffling when the epoch is used up; returns its size. */
  advance(): number {
    let next = this.start + this.size;
    if (next >= this.samples || this.epoch === 0) {
      this.shuffle();
      this.epoch++;
      next = 0;
    }
    this.start = next;
    this.size = Math.min(this.batchSize, this.samples - next);
    return this.size;
  }

  private shuffle(): void {
    // Shuffling the previous permutation is as uniform as shuffling the identity.
    const a = this.order;
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
