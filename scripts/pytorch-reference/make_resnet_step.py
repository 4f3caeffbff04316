"""Writes test/fixtures/pytorch/resnet_train_step.json: two training steps of the zoo's ResNet
(bench/pytorch/resnet_train_step.py, the same architecture as src/gpu/nets/resnet.ts) in torch,
float32, one thread: BN in train mode, mean cross-entropy, SGD lr 0.1, momentum 0.9, weight
decay 5e-4. Depth 8 (one block per stage, so both projection shortcuts and a stride-2 conv are
in it), width 2, 1×6×6 inputs, 3 classes, batch 5; with and without shortcuts.

Stored per net: the inputs (NCHW), labels, the initial state_dict (weights rounded to 12
significant digits before use, as the other fixtures), and per step the loss, every parameter's
gradient, and the state_dict after the update (weights and BN running statistics).

    /usr/bin/python3 scripts/pytorch-reference/make_resnet_step.py
"""
import json
import os
import sys

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "pytorch"))
from resnet_train_step import ResNet  # noqa: E402


def r12(t):
    return [float(f"{v:.12g}") for v in t.detach().reshape(-1).tolist()]


def state(net):
    # Our names: blocks are layerS.J (the Sequential here numbers them 0..3n-1).
    n = (len(net.blocks)) // 3
    out = {}
    for k, v in net.state_dict().items():
        if k.endswith("num_batches_tracked"):
            continue
        if k.startswith("blocks."):
            i = int(k.split(".")[1])
            k = f"layer{i // n + 1}.{i % n}." + k.split(".", 2)[2]
        out[k] = {"shape": list(v.shape), "values": r12(v)}
    return out


def run(shortcut):
    torch.manual_seed(3 if shortcut else 4)
    net = ResNet(8, shortcut, 2, 1, 1, classes=3)
    with torch.no_grad():  # BN weights and biases away from 1 and 0, so their gradients matter
        for name, p in net.named_parameters():
            if "bn" in name or "shortcut.1" in name:
                p.add_(0.3 * torch.randn_like(p))
        for p in net.parameters():
            p.copy_(torch.tensor(r12(p)).reshape(p.shape))
    net.train()
    x = torch.tensor(r12(torch.randn(5, 1, 6, 6))).reshape(5, 1, 6, 6)
    y = torch.tensor([0, 1, 2, 1, 0])
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
    names = list(state(net).keys())
    pnames = [k for k in names if not (k.endswith("running_mean") or k.endswith("running_var"))]
    first = state(net)
    steps = []
    for _ in range(2):
        opt.zero_grad()
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        grads = {k: r12(p.grad) for k, p in zip(pnames, net.parameters())}
        opt.step()
        steps.append({"loss": float(f"{loss.item():.12g}"), "grads": grads, "after": state(net)})
    return {
        "shortcut": shortcut,
        "x_nchw": r12(x),
        "x_shape": [5, 1, 6, 6],
        "y": y.tolist(),
        "initial": first,
        "steps": steps,
    }


def main():
    torch.set_num_threads(1)
    doc = {
        "meta": {
            "kind": "resnet_train_step",
            "torch": torch.__version__,
            "dtype": "float32",
            "model": "ResNet depth 8, width 2, 1 input channel, 3 classes, option-B shortcuts",
            "optimizer": "SGD(lr=0.1, momentum=0.9, weight_decay=5e-4)",
            "generator": "scripts/pytorch-reference/make_resnet_step.py",
        },
        "nets": [run(True), run(False)],
    }
    out = os.path.join(ROOT, "test", "fixtures", "pytorch", "resnet_train_step.json")
    with open(out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(out, os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
