import { closedForm } from './closedForm';
import type { ScheduleDef } from './scheduleSpec';

/** No scheduler (config `null` or `{type: "constant"}`): every step uses the optimizer's lr, η_k = η₀. */
export const constantSchedule: ScheduleDef = {
  type: 'constant',
  id: 'constant',
  summary: "No scheduler: every step uses the optimizer's learning rate.",
  tex: '\\eta_k = \\eta_0',
  defaults: {},
  hyperparams: [],
  create: (_config, base) => closedForm(() => base.lr),
};
