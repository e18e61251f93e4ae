#!/usr/bin/env python3
"""PyTorch eager peers of the harness's workloads, timed the way a PyTorch user would run them.

Each workload builds the harness's architecture at a suite's shapes and times a train step
(forward, loss, backward, AdamW step) or an evaluation batch (inference mode), after warm-up, with
a fixed number of intra-op threads. Prints one JSON line per workload with samples per second.
Runs with any PyTorch 2.x; torchvision is not needed. Weights are random: speed does not depend
on their values.

  python3 scripts/peer/peer.py --threads 2 [--device cpu|cuda] [--workload minilm-train ...]
                               [--composed-attention] [--optimizer torch|composed] [--tf-padding]
                               [--composed-relu6] [--as-harness]

`--as-harness` (all four switches) computes what the harness computes, kernel for kernel, with
nothing but the calls DJL 0.36 offers: composed attention, AdamW from elementwise calls, ReLU6 from
a clamp or two relus, and TensorFlow's padding, which the imported Keras weights need. The
difference between that and the defaults is what kernels out of DJL's reach are worth.
`minilm-adamw` times the optimizer step alone over MiniLM-L6's parameters.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class BertLayer(nn.Module):
    """A post-norm BERT layer, as all-MiniLM-L6-v2's: attention, then GELU feed-forward."""

    def __init__(self, hidden, heads, intermediate, eps, fused):
        super().__init__()
        self.heads = heads
        self.fused = fused
        self.qkv = nn.ModuleList(nn.Linear(hidden, hidden) for _ in range(3))
        self.out = nn.Linear(hidden, hidden)
        self.norm1 = nn.LayerNorm(hidden, eps=eps)
        self.up = nn.Linear(hidden, intermediate)
        self.down = nn.Linear(intermediate, hidden)
        self.norm2 = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x, mask):
        b, length, hidden = x.shape
        q, k, v = (p(x).view(b, length, self.heads, -1).transpose(1, 2) for p in self.qkv)
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        if self.fused:
            # what Hugging Face's BERT runs by default (attn_implementation="sdpa")
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=bias, dropout_p=0.1 if self.training else 0.0)
        else:
            scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]) + bias
            a = self.dropout(scores.softmax(-1)) @ v
        a = a.transpose(1, 2).reshape(b, length, hidden)
        x = self.norm1(x + self.dropout(self.out(a)))
        return self.norm2(x + self.dropout(self.down(F.gelu(self.up(x)))))


class MiniLmClassifier(nn.Module):
    """all-MiniLM-L6-v2's shape (6 layers, 384 wide, 12 heads) with the harness's head: masked mean, dropout, linear."""

    def __init__(self, classes=2, vocab=30522, hidden=384, layers=6, heads=12, intermediate=1536, positions=512,
                 fused=True):
        super().__init__()
        self.words = nn.Embedding(vocab, hidden)
        self.positions = nn.Embedding(positions, hidden)
        self.types = nn.Embedding(2, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.layers = nn.ModuleList(BertLayer(hidden, heads, intermediate, 1e-12, fused) for _ in range(layers))
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(hidden, classes)

    def forward(self, ids, mask):
        positions = torch.arange(ids.shape[1], device=ids.device)[None, :]
        x = self.dropout(self.norm(self.words(ids) + self.positions(positions) + self.types(torch.zeros_like(ids))))
        for layer in self.layers:
            x = layer(x, mask)
        m = mask[:, :, None].to(x.dtype)
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return self.head(self.dropout(pooled))


class ComposedAdamW(torch.optim.Optimizer):
    """The harness's InPlaceAdamW, op for op: AdamW from the elementwise calls DJL 0.36's NDArray
    has (no lerp_, addcmul_ or addcdiv_, no foreach), then the gradient cleared in place, as DJL's
    engine kernels leave it, instead of torch's set_to_none."""

    def __init__(self, params, lr, weight_decay, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, weight_decay=weight_decay, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, decay, (beta1, beta2), eps = group["lr"], group["weight_decay"], group["betas"], group["eps"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state.update(t=0, mean=torch.zeros_like(p), variance=torch.zeros_like(p))
                state["t"] += 1
                t = state["t"]
                step = lr * math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
                g = p.grad
                p.mul_(1 - lr * decay)
                squares = g.square()
                state["mean"].mul_(beta1).add_(g.mul_(1 - beta1))
                state["variance"].mul_(beta2).add_(squares.mul_(1 - beta2))
                p.sub_(state["mean"].mul(step).div_(state["variance"].sqrt().add_(eps)))
                g.zero_()

    def zero_grad(self, set_to_none=True):
        pass  # step() cleared them


OPTIMIZERS = {
    "torch": lambda params: torch.optim.AdamW(params, lr=1e-4, weight_decay=0.01),
    "composed": lambda params: ComposedAdamW(params, lr=1e-4, weight_decay=0.01),
}


class ComposedRelu6(nn.Module):
    """ReLU6 as the harness computes it (DJL 0.36 has no hardtanh): one clamp where no gradient flows,
    relu(x) - relu(x - 6) where one does, since clamp's backward in libtorch is four unvectorised
    kernels (ge, le, logical_and, where) where hardtanh's is one."""

    def forward(self, x):
        if not x.requires_grad:
            return x.clamp(0, 6)
        return F.relu(x) - F.relu(x - 6)


def conv_bn(cin, cout, kernel, stride, groups=1, act=True, tf_padding=False, composed_relu6=False):
    if tf_padding and stride == 2:
        # Keras's correct_pad for an even input: one row and column after the image, then "valid";
        # what weights trained in TensorFlow need (timm's tf_ models pad the same way)
        layers = [nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(cin, cout, kernel, stride, 0, groups=groups, bias=False)]
    else:
        layers = [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False)]
    layers.append(nn.BatchNorm2d(cout))
    if act:
        layers.append(ComposedRelu6() if composed_relu6 else nn.ReLU6(inplace=True))
    return nn.Sequential(*layers)


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, stride, expand, tf_padding, composed_relu6):
        super().__init__()
        mid = cin * expand
        layers = [] if expand == 1 else [conv_bn(cin, mid, 1, 1, composed_relu6=composed_relu6)]
        layers += [conv_bn(mid, mid, 3, stride, groups=mid, tf_padding=tf_padding, composed_relu6=composed_relu6),
                   conv_bn(mid, cout, 1, 1, act=False)]
        self.block = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        return x + self.block(x) if self.residual else self.block(x)


class MobileNetV2(nn.Module):
    """MobileNetV2 at width 1.0 (Keras' and torchvision's), global average pooling, dropout, linear."""

    SETTINGS = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
                (6, 320, 1, 1)]

    def __init__(self, classes=10, dropout=0.2, tf_padding=False, composed_relu6=False):
        super().__init__()
        layers = [conv_bn(3, 32, 3, 2, tf_padding=tf_padding, composed_relu6=composed_relu6)]
        cin = 32
        for expand, cout, repeats, stride in self.SETTINGS:
            for i in range(repeats):
                layers.append(InvertedResidual(cin, cout, stride if i == 0 else 1, expand, tf_padding, composed_relu6))
                cin = cout
        layers.append(conv_bn(cin, 1280, 1, 1, composed_relu6=composed_relu6))
        self.features = nn.Sequential(*layers)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(1280, classes)

    def forward(self, x):
        return self.head(self.dropout(self.features(x).mean((2, 3))))


def text_batch(batch, length, device):
    generator = torch.Generator().manual_seed(1)
    ids = torch.randint(1000, 30000, (batch, length), generator=generator)
    ids[:, 0] = 101
    mask = torch.ones(batch, length, dtype=torch.long)
    return (ids.to(device), mask.to(device)), torch.randint(0, 2, (batch,), generator=generator).to(device)


def image_batch(batch, size, device):
    generator = torch.Generator().manual_seed(1)
    return ((torch.rand(batch, 3, size, size, generator=generator).to(device),),
            torch.randint(0, 10, (batch,), generator=generator).to(device))


WORKLOADS = {
    # name: (model, batch maker, batch size, shape, train?) at the default profiles' shapes
    "minilm-train": (lambda a: MiniLmClassifier(fused=not a.composed_attention), text_batch, 16, 64, True),
    "minilm-eval": (lambda a: MiniLmClassifier(fused=not a.composed_attention), text_batch, 64, 64, False),
    "mobilenet-train": (lambda a: MobileNetV2(tf_padding=a.tf_padding, composed_relu6=a.composed_relu6), image_batch, 32, 96, True),
    "mobilenet-eval": (lambda a: MobileNetV2(tf_padding=a.tf_padding, composed_relu6=a.composed_relu6), image_batch, 32, 96, False),
    "minilm-adamw": (lambda a: MiniLmClassifier(), text_batch, 16, 64, "optimizer"),
}


def measure(name, device, args):
    make_model, make_batch, batch, shape, train = WORKLOADS[name]
    seconds, warmup, optimizer_name = args.seconds, args.warmup, args.optimizer
    torch.manual_seed(1)
    model = make_model(args).to(device)
    inputs, labels = make_batch(batch, shape, device)
    if train == "optimizer":
        optimizer = OPTIMIZERS[optimizer_name](model.parameters())
        for p in model.parameters():
            p.grad = torch.randn_like(p)

        def step():
            optimizer.step()  # the composed one zeroes the gradients: the same kernels, on zeros
    elif train:
        model.train()
        optimizer = OPTIMIZERS[optimizer_name](model.parameters())

        def step():
            optimizer.zero_grad(set_to_none=True)
            F.cross_entropy(model(*inputs), labels).backward()
            optimizer.step()
    else:
        model.eval()

        def step():
            with torch.inference_mode():
                model(*inputs).softmax(-1)

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    for _ in range(warmup):
        step()
    sync()
    steps = 0
    start = time.perf_counter()
    while True:
        step()
        steps += 1
        sync()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds and steps >= 3:
            break
    image = name.startswith("mobilenet")
    return {"workload": name, "batch": batch, "shape": shape, "steps": steps, "seconds": round(elapsed, 3),
            "samples_per_second": round(steps * batch / elapsed, 2),
            "seconds_per_step": round(elapsed / steps, 4),
            "attention": None if image else "composed" if args.composed_attention else "sdpa",
            "tf_padding": args.tf_padding if image else None,
            "relu6": ("composed" if args.composed_relu6 else "hardtanh") if image else None,
            "optimizer": optimizer_name if train else None,
            "torch": torch.__version__, "device": str(device), "threads": torch.get_num_threads()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workload", action="append", choices=sorted(WORKLOADS), help="default: all but minilm-adamw")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--seconds", type=float, default=20, help="timed seconds per workload")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps first")
    parser.add_argument("--composed-attention", action="store_true",
                        help="MiniLM attention from matmul and softmax, as the harness computes it, not SDPA")
    parser.add_argument("--optimizer", choices=sorted(OPTIMIZERS), default="torch",
                        help="torch's AdamW, or the harness's InPlaceAdamW op for op (composed)")
    parser.add_argument("--tf-padding", action="store_true",
                        help="MobileNetV2's stride-2 convolutions padded as TensorFlow's 'same' (explicitly, after "
                             "the image), as the harness's imported Keras weights need, not symmetrically")
    parser.add_argument("--composed-relu6", action="store_true",
                        help="MobileNetV2's ReLU6 as the harness computes it (a clamp, or two relus where a "
                             "gradient flows), not hardtanh")
    parser.add_argument("--as-harness", action="store_true",
                        help="all four of the above: kernel for kernel what the harness computes through DJL 0.36")
    args = parser.parse_args()
    if args.as_harness:
        args.composed_attention, args.optimizer, args.tf_padding, args.composed_relu6 = True, "composed", True, True
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    for name in args.workload or sorted(w for w in WORKLOADS if w != "minilm-adamw"):
        print(json.dumps(measure(name, torch.device(args.device), args)), flush=True)


if __name__ == "__main__":
    main()
