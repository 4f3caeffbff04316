"""PyTorch side of `npm run bench`'s landscape_vs_pytorch: loss-landscape points of the zoo's
CIFAR-style ResNet (the same module as resnet_train_step.py, which mirrors src/gpu/nets/resnet.ts)
in eval mode, L(a, b) = mean cross-entropy of the net at w + a*dx + b*dy on a fixed batch.

The bench writes the weights, BN running statistics, both directions and the data to one float32
file with a JSON manifest (`load`), then asks for the same grid points as its own slice, one row
at a time, so the two interleave in one run (this VM's speed drifts by 2x within seconds):
  load <manifest.json>          -> "ready <threads> <torch version>"
  points <mode> <a>,<b> ...     -> "<wall s> <process CPU s> <loss> <loss> ...", the times
                                   for all the points together
  profile <mode> <a>,<b>        -> the ops taking the most of one point's time, e.g.
                                   "aten::mkldnn_convolution×21:93% aten::relu_×19:3% ..."
  quit
<mode> is how torch evaluates a point, so that the bench can keep whichever is faster here:
  eager     the net as written, BatchNorm in eval mode, NCHW tensors; a point copies
            w + a*dx + b*dy into its parameters
  fused     BatchNorm folded into each conv (torch.fx.experimental.optimization.fuse) once per
            slice, as ours does: with the directions zero on every BN scale the folded weights
            are affine in (a, b), F = F(w) + a*(F(w+dx) - F(w)) + b*(F(w+dy) - F(w)), so a point
            copies that into the fused net's parameters
  eager-cl, fused-cl  the same in channels-last memory format (NHWC in memory), in which
            Debian's torch 1.13 runs its convs through oneDNN (NCHW convs take another path here,
            several times slower on these shapes)
Manifest: {"config": {depth, shortcut, width, k, channels, classes}, "threads", "bin",
"tensors": [{"group": "state" | "dx" | "dy" | "x" | "y", "name", "shape"}, ...]} with the
tensors' float32 values one after the other in "bin" (x in NCHW, y as floats).
"""
import copy
import json
import sys
import time

import torch
import torch.nn.functional as F
from torch.fx.experimental.optimization import fuse

from resnet_train_step import ResNet


def load(path):
    with open(path) as f:
        m = json.load(f)
    c = m["config"]
    if m["threads"] > 0:
        torch.set_num_threads(m["threads"])
    with open(m["bin"], "rb") as f:
        flat = torch.frombuffer(bytearray(f.read()), dtype=torch.float32)
    groups, off = {"state": [], "dx": [], "dy": []}, 0
    for t in m["tensors"]:
        size = 1
        for s in t["shape"]:
            size *= s
        value = flat[off : off + size].reshape(t["shape"]).clone()
        off += size
        if t["group"] in ("x", "y"):
            groups[t["group"]] = value
        else:
            groups[t["group"]].append((t["name"], value))
    if off != flat.numel():
        raise ValueError(f"{m['bin']}: {flat.numel()} floats, the manifest names {off}")
    net = ResNet(c["depth"], bool(c["shortcut"]), c["width"], c["k"], c["channels"], c["classes"])
    # Our names say layer<s>.<j> where this module says blocks.<i>; the order and the last two
    # parts of every name are the same (checked), so tensors are matched by position.
    ours = net.state_dict()
    keys = [k for k in ours if not k.endswith("num_batches_tracked")]
    net.load_state_dict(
        {**ours, **dict(zip(keys, matched(keys, groups["state"], ours)))}, strict=True
    )
    net.eval()
    names = [n for n, _ in net.named_parameters()]
    dirs = {g: matched(names, groups[g], ours) for g in ("dx", "dy")}
    scales = {f"{m}.weight" for m, mod in net.named_modules() if isinstance(mod, torch.nn.BatchNorm2d)}
    for name, d in zip(names, zip(dirs["dx"], dirs["dy"])):
        if name in scales and any(t.abs().max() != 0 for t in d):
            raise ValueError(f"the directions move BN scale {name}: the fold is not affine in them")
    w = param_vector(net)
    dx, dy = (torch.cat([t.reshape(-1) for t in dirs[g]]) for g in ("dx", "dy"))
    x, plans = groups["x"], {}
    for cl in (False, True):
        eager = copy.deepcopy(net)
        if cl:
            eager = eager.to(memory_format=torch.channels_last)
        xs = x.contiguous(memory_format=torch.channels_last) if cl else x
        suffix = "-cl" if cl else ""
        plans["eager" + suffix] = (eager, w, dx, dy, xs)
        folded = [param_vector(fuse(set_params(eager, v))) for v in (w, w + dx, w + dy)]
        fused = fuse(set_params(eager, w))
        plans["fused" + suffix] = (fused, folded[0], folded[1] - folded[0], folded[2] - folded[0], xs)
    return dict(plans=plans, y=groups["y"].long())


def param_vector(net):
    """net's parameters as one vector, each in its logical (NCHW) order whatever its memory format."""
    return torch.cat([p.reshape(-1) for p in net.parameters()])


def set_params(net, v):
    """Copy the flat vector v into net's parameters in place (each keeps its memory format)."""
    off = 0
    for p in net.parameters():
        p.copy_(v[off : off + p.numel()].view_as(p))
        off += p.numel()
    return net


def matched(keys, named, reference):
    """The values of `named` (our (name, tensor) pairs), checked to line up with torch's `keys`."""
    if len(keys) != len(named):
        raise ValueError(f"{len(named)} tensors sent, the torch net has {len(keys)}")
    for k, (name, v) in zip(keys, named):
        if k.split(".")[-2:] != name.split(".")[-2:] or reference[k].shape != v.shape:
            raise ValueError(f"{name} {list(v.shape)} does not match torch's {k} {list(reference[k].shape)}")
    return [v for _, v in named]


def loss_at(s, mode, a, b):
    net, base, dx, dy, x = s["plans"][mode]
    set_params(net, base + a * dx + b * dy)
    return F.cross_entropy(net(x), s["y"]).item()


def main():
    state = None
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "load":
            with torch.no_grad():
                state = load(cmd[1])
            print("ready", torch.get_num_threads(), torch.__version__, flush=True)
        elif cmd[0] == "points":
            mode, pts = cmd[1], [tuple(map(float, p.split(","))) for p in cmd[2:]]
            t0, c0 = time.perf_counter(), time.process_time()
            with torch.no_grad():
                losses = [loss_at(state, mode, a, b) for a, b in pts]
            t, c = time.perf_counter() - t0, time.process_time() - c0
            print(t, c, *(repr(l) for l in losses), flush=True)
        elif cmd[0] == "profile":
            a, b = map(float, cmd[2].split(","))
            with torch.no_grad(), torch.profiler.profile() as prof:
                loss_at(state, cmd[1], a, b)
            ops = sorted(prof.key_averages(), key=lambda e: -e.self_cpu_time_total)
            total = sum(e.self_cpu_time_total for e in ops) or 1
            top = [f"{e.key}×{e.count}:{round(100 * e.self_cpu_time_total / total)}%" for e in ops[:4]]
            print(*top, flush=True)
        elif cmd[0] == "quit":
            break


if __name__ == "__main__":
    main()
