"""The shipped models' training recipe in PyTorch, to tell what the recipe can do from what our
tfjs training does (docs/SHIPPED.md quotes its results).

The same network as src/gpu/nets/resnet.ts (bench/pytorch/resnet_train_step.py: option-B
shortcuts, BN, global average pool; Kaiming-normal conv/linear weights as src/gpu/nets/params.ts,
but the linear bias keeps torch's uniform init where ours is 0),
the same data (public/data/fashion-mnist-<size>: 4000 train / 1000 test images, standardised with
the train split's pixel mean and std), the same recipe as scripts/make-shipped-landscapes.ts's
default: batch 128 drawn without replacement per epoch (a short last batch), SGD momentum 0.9,
weight decay 5e-4, a linear warm-up from lr/10 over min(32, steps/4) steps then a cosine to 0, stepped per
batch; BN in train mode, test accuracy with BN in eval mode. Seeds are torch's, so a run is not
the same run as ours — compare the spread over seeds.

    /usr/bin/python3 scripts/pytorch-reference/train_zoo.py DEPTH SKIP(0|1) LR EPOCHS [K] [SEED]
    e.g. /usr/bin/python3 scripts/pytorch-reference/train_zoo.py 56 0 0.1 30 1 0
"""
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench", "pytorch"))
from resnet_train_step import ResNet  # noqa: E402

# SIZE: the input side, 7 (shipped) or 14 (public/data/fashion-mnist-14), from ZOO_SIZE.
WIDTH, N_TRAIN, N_TEST, BATCH = 8, 4000, 1000, 128
SIZE = int(os.environ.get("ZOO_SIZE", "7"))


def load(split, n):
    d = os.path.join(ROOT, "public", "data", f"fashion-mnist-{SIZE}")
    x = np.fromfile(os.path.join(d, f"{split}-images.bin"), dtype=np.uint8)
    y = np.fromfile(os.path.join(d, f"{split}-labels.bin"), dtype=np.uint8)
    x = torch.tensor(x.reshape(n, 1, SIZE, SIZE).astype(np.float32) / 255)
    return x, torch.tensor(y.astype(np.int64))


def main():
    depth, skip, lr, epochs = int(sys.argv[1]), sys.argv[2] == "1", float(sys.argv[3]), int(sys.argv[4])
    k = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    xtr, ytr = load("train", N_TRAIN)
    xte, yte = load("test", N_TEST)
    mean, std = xtr.mean(), xtr.std()
    xtr, xte = (xtr - mean) / std, (xte - mean) / std
    net = ResNet(depth, skip, WIDTH, k, 1)
    for m in net.modules():
        if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
            torch.nn.init.kaiming_normal_(m.weight)
    opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)
    steps = epochs * -(-N_TRAIN // BATCH)
    warmup = min(32, steps // 4)
    sched = torch.optim.lr_scheduler.SequentialLR(
        opt,
        [
            torch.optim.lr_scheduler.LinearLR(opt, 0.1, 1.0, warmup),
            torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps - warmup),
        ],
        [warmup],
    )
    t0 = time.time()
    net.train()
    for _ in range(epochs):
        perm = torch.randperm(N_TRAIN)
        for i in range(0, N_TRAIN, BATCH):
            idx = perm[i : i + BATCH]
            loss = F.cross_entropy(net(xtr[idx]), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    net.eval()
    with torch.no_grad():
        acc = (net(xte).argmax(1) == yte).float().mean().item()
    name = f"resnet-{depth}" if k == 1 else f"wrn-{depth}-k{k}"
    print(
        f"{name}{'' if skip else '-ns'} {SIZE}x{SIZE} lr {lr} epochs {epochs} seed {seed}: "
        f"test accuracy {100 * acc:.1f} % ({time.time() - t0:.0f} s)"
    )


if __name__ == "__main__":
    main()
