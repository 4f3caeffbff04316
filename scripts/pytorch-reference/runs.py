"""The torch loops: optimizer trajectories, their sensitivity reruns, and LR schedules.

All numbers returned here are unrounded Python floats; rounding happens when the JSON is
written (jsonfmt). Inputs (starts, check points) are rounded to 12 significant digits before
use, so the stored inputs are exactly the inputs behind the stored outputs.
"""
import importlib.util
import os
import warnings
import zlib

import torch

import jsonfmt

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
ULP = 2.0 ** -52
DEV_THRESHOLD = 1e-9


# --------------------------------------------------------------------------- optimizers

def _optimizer_class(case):
    if case.port is None:
        return getattr(torch.optim, case.cls)
    path = os.path.join(REPO_ROOT, case.port)
    spec = importlib.util.spec_from_file_location('port_' + case.cls, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, case.cls)


def build_optimizer(case, lr, param):
    kwargs = dict(case.kwargs)
    kwargs['lr'] = lr
    return _optimizer_class(case)([param], **kwargs)


def _step(opt, case, surface, p):
    """One optimizer step; returns f at the point whose gradient drives the step."""
    if case.step == 'closure':
        def closure():
            opt.zero_grad()
            loss = surface.f(p)
            loss.backward()
            return loss
        return float(opt.step(closure))
    opt.zero_grad(set_to_none=(case.step == 'sparse_grad'))
    loss = surface.f(p)
    loss.backward()
    if case.step == 'sparse_grad':
        p.grad = p.grad.to_sparse()
    # 'objective': a second-order port (Newton, Sophia) gets the objective itself, to take its
    # exact Hessian by autograd at the current point.
    opt.step(surface.f) if case.step == 'objective' else opt.step()
    return loss.item()


def optimize(surface, case, lr, start, steps, dtype=torch.float64, noise=None):
    """Run ``steps`` optimizer steps from ``start``.

    Returns (optimizer, params after each step, loss before each step, loss after the last step).
    ``noise``: optional callable returning u (tensor of shape (2,), in [-1, 1)); after every
    step the params are multiplied by (1 + u * 2^-52).
    """
    p = torch.tensor([jsonfmt.round_sig(v) for v in start], dtype=dtype, requires_grad=True)
    opt = build_optimizer(case, lr, p)
    params, losses = [], []
    for _ in range(steps):
        losses.append(_step(opt, case, surface, p))
        if noise is not None:
            with torch.no_grad():
                p.mul_(1 + noise() * ULP)
        params.append([float(v) for v in p.detach().tolist()])
    with torch.no_grad():
        final_loss = surface.f(p).item()
    return opt, params, losses, final_loss


def noise_source(run_id):
    """u ~ U(-1, 1) per coordinate and step, from a torch generator seeded with crc32(run id).

    The original generator's seed/RNG for this field is not known (see README); this choice is
    deterministic and independent of which other runs are selected.
    """
    gen = torch.Generator().manual_seed(zlib.crc32(run_id.encode('utf-8')))
    return lambda: torch.rand(2, generator=gen, dtype=torch.float64) * 2 - 1


def _max_dev(a, b, upto=None):
    rows = list(zip(a, b))[:upto]
    return max(max(abs(x - y) for x, y in zip(pa, pb)) for pa, pb in rows)


def sensitivity(surface, case, lr, start, steps, run_id, params):
    _, noisy, _, _ = optimize(surface, case, lr, start, steps, noise=noise_source(run_id))
    devs = [max(abs(x - y) for x, y in zip(pa, pb)) for pa, pb in zip(params, noisy)]
    first = next((k + 1 for k, d in enumerate(devs) if d > DEV_THRESHOLD), None)
    _, p32, _, _ = optimize(surface, case, lr, start, steps, dtype=torch.float32)
    return {
        'float64_ulp_noise_max_abs_dev': max(devs),
        'float64_ulp_noise_first_step_dev_gt_1e-9': first,
        'float32_torch_max_abs_dev': _max_dev(p32, params),
        'float32_torch_max_abs_dev_first_50_steps': _max_dev(p32, params, 50),
    }


def first_step_outside(view_box, params):
    for k, (x, y) in enumerate(params):
        if not (view_box['xmin'] <= x <= view_box['xmax'] and view_box['ymin'] <= y <= view_box['ymax']):
            return k + 1
    return None


def trajectory_run(surface, start_id, opt_id, case, lr, steps):
    """One entry of ``runs`` in a surface_<name>.json file."""
    start = [jsonfmt.round_sig(v) for v in surface.starts[start_id]]
    run_id = '%s/%s/%s' % (surface.name, start_id, opt_id)
    opt, params, losses, final_loss = optimize(surface, case, lr, start, steps)
    return {
        'id': run_id,
        'surface': surface.name,
        'start_id': start_id,
        'start': start,
        'steps': steps,
        'optimizer': {
            'id': opt_id,
            'source': 'torch.optim' if case.port is None else 'independent-port',
            'class': 'torch.optim.' + case.cls if case.port is None else case.cls,
            'code_path': case.code_path,
            'hyperparams': dict(opt.defaults),   # every ctor argument, in torch's own order
        },
        'summary': {
            'max_abs_param': max(abs(v) for row in params for v in row),
            'first_step_outside_view_box': first_step_outside(surface.view_box, params),
        },
        'sensitivity': sensitivity(surface, case, lr, start, steps, run_id, params),
        'params': params,
        'loss': losses,
        'final_loss': final_loss,
    }


def value_and_grad(surface, point):
    p = torch.tensor([jsonfmt.round_sig(v) for v in point], dtype=torch.float64, requires_grad=True)
    value = surface.f(p)
    value.backward()
    return value.item(), p.grad.tolist()


def surface_checks(surface):
    labelled = [('start_' + k, v) for k, v in surface.starts.items()]
    labelled += [('minimum_%d' % i, m) for i, m in enumerate(surface.known_minima)]
    labelled += [('point_%d' % i, q) for i, q in enumerate(surface.extra_check_points())]
    checks = []
    for label, point in labelled:
        point = [jsonfmt.round_sig(v) for v in point]
        value, grad = value_and_grad(surface, point)
        checks.append({'label': label, 'point': point, 'value': value, 'grad': grad})
    return checks


# --------------------------------------------------------------------------- schedules

def _ctor_value(key, value):
    """Constructor values written as 'lambda ...' source text are eval'ed into the callable."""
    if isinstance(value, str) and value.startswith('lambda') and key in ('lr_lambda', 'scale_fn'):
        return eval(value, {'__builtins__': {}, 'min': min, 'max': max, 'math': __import__('math')})
    return value


# SequentialLR calls sub_scheduler.step(0) at a milestone (torch 1.13), which warns about the
# deprecated epoch argument; that is torch's own behaviour and part of what is recorded.
warnings.filterwarnings('ignore', message='The epoch parameter in `scheduler.step\\(\\)` was not necessary')


def build_scheduler(cls, constructor, opt):
    sched_cls = getattr(torch.optim.lr_scheduler, cls)
    kwargs = {}
    for key, value in constructor.items():
        if key == 'schedulers':
            value = [build_scheduler(s['class'], s['constructor'], opt) for s in value]
        kwargs[key] = _ctor_value(key, value)
    if cls == 'ChainedScheduler':   # the only scheduler that takes no optimizer
        return sched_cls(**kwargs)
    return sched_cls(opt, **kwargs)


def _cycles_momentum(cls, constructor):
    return cls in ('OneCycleLR', 'CyclicLR') and constructor.get('cycle_momentum', True)


def run_schedule(schedule_id, case, surface, optimizer_kwargs, num_steps):
    """One entry of ``schedules`` in schedules.json."""
    start = [jsonfmt.round_sig(v) for v in surface.starts['A']]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], **optimizer_kwargs)
    sched = build_scheduler(case.cls, case.constructor, opt)
    group = opt.param_groups[0]
    lrs, momenta, params, losses = [], [], [], []
    for _ in range(num_steps):
        lrs.append(group['lr'])
        momenta.append(group['momentum'])
        opt.zero_grad()
        loss = surface.f(p)
        loss.backward()
        opt.step()
        losses.append(loss.item())
        params.append([float(v) for v in p.detach().tolist()])
        if case.cls == 'ReduceLROnPlateau':
            sched.step(loss.item())   # fed the loss of the step just taken (at theta_k)
        else:
            sched.step()
    with torch.no_grad():
        final_loss = surface.f(p).item()
    entry = {
        'id': schedule_id,
        'class': 'torch.optim.lr_scheduler.' + case.cls,
        'constructor': case.constructor,
        'optimizer': {'class': 'torch.optim.SGD', 'constructed_with': dict(optimizer_kwargs)},
        'num_steps': num_steps,
        'lr': lrs,
    }
    cycles = _cycles_momentum(case.cls, case.constructor)
    if cycles:
        entry['momentum'] = momenta
    entry['lr_after_final_scheduler_step'] = group['lr']
    if cycles:
        entry['momentum_after_final_scheduler_step'] = group['momentum']
    entry['trajectory'] = {
        'surface': surface.name,
        'formula': surface.formula,
        'start': start,
        'params': params,
        'loss': losses,
        'final_loss': final_loss,
    }
    return entry
