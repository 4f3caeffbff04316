"""What is run: the optimizer table, the learning-rate table and the schedule table.

Adding a case:
* a new optimizer variant: one line in ``OPTIMIZERS`` (+ its lrs in ``LR``, or ``--lr``);
* a new surface: one entry in ``surfaces.SURFACES`` + one row in ``LR`` (or ``--lr``);
* a new schedule: one entry in ``SCHEDULES``.
The committed reference files are ``COMMITTED_SURFACES`` x ``COMMITTED_OPTIMIZERS`` and
``COMMITTED_SCHEDULES`` (the original four), ``COMMITTED_SURFACES`` x ``MORE_OPTIMIZERS`` and
every schedule (the ``_more`` files); other selections from the command line (see README.md)
are written to ``*_extra.json`` files.
"""
from dataclasses import dataclass, field
from typing import Any, Dict, Optional

# --------------------------------------------------------------------------- optimizers

SINGLE_TENSOR = 'single-tensor implementation (foreach=None resolves to False on CPU in torch 1.13)'


@dataclass
class OptimizerCase:
    cls: str                                   # class name in torch.optim (or in `port`)
    kwargs: Dict[str, Any] = field(default_factory=dict)   # constructor args besides params and lr
    step: str = 'plain'                        # 'plain' | 'closure' (LBFGS) | 'sparse_grad' (SparseAdam)
                                               # | 'objective' (step(f): ports that need the Hessian)
    code_path: str = SINGLE_TENSOR
    # For optimizers torch does not ship: a Python file (repo-relative) whose class `cls` is an
    # independent port of the authors' published algorithm (test/fixtures/ports/).
    port: Optional[str] = None


def _port(path, cls, kwargs=None, step='plain'):
    return OptimizerCase(cls, kwargs or {}, step=step, port=path,
                         code_path='independent port: ' + path)


# Every optimizer class torch 1.13 ships (torch.optim.__all__) has at least one entry.
OPTIMIZERS = {
    # --- the committed set
    'sgd': OptimizerCase('SGD', {'momentum': 0}),
    'sgd_momentum': OptimizerCase('SGD', {'momentum': 0.9}),
    'sgd_nesterov': OptimizerCase('SGD', {'momentum': 0.9, 'nesterov': True}),
    'adagrad': OptimizerCase('Adagrad'),
    'rmsprop': OptimizerCase('RMSprop'),
    'adam': OptimizerCase('Adam'),
    'adamw': OptimizerCase('AdamW', {'weight_decay': 0.1}),
    # --- the other torch 1.13 optimizers (extra files only)
    'adadelta': OptimizerCase('Adadelta'),
    'adamax': OptimizerCase('Adamax'),
    'nadam': OptimizerCase(
        'NAdam', {'foreach': True},
        code_path='multi-tensor implementation (foreach=True): torch 1.13\'s single-tensor NAdam '
                  'multiplies the second update term by an extra mu_t (fixed in torch 2.0, pytorch '
                  'PR #92699); the 1.13 foreach path already computes the corrected torch >= 2.0 form'),
    'radam': OptimizerCase('RAdam'),
    'rprop': OptimizerCase('Rprop'),
    'asgd': OptimizerCase('ASGD'),
    'lbfgs': OptimizerCase(
        'LBFGS', {'max_iter': 1}, step='closure',
        code_path='optimizer.step(closure), closure = zero_grad; loss = f(p); loss.backward(); '
                  'return loss. max_iter=1 (so max_eval=1), no line search: one closure evaluation '
                  'and one L-BFGS update per step, history kept across steps; loss[k] is the value '
                  'step() returns (its first closure evaluation, at theta_k)'),
    'sparse_adam': OptimizerCase(
        'SparseAdam', step='sparse_grad',
        code_path='SparseAdam accepts only sparse gradients: after backward the dense gradient is '
                  'replaced by p.grad.to_sparse() (COO); entries that are exactly 0 are dropped, so '
                  'that coordinate and its moments are not updated in that step (lazy Adam)'),
    # --- a few common variants
    'sgd_weight_decay': OptimizerCase('SGD', {'momentum': 0.9, 'weight_decay': 0.01}),
    'rmsprop_centered_momentum': OptimizerCase('RMSprop', {'momentum': 0.9, 'centered': True}),
    'adam_amsgrad': OptimizerCase('Adam', {'amsgrad': True}),
    'radam_short_warmup': OptimizerCase('RAdam', {'betas': (0.9, 0.6)}),   # rectified from step 3
    # --- not in torch: independent ports of the authors' algorithms
    'signsgd': _port('test/fixtures/ports/signum.py', 'SignSGD'),
    'signum': _port('test/fixtures/ports/signum.py', 'Signum'),
    'lion': _port('test/fixtures/ports/lion.py', 'Lion'),
    'signum_weight_decay': _port('test/fixtures/ports/signum.py', 'Signum', {'weight_decay': 0.1}),
    'lion_weight_decay': _port('test/fixtures/ports/lion.py', 'Lion', {'weight_decay': 0.5}),
    # LARS / LAMB: the whole (x, y) parameter is the one layer their norms are taken over.
    'lars': _port('test/fixtures/ports/lars.py', 'LARS', {'trust_coefficient': 0.01}),
    'lars_weight_decay': _port('test/fixtures/ports/lars.py', 'LARS',
                               {'trust_coefficient': 0.01, 'weight_decay': 0.01}),
    'lamb': _port('test/fixtures/ports/lamb.py', 'LAMB', {'weight_decay': 0.01}),
    # Newton: the Hessian by torch autograd of the surface's expression, solved by torch.linalg.
    'newton': _port('test/fixtures/ports/newton.py', 'Newton', {'damping': 0.1}, step='objective'),
    'saddle_free_newton': _port('test/fixtures/ports/newton.py', 'SaddleFreeNewton',
                                {'damping': 0.1}, step='objective'),
    'sgd_schedule_free': _port('test/fixtures/ports/schedule_free.py', 'SGDScheduleFree'),
    'adamw_schedule_free': _port('test/fixtures/ports/schedule_free.py', 'AdamWScheduleFree'),
    'sgd_schedule_free_warmup': _port('test/fixtures/ports/schedule_free.py', 'SGDScheduleFree',
                                      {'warmup_steps': 50, 'weight_decay': 0.01}),
    'adamw_schedule_free_warmup': _port(
        'test/fixtures/ports/schedule_free.py', 'AdamWScheduleFree',
        {'warmup_steps': 20, 'weight_decay': 0.05, 'r': 0.5, 'weight_lr_power': 1.0}),
    # Sophia (the authors' SophiaG) with the exact diagonal of the autograd Hessian as its
    # curvature estimate: their defaults (k = 10, weight decay 0.1), and k = 1 without decay.
    'sophia_exact': _port('test/fixtures/ports/sophia.py', 'SophiaExact', step='objective'),
    'sophia_exact_k1': _port('test/fixtures/ports/sophia.py', 'SophiaExact',
                             {'k': 1, 'weight_decay': 0.0}, step='objective'),
    # Adafactor as torch >= 2.5 has it (torch 1.13 lacks it): torch's defaults (eps1 written 0.0
    # for None, the dtype's eps), and decoupled weight decay with a looser clipping threshold.
    'adafactor': _port('test/fixtures/ports/adafactor.py', 'Adafactor'),
    'adafactor_weight_decay': _port('test/fixtures/ports/adafactor.py', 'Adafactor',
                                    {'weight_decay': 0.05, 'd': 2.0}),
    # Rotation-aware preconditioners on the whole point (x, y): full-matrix AdaGrad, Shampoo
    # with (x, y) as a 1x2 matrix, and the authors' SOAP for a 1-D parameter (precondition_1d):
    # their defaults, and a basis refreshed every step without weight decay.
    'full_matrix_adagrad': _port('test/fixtures/ports/full_matrix_adagrad.py', 'FullMatrixAdagrad'),
    'shampoo': _port('test/fixtures/ports/shampoo.py', 'Shampoo'),
    'soap': _port('test/fixtures/ports/soap.py', 'SOAP'),
    'soap_every_step': _port('test/fixtures/ports/soap.py', 'SOAP',
                             {'precondition_frequency': 1, 'shampoo_beta': 0.9, 'weight_decay': 0.0,
                              'eps': 1e-4}),
    # Lookahead (the authors' wrapper) around torch's own SGD and Adam, and Ranger (the authors'
    # RAdam + Lookahead, its own RAdam arithmetic): defaults, and one with decay and other k, alpha.
    'lookahead_sgd_momentum': _port('test/fixtures/ports/lookahead.py', 'Lookahead',
                                    {'k': 5, 'alpha': 0.5,
                                     'optimizer': {'type': 'SGD', 'momentum': 0.9}}),
    'lookahead_adam': _port('test/fixtures/ports/lookahead.py', 'Lookahead',
                            {'k': 6, 'alpha': 0.8, 'optimizer': {'type': 'Adam'}}),
    'ranger': _port('test/fixtures/ports/ranger.py', 'Ranger'),
    'ranger_weight_decay': _port('test/fixtures/ports/ranger.py', 'Ranger',
                                 {'k': 3, 'alpha': 0.7, 'N_sma_threshhold': 4,
                                  'weight_decay': 0.01}),
}

# Learning rate per (surface, optimizer id). The committed values are the table in the
# reference README; the others are choices that give a visible, non-diverging trajectory.
_SGD = {'rosenbrock': 0.001, 'saddle': 0.01, 'quadratic': 0.05}
_SGD_MOMENTUM = {'rosenbrock': 0.0003, 'saddle': 0.001, 'quadratic': 0.01}
_ADAGRAD = {'rosenbrock': 0.1, 'saddle': 0.03, 'quadratic': 0.3}
_RMSPROP = {'rosenbrock': 0.0001, 'saddle': 0.001, 'quadratic': 0.03}
_ADAM = {'rosenbrock': 0.01, 'saddle': 0.003, 'quadratic': 0.1}
_SIGN = {'rosenbrock': 0.001, 'saddle': 0.01, 'quadratic': 0.01}
_LARS = {'rosenbrock': 0.3, 'saddle': 1.0, 'quadratic': 1.0}
_NEWTON = {'rosenbrock': 0.5, 'saddle': 0.5, 'quadratic': 0.5}
_SOPHIA = {'rosenbrock': 0.01, 'saddle': 0.01, 'quadratic': 0.04}
_ADAFACTOR = {'rosenbrock': 0.001, 'saddle': 0.01, 'quadratic': 0.01}
_LR_BY_OPTIMIZER = {
    'sgd': _SGD, 'sgd_momentum': _SGD_MOMENTUM, 'sgd_nesterov': _SGD_MOMENTUM,
    'adagrad': _ADAGRAD, 'rmsprop': _RMSPROP, 'adam': _ADAM, 'adamw': _ADAM,
    'adadelta': {'rosenbrock': 1.0, 'saddle': 1.0, 'quadratic': 1.0},
    'adamax': _ADAM, 'nadam': _ADAM, 'radam': _ADAM, 'sparse_adam': _ADAM, 'adam_amsgrad': _ADAM,
    'rprop': {'rosenbrock': 0.01, 'saddle': 0.01, 'quadratic': 0.01},
    'asgd': _SGD,
    'lbfgs': {'rosenbrock': 0.01, 'saddle': 0.01, 'quadratic': 1.0},
    'sgd_weight_decay': _SGD_MOMENTUM,
    'rmsprop_centered_momentum': _RMSPROP,
    'radam_short_warmup': _ADAM,
    'signsgd': _SIGN, 'signum': _SIGN, 'lion': _SIGN,
    'signum_weight_decay': _SIGN, 'lion_weight_decay': _SIGN,
    'lars': _LARS, 'lars_weight_decay': _LARS, 'lamb': _SIGN,
    'newton': _NEWTON, 'saddle_free_newton': _NEWTON,
    'sgd_schedule_free': _SGD, 'sgd_schedule_free_warmup': _SGD,
    'adamw_schedule_free': _ADAM, 'adamw_schedule_free_warmup': _ADAM,
    'sophia_exact': _SOPHIA, 'sophia_exact_k1': _SOPHIA,
    'adafactor': _ADAFACTOR, 'adafactor_weight_decay': _ADAFACTOR,
    'lookahead_sgd_momentum': _SGD_MOMENTUM, 'lookahead_adam': _ADAM,
    'ranger': {'rosenbrock': 0.003, 'saddle': 0.01, 'quadratic': 0.05},
    'ranger_weight_decay': {'rosenbrock': 0.003, 'saddle': 0.01, 'quadratic': 0.05},
}
_FULL_MATRIX = {'rosenbrock': 0.02, 'saddle': 0.1, 'quadratic': 0.5, 'rotated_quadratic': 0.5}
_SOAP = {'rosenbrock': 0.01, 'saddle': 0.01, 'quadratic': 0.05, 'rotated_quadratic': 0.05}
_LR_BY_OPTIMIZER.update({
    'full_matrix_adagrad': _FULL_MATRIX, 'shampoo': _FULL_MATRIX,
    'soap': _SOAP, 'soap_every_step': _SOAP,
})
# rotated_quadratic (kappa = 25 turned by 45 degrees: the eigenvalues of `quadratic`) takes the
# quadratic's learning rates for the torch optimizers it runs.
for _opt in ('sgd', 'adagrad', 'rmsprop', 'adam'):
    _LR_BY_OPTIMIZER[_opt] = dict(_LR_BY_OPTIMIZER[_opt],
                                  rotated_quadratic=_LR_BY_OPTIMIZER[_opt]['quadratic'])
LR = {surface: {opt: table[surface] for opt, table in _LR_BY_OPTIMIZER.items() if surface in table}
      for surface in ('rosenbrock', 'saddle', 'quadratic', 'rotated_quadratic')}

COMMITTED_SURFACES = ['rosenbrock', 'saddle', 'quadratic']
COMMITTED_OPTIMIZERS = ['sgd', 'sgd_momentum', 'sgd_nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw']
# The runs of the committed surface_<name>_more.json files: every optimizer the app offers
# beyond the first seven (LBFGS and SparseAdam it does not offer).
MORE_OPTIMIZERS = ['adadelta', 'adamax', 'nadam', 'radam', 'radam_short_warmup', 'rprop', 'asgd',
                   'sgd_weight_decay', 'rmsprop_centered_momentum', 'adam_amsgrad',
                   'signsgd', 'signum', 'lion', 'signum_weight_decay', 'lion_weight_decay',
                   'lars', 'lars_weight_decay', 'lamb',
                   'sgd_schedule_free', 'adamw_schedule_free', 'sgd_schedule_free_warmup',
                   'adamw_schedule_free_warmup', 'newton', 'saddle_free_newton',
                   'sophia_exact', 'sophia_exact_k1', 'adafactor', 'adafactor_weight_decay',
                   'full_matrix_adagrad', 'shampoo', 'soap', 'soap_every_step',
                   'lookahead_sgd_momentum', 'lookahead_adam', 'ranger', 'ranger_weight_decay']
# Committed surfaces beyond COMMITTED_SURFACES, each with one surface_<name>_more.json of these
# runs: rotated_quadratic checks the surface itself against torch's diagonal methods and races
# the rotation-aware ports on it.
EXTRA_COMMITTED_SURFACES = {
    'rotated_quadratic': ['sgd', 'adagrad', 'rmsprop', 'adam',
                          'full_matrix_adagrad', 'shampoo', 'soap', 'soap_every_step',
                   'lookahead_sgd_momentum', 'lookahead_adam', 'ranger', 'ranger_weight_decay'],
}

# --------------------------------------------------------------------------- schedules

# Every schedule case runs: opt = SGD([p], **SCHEDULE_OPTIMIZER), sched = <class>(opt, **constructor),
# NUM_SCHEDULE_STEPS steps on SCHEDULE_SURFACE from its start 'A' (see runs.run_schedule).
SCHEDULE_OPTIMIZER = {'lr': 0.1, 'momentum': 0.9}
SCHEDULE_SURFACE = 'quadratic'
NUM_SCHEDULE_STEPS = 100


@dataclass
class ScheduleCase:
    cls: str                       # class name in torch.optim.lr_scheduler
    constructor: Dict[str, Any]    # written as "constructor"; see runs.build_scheduler for
                                   # 'lambda ...' strings and nested {"class", "constructor"} entries


# Every scheduler class torch 1.13 ships has an entry. Python callables (LambdaLR /
# MultiplicativeLR lr_lambda, CyclicLR scale_fn) are given as the source text of a lambda,
# which is what the JSON shows and what is eval'ed. SequentialLR / ChainedScheduler take their
# sub-schedulers as {"class": ..., "constructor": {...}} objects.
SCHEDULES = {
    # --- the committed set
    'step_lr': ScheduleCase('StepLR', {'step_size': 30, 'gamma': 0.1}),
    'cosine_annealing_lr': ScheduleCase('CosineAnnealingLR', {'T_max': 100, 'eta_min': 0.001}),
    'linear_lr_warmup': ScheduleCase('LinearLR', {'start_factor': 0.1, 'end_factor': 1.0, 'total_iters': 10}),
    'one_cycle_lr': ScheduleCase('OneCycleLR', {
        'max_lr': 0.1, 'total_steps': 100, 'pct_start': 0.3, 'anneal_strategy': 'cos',
        'cycle_momentum': True, 'base_momentum': 0.85, 'max_momentum': 0.95,
        'div_factor': 25.0, 'final_div_factor': 10000.0, 'three_phase': False}),
    # --- the other torch 1.13 schedulers (extra file only)
    'lambda_lr': ScheduleCase('LambdaLR', {'lr_lambda': 'lambda epoch: 1.0 / (1.0 + 0.05 * epoch)'}),
    'multiplicative_lr': ScheduleCase('MultiplicativeLR', {'lr_lambda': 'lambda epoch: 0.97'}),
    'multi_step_lr': ScheduleCase('MultiStepLR', {'milestones': [30, 60, 80], 'gamma': 0.5}),
    'constant_lr': ScheduleCase('ConstantLR', {'factor': 0.5, 'total_iters': 20}),
    'exponential_lr': ScheduleCase('ExponentialLR', {'gamma': 0.97}),
    'polynomial_lr': ScheduleCase('PolynomialLR', {'total_iters': 80, 'power': 2.0}),
    'cosine_annealing_warm_restarts': ScheduleCase(
        'CosineAnnealingWarmRestarts', {'T_0': 10, 'T_mult': 2, 'eta_min': 0.001}),
    'cyclic_lr': ScheduleCase('CyclicLR', {
        'base_lr': 0.001, 'max_lr': 0.1, 'step_size_up': 10, 'step_size_down': None,
        'mode': 'triangular2', 'gamma': 1.0, 'scale_fn': None, 'scale_mode': 'cycle',
        'cycle_momentum': True, 'base_momentum': 0.8, 'max_momentum': 0.9}),
    'one_cycle_lr_linear_three_phase': ScheduleCase('OneCycleLR', {
        'max_lr': 0.1, 'total_steps': 100, 'pct_start': 0.25, 'anneal_strategy': 'linear',
        'cycle_momentum': True, 'base_momentum': 0.85, 'max_momentum': 0.95,
        'div_factor': 25.0, 'final_div_factor': 10000.0, 'three_phase': True}),
    'sequential_lr_warmup_cosine': ScheduleCase('SequentialLR', {
        'schedulers': [
            {'class': 'LinearLR', 'constructor': {'start_factor': 0.1, 'end_factor': 1.0, 'total_iters': 10}},
            {'class': 'CosineAnnealingLR', 'constructor': {'T_max': 90, 'eta_min': 0.001}},
        ],
        'milestones': [10]}),
    'chained_scheduler': ScheduleCase('ChainedScheduler', {
        'schedulers': [
            {'class': 'ConstantLR', 'constructor': {'factor': 0.5, 'total_iters': 10}},
            {'class': 'ExponentialLR', 'constructor': {'gamma': 0.98}},
        ]}),
    'reduce_lr_on_plateau': ScheduleCase('ReduceLROnPlateau', {
        'mode': 'min', 'factor': 0.5, 'patience': 5, 'threshold': 0.0001, 'threshold_mode': 'rel',
        'cooldown': 0, 'min_lr': 0, 'eps': 1e-08}),
}

COMMITTED_SCHEDULES = ['step_lr', 'cosine_annealing_lr', 'linear_lr_warmup', 'one_cycle_lr']
