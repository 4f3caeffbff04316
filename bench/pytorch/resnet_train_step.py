"""PyTorch side of `npm run bench`'s train_vs_pytorch: the zoo's CIFAR-style ResNet
(src/gpu/nets/resnet.ts — option-B projection shortcuts, BN, global average pool) on the same
data shape, one SGD step (lr 0.1, momentum 0.9, weight decay 5e-4) per call, BN in train mode.

A line protocol on stdin/stdout so that the bench can interleave it with our own steps in one
run (this VM's speed drifts by 2x within seconds):
  init <depth> <shortcut 0|1> <width> <k> <input> <channels> <batch> <threads>  -> "ready <threads>"
  steps <n>                                                  -> "<seconds per step>"
  quit
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, inp, planes, stride, shortcut):
        super().__init__()
        self.conv1 = nn.Conv2d(inp, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.use_shortcut = shortcut
        self.shortcut = nn.Sequential()
        if shortcut and (stride != 1 or inp != planes):
            self.shortcut = nn.Sequential(
                nn.Conv2d(inp, planes, 1, stride, bias=False), nn.BatchNorm2d(planes)
            )

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        if self.use_shortcut:
            out = out + self.shortcut(x)
        return F.relu(out)


class ResNet(nn.Module):
    def __init__(self, depth, shortcut, width, k, channels, classes=10):
        super().__init__()
        n = (depth - 2) // 6
        w0 = width * k
        self.conv1 = nn.Conv2d(channels, w0, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(w0)
        blocks, inp = [], w0
        for s, mult in enumerate([1, 2, 4]):
            for j in range(n):
                stride = 2 if j == 0 and s > 0 else 1
                blocks.append(Block(inp, w0 * mult, stride, shortcut))
                inp = w0 * mult
        self.blocks = nn.Sequential(*blocks)
        self.linear = nn.Linear(inp, classes)

    def forward(self, x):
        h = self.blocks(F.relu(self.bn1(self.conv1(x))))
        return self.linear(h.mean(dim=(2, 3)))


def main():
    state = {}
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "init":
            depth, shortcut, width, k, size, channels, batch, threads = map(int, cmd[1:9])
            if threads > 0:  # 0: torch's default (one per core)
                torch.set_num_threads(threads)
            torch.manual_seed(0)
            net = ResNet(depth, bool(shortcut), width, k, channels)
            net.train()
            opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
            x = torch.randn(512, channels, size, size)
            y = torch.randint(0, 10, (512,))
            state = dict(net=net, opt=opt, x=x, y=y, batch=batch)
            print("ready", torch.get_num_threads(), flush=True)
        elif cmd[0] == "steps":
            n = int(cmd[1])
            net, opt, x, y, b = state["net"], state["opt"], state["x"], state["y"], state["batch"]
            t0 = time.perf_counter()
            for _ in range(n):
                idx = torch.randint(0, x.shape[0], (b,))
                opt.zero_grad(set_to_none=True)
                loss = F.cross_entropy(net(x[idx]), y[idx])
                loss.backward()
                opt.step()
                loss.item()
            print((time.perf_counter() - t0) / n, flush=True)
        elif cmd[0] == "quit":
            break


if __name__ == "__main__":
    main()
