"""PyTorch side of `npm run bench`'s landscape_vs_pytorch: loss-landscape points of the zoo's
CIFAR-style ResNet (the same module as resnet_train_step.py, which mirrors src/gpu/nets/resnet.ts)
in eval mode, L(a, b) = mean cross-entropy of the net at w + a*dx + b*dy on a fixed batch.

The bench writes the weights, BN running statistics, both directions and the data to one float32
file with a JSON manifest (`load`), then asks for the same grid points as its own slice, one row
at a time, so the two interleave in one run (this VM's speed drifts by 2x within seconds):
  load <manifest.json>          -> "ready <threads> <torch version>"
  points <mode> <a>,<b> ...     -> "<seconds for all the points> <loss> <loss> ..."
  quit
<mode> is how torch evaluates a point, so that the bench can keep whichever is faster here:
  eager     the net as written, BatchNorm in eval mode, NCHW tensors
  fused     BatchNorm folded into each conv first (torch.fx.experimental.optimization.fuse,
            which copies the net: that copy is inside the point's time)
  eager-cl, fused-cl  the same in channels-last memory format (NHWC in memory), in which
            Debian's torch 1.13 runs its convs through oneDNN: ~20x faster than NCHW here
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
from torch.nn.utils import parameters_to_vector

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
    vec = lambda g: torch.cat([v.reshape(-1) for v in matched(names, groups[g], ours)])
    w = parameters_to_vector(net.parameters()).clone()
    cl = copy.deepcopy(net).to(memory_format=torch.channels_last)
    x = groups["x"]
    return dict(
        nets={False: net, True: cl},
        xs={False: x, True: x.contiguous(memory_format=torch.channels_last)},
        w=w,
        dx=vec("dx"),
        dy=vec("dy"),
        y=groups["y"].long(),
    )


def matched(keys, named, reference):
    """The values of `named` (our (name, tensor) pairs), checked to line up with torch's `keys`."""
    if len(keys) != len(named):
        raise ValueError(f"{len(named)} tensors sent, the torch net has {len(keys)}")
    for k, (name, v) in zip(keys, named):
        if k.split(".")[-2:] != name.split(".")[-2:] or reference[k].shape != v.shape:
            raise ValueError(f"{name} {list(v.shape)} does not match torch's {k} {list(reference[k].shape)}")
    return [v for _, v in named]


def loss_at(s, mode, a, b):
    cl = mode.endswith("-cl")
    net = s["nets"][cl]
    v, off = s["w"] + a * s["dx"] + b * s["dy"], 0
    for p in net.parameters():  # in place, so each keeps its memory format
        p.copy_(v[off : off + p.numel()].view_as(p))
        off += p.numel()
    if mode.startswith("fused"):
        net = fuse(net)
    return F.cross_entropy(net(s["xs"][cl]), s["y"]).item()


def main():
    state = None
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "load":
            state = load(cmd[1])
            print("ready", torch.get_num_threads(), torch.__version__, flush=True)
        elif cmd[0] == "points":
            mode, pts = cmd[1], [tuple(map(float, p.split(","))) for p in cmd[2:]]
            t0 = time.perf_counter()
            with torch.no_grad():
                losses = [loss_at(state, mode, a, b) for a, b in pts]
            t = time.perf_counter() - t0
            print(t, *(repr(l) for l in losses), flush=True)
        elif cmd[0] == "quit":
            break


if __name__ == "__main__":
    main()
