import type { OptimizerSpec } from './optimizerSpec';
import { sgd } from './sgd';
import { adagrad } from './adagrad';
import { rmsprop } from './rmsprop';
import { adadelta } from './adadelta';
import { adam } from './adam';
import { adamw } from './adamw';
import { adamax } from './adamax';
import { nadam } from './nadam';
import { radam } from './radam';
import { lion } from './lion';
import { rprop } from './rprop';
import { asgd } from './asgd';
import { signSGD, signum } from './signSGD';
import { lars } from './lars';
import { lamb } from './lamb';
import { newton, saddleFreeNewton } from './newton';
import { adamwScheduleFree, sgdScheduleFree } from './scheduleFree';
import { sophia } from './sophia';
import { fullMatrixAdagrad } from './fullMatrixAdagrad';
import { shampoo } from './shampoo';
import { soap } from './soap';
import { adafactor } from './adafactor';
import { ranger } from './ranger';
import { withLookahead, type LookaheadHp } from './lookahead';

/** Every optimizer, in the order the UI lists them. `type` is the torch class name; `id` the URL/CLI key. */
export const OPTIMIZERS: readonly OptimizerSpec[] = [
  sgd,
  adagrad,
  rmsprop,
  adadelta,
  adam,
  adamw,
  adamax,
  nadam,
  radam,
  ranger,
  lion,
  rprop,
  asgd,
  signSGD,
  signum,
  lars,
  lamb,
  newton,
  saddleFreeNewton,
  sgdScheduleFree,
  adamwScheduleFree,
  sophia,
  adafactor,
  fullMatrixAdagrad,
  shampoo,
  soap,
];

/** Look up by torch class name ("AdamW") or short id ("adamw"), case-sensitively for types. */
export function findOptimizer(typeOrId: string): OptimizerSpec | undefined {
  return OPTIMIZERS.find((o) => o.type === typeOrId || o.id === typeOrId);
}

/**
 * The one resolver from a config to the spec that steps it: the registry record of `type`,
 * wrapped in Lookahead when the config says so (Lookahead is a wrapper, not a record). run(),
 * network training, the CLI and the race all go through it. Undefined for an unknown type.
 */
export function optimizerOf(config: {
  type: string;
  lookahead?: LookaheadHp | null;
}): OptimizerSpec | undefined {
  const spec = findOptimizer(config.type);
  return spec && config.lookahead ? withLookahead(spec, config.lookahead) : spec;
}
