#!/usr/bin/python3
"""Regenerate the PyTorch reference data in test/fixtures/pytorch (trajectories and schedules).

Default: writes the four committed files surface_rosenbrock.json, surface_saddle.json,
surface_quadratic.json and schedules.json into --out (default test/fixtures/pytorch).
Selections that differ from the committed content go to *_extra.json files (see README.md).
Run with Debian's /usr/bin/python3 and python3-torch 1.13.
"""
import argparse
import os
import subprocess
import sys
import time

import numpy
import torch

sys.dont_write_bytecode = True   # keep the source folder free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases      # noqa: E402
import jsonfmt    # noqa: E402
import runs       # noqa: E402
from surfaces import SURFACES  # noqa: E402

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
DEFAULT_OUT = os.path.join(REPO_ROOT, 'test', 'fixtures', 'pytorch')

TRAJECTORY_CONVENTIONS = {
    'params': 'params[k] = [x, y] AFTER optimizer step k+1 (k = 0 .. steps-1); the start point is not repeated',
    'loss': 'loss[k] = f(theta_k), theta_0 = start, theta_k = params[k-1]; i.e. the loss at the point whose '
            'gradient drives step k+1. Hence loss[k+1] == f(params[k]); final_loss = f(params[steps-1])',
    'step_loop': 'for each step: zero grad; loss = f(p); loss.backward(); optimizer.step()  '
                 '(one gradient evaluation per step, no closure, lr constant)',
    'dtype': "float64 throughout; the gradient is torch autograd of the expression in 'surface.formula'",
    'sensitivity': 'float64_ulp_noise_max_abs_dev: max |\u0394param| between the reference and a float64 rerun '
                   'whose params are multiplied by (1 + u*2^-52), u~U(-1,1), after every step (how much round-off '
                   'differences of a correct float64 port can grow); float32_torch_*: the same optimizer run '
                   'entirely in torch float32 vs this float64 reference',
}

SCHEDULE_CONVENTIONS = {
    'loop': "opt = SGD([p], lr=0.1, momentum=0.9); sched = <Scheduler>(opt, ...); for k in 0..99: "
            "lr[k] = opt.param_groups[0]['lr']; momentum[k] = opt.param_groups[0]['momentum']; zero grad; "
            "loss = f(p); backward; opt.step(); sched.step()",
    'lr': "lr[k] is the learning rate USED by optimizer step k (k = 0..99), i.e. read after the scheduler's "
          "construction (k = 0) or after the k-th sched.step() call",
    'lr_after_final_scheduler_step': 'learning rate after the 100th sched.step() call (would be used by a 101st step)',
    'momentum': "present only for schedulers that cycle momentum (OneCycleLR, CyclicLR); SGD's momentum used by step k",
    'constructor_side_effects': "OneCycleLR and CyclicLR overwrite the optimizer's lr (and momentum) at construction, "
                                "so lr[0] is not the optimizer's constructed lr 0.1 for them",
    'trajectory': "the same loop also optimises the quadratic bowl from 'start'; params / loss follow the "
                  "trajectory conventions (params after each step, loss[k] = f(theta_k))",
}
SCHEDULE_EXTRA_CONVENTIONS = {
    'reduce_lr_on_plateau': 'ReduceLROnPlateau is stepped with sched.step(loss), loss = f(theta_k) of the step just taken',
    'callables': "lr_lambda / scale_fn are given as the source text of a Python lambda (eval'ed by the generator)",
    'nested_schedulers': 'SequentialLR / ChainedScheduler list their sub-schedulers as {class, constructor}, '
                         'each built on the same optimizer in list order',
}


def debian_package_version(name):
    try:
        out = subprocess.run(['dpkg-query', '-W', '-f=${Version}', name], capture_output=True, text=True, check=True)
        return out.stdout.strip() or 'unknown'
    except (OSError, subprocess.CalledProcessError):
        return 'not installed from Debian'


def meta():
    return {
        'generator': 'scripts/pytorch-reference/make_reference.py',
        'reference_implementation': 'PyTorch (CPU), torch.set_default_dtype(torch.float64)',
        'torch_version': torch.__version__,
        'debian_python3_torch_package': debian_package_version('python3-torch'),
        'numpy_version': numpy.__version__,
        'number_format': 'every float rounded to 12 significant digits',
        'schema': 'see README.md in this folder',
    }


def lr_for(surface, opt_id, override):
    if override is not None:
        return override
    try:
        return cases.LR[surface][opt_id]
    except KeyError:
        sys.exit('no learning rate for optimizer %r on surface %r: add it to cases.LR or pass --lr'
                 % (opt_id, surface))


def surface_file(surface_name, opt_ids, lr_override=None, steps_override=None, log=print):
    surface = SURFACES[surface_name]
    steps = steps_override or surface.steps
    block = {
        'name': surface.name,
        'formula': surface.formula,
        'expression': surface.expression,
        'known_minima': [list(m) for m in surface.known_minima],
        'minimum_value': surface.minimum_value,
        'view_box': dict(surface.view_box),
        'starts': {k: list(v) for k, v in surface.starts.items()},
        'steps': steps,
        'checks': runs.surface_checks(surface),
    }
    run_list = []
    for start_id in surface.starts:
        for opt_id in opt_ids:
            t0 = time.time()
            case = cases.OPTIMIZERS[opt_id]
            run_list.append(runs.trajectory_run(surface, start_id, opt_id, case,
                                                lr_for(surface_name, opt_id, lr_override), steps))
            log('  %s/%s/%s  %.1fs' % (surface_name, start_id, opt_id, time.time() - t0))
    return {'kind': 'optimizer_trajectories', 'meta': meta(), 'conventions': dict(TRAJECTORY_CONVENTIONS),
            'surface': block, 'runs': run_list}


def schedules_file(schedule_ids, extra_conventions=False):
    surface = SURFACES[cases.SCHEDULE_SURFACE]
    conventions = dict(SCHEDULE_CONVENTIONS)
    if extra_conventions:
        conventions.update(SCHEDULE_EXTRA_CONVENTIONS)
    return {
        'kind': 'lr_schedules', 'meta': meta(), 'conventions': conventions,
        'schedules': [runs.run_schedule(sid, cases.SCHEDULES[sid], surface, cases.SCHEDULE_OPTIMIZER,
                                        cases.NUM_SCHEDULE_STEPS) for sid in schedule_ids],
    }


def committed_files():
    """The files committed in test/fixtures/pytorch: name -> a callable that makes its JSON.
    The first four are the original reference; the `_more` ones add the other torch 1.13
    optimizers and schedulers, variants, and the independent ports of test/fixtures/ports."""
    files = {}
    for s in cases.COMMITTED_SURFACES:
        files['surface_%s.json' % s] = lambda s=s: surface_file(s, cases.COMMITTED_OPTIMIZERS)
    files['schedules.json'] = lambda: schedules_file(cases.COMMITTED_SCHEDULES)
    for s in cases.COMMITTED_SURFACES:
        files['surface_%s_more.json' % s] = lambda s=s: surface_file(s, cases.MORE_OPTIMIZERS)
    files['schedules_more.json'] = lambda: schedules_file(list(cases.SCHEDULES), extra_conventions=True)
    for s, opt_ids in cases.EXTRA_COMMITTED_SURFACES.items():
        files['surface_%s_more.json' % s] = lambda s=s, o=opt_ids: surface_file(s, o)
    return files


def _list(arg, table, what):
    if arg is None:
        return None
    names = list(table) if arg == 'all' else [a.strip() for a in arg.split(',') if a.strip()]
    unknown = [n for n in names if n not in table]
    if unknown:
        sys.exit('unknown %s: %s (known: %s)' % (what, ', '.join(unknown), ', '.join(table)))
    return names


def plan(args):
    """[(file name, callable producing the JSON object)] for the command line."""
    surfaces = _list(args.surfaces, SURFACES, 'surface')
    optimizers = _list(args.optimizers, cases.OPTIMIZERS, 'optimizer')
    schedules = _list(args.schedules, cases.SCHEDULES, 'schedule')
    custom = surfaces is not None or optimizers is not None or schedules is not None
    jobs = []
    if not custom:
        committed = committed_files()
        files = list(committed) if args.files is None else [f.strip() for f in args.files.split(',')]
        for name in files:
            if name not in committed:
                sys.exit('--files: %s is not one of %s' % (name, ', '.join(committed)))
            jobs.append((name, committed[name]))
        return jobs
    if args.files is not None:
        sys.exit('--files selects committed files; do not combine it with --surfaces/--optimizers/--schedules')
    if surfaces is not None or optimizers is not None:
        surfaces = surfaces or cases.COMMITTED_SURFACES
        optimizers = optimizers or cases.COMMITTED_OPTIMIZERS
        for s in surfaces:
            same = (optimizers == cases.COMMITTED_OPTIMIZERS and s in cases.COMMITTED_SURFACES
                    and args.lr is None and args.steps is None)
            name = 'surface_%s.json' % s if same else 'surface_%s_%s.json' % (s, args.suffix)
            jobs.append((name, lambda s=s: surface_file(s, optimizers, args.lr, args.steps)))
    if schedules is not None:
        same = schedules == cases.COMMITTED_SCHEDULES
        name = 'schedules.json' if same else 'schedules_%s.json' % args.suffix
        jobs.append((name, lambda: schedules_file(schedules, extra_conventions=not same)))
    return jobs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=DEFAULT_OUT, help='output folder (default: test/fixtures/pytorch)')
    ap.add_argument('--files', help='comma list of committed files to write (default: all four)')
    ap.add_argument('--surfaces', help="comma list of surfaces, or 'all' (extra trajectory files)")
    ap.add_argument('--optimizers', help="comma list of optimizer ids from cases.OPTIMIZERS, or 'all'")
    ap.add_argument('--schedules', help="comma list of schedule ids from cases.SCHEDULES, or 'all'")
    ap.add_argument('--lr', type=float, help='one learning rate for every selected optimizer (extra files)')
    ap.add_argument('--steps', type=int, help='steps per run instead of the surface default (extra files)')
    ap.add_argument('--suffix', default='extra', help="file name suffix for non-committed selections (default 'extra')")
    ap.add_argument('--list', action='store_true', help='list surfaces, optimizers and schedules, then exit')
    args = ap.parse_args(argv)
    if args.list:
        print('surfaces:   ' + ', '.join(SURFACES))
        print('optimizers: ' + ', '.join('%s (%s)' % (k, v.cls) for k, v in cases.OPTIMIZERS.items()))
        print('schedules:  ' + ', '.join('%s (%s)' % (k, v.cls) for k, v in cases.SCHEDULES.items()))
        return 0

    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)

    jobs = plan(args)
    os.makedirs(args.out, exist_ok=True)
    for name, make in jobs:
        t0 = time.time()
        path = os.path.join(args.out, name)
        jsonfmt.write(path, make())
        print('wrote %s (%.1fs)' % (path, time.time() - t0))
    return 0


if __name__ == '__main__':
    sys.exit(main())
