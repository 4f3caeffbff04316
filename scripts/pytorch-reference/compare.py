#!/usr/bin/python3
"""Compare a folder of generated reference files with the committed one.

    /usr/bin/python3 scripts/pytorch-reference/compare.py GENERATED_DIR REFERENCE_DIR

For every *.json present in both folders it walks both documents together and prints
* structural differences: missing / extra keys, different key order, different array
  lengths, different value types (these always fail);
* per field group, the number of numbers compared, the max |delta| and max relative delta
  (|delta| / |reference|, where the reference is not 0) and where the max |delta| is:
    trajectory  params, loss, final_loss, summary, checks, lr, momentum, lr/momentum_after_*
    float32     sensitivity.float32_torch_*
    ulp_noise   sensitivity.float64_ulp_noise_*   (reported only: see README, not reproducible)
    other       everything else (hyperparams, starts, view box, constructor arguments ...)
* strings / booleans / nulls that differ (fail, except paths in --ignore, default meta.generator).

A number fails when |delta| > atol + rtol * |reference| (defaults: atol 0, rtol 1e-11, i.e. a
different 12th significant digit in the rounded files). The ulp_noise group fails only with
--check-ulp-noise. Exit status: 0 = no failure, 1 = failure, 2 = usage error.
"""
import argparse
import glob
import json
import math
import os
import sys

GROUPS = ['trajectory', 'float32', 'ulp_noise', 'other']
TRAJECTORY_KEYS = {'params', 'loss', 'final_loss', 'summary', 'checks', 'lr', 'momentum',
                   'lr_after_final_scheduler_step', 'momentum_after_final_scheduler_step'}


def group_of(path):
    keys = [k for k in path if isinstance(k, str)]
    if 'sensitivity' in keys:
        last = keys[-1]
        if last.startswith('float64_ulp_noise'):
            return 'ulp_noise'
        if last.startswith('float32_torch'):
            return 'float32'
    if any(k in TRAJECTORY_KEYS for k in keys):
        return 'trajectory'
    return 'other'


def path_text(path):
    out = ''
    for k in path:
        out += '[%d]' % k if isinstance(k, int) else ('.' if out else '') + k
    return out or '<root>'


def kind(v):
    if v is None:
        return 'null'
    if isinstance(v, bool):
        return 'bool'
    if isinstance(v, (int, float)):
        return 'number'
    return {str: 'string', list: 'array', dict: 'object'}[type(v)]


class Report:
    def __init__(self):
        self.structural = []
        self.text = []
        self.stats = {g: {'n': 0, 'max_abs': 0.0, 'max_rel': 0.0, 'where': None, 'fail': 0} for g in GROUPS}
        self.null_vs_number = {g: [] for g in GROUPS}

    def number(self, path, a, b, atol, rtol):
        g = group_of(path)
        s = self.stats[g]
        d = abs(a - b)
        s['n'] += 1
        if d > s['max_abs']:
            s['max_abs'] = d
            s['where'] = (path_text(path), a, b)
        if b != 0:
            s['max_rel'] = max(s['max_rel'], d / abs(b))
        if d > atol + rtol * abs(b):
            s['fail'] += 1


def walk(a, b, path, rep, atol, rtol, ignore):
    ka, kb = kind(a), kind(b)
    if ka != kb:
        if {ka, kb} == {'null', 'number'} and group_of(path) == 'ulp_noise':
            rep.null_vs_number['ulp_noise'].append((path_text(path), a, b))
        else:
            rep.structural.append('%s: type %s vs %s' % (path_text(path), ka, kb))
        return
    if ka == 'object':
        if list(a) != list(b):
            missing = [k for k in b if k not in a]
            extra = [k for k in a if k not in b]
            if missing:
                rep.structural.append('%s: missing keys %s' % (path_text(path), missing))
            if extra:
                rep.structural.append('%s: extra keys %s' % (path_text(path), extra))
            if not missing and not extra:
                rep.structural.append('%s: key order %s vs %s' % (path_text(path), list(a), list(b)))
        for k in a:
            if k in b:
                walk(a[k], b[k], path + [k], rep, atol, rtol, ignore)
    elif ka == 'array':
        if len(a) != len(b):
            rep.structural.append('%s: length %d vs %d' % (path_text(path), len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            walk(x, y, path + [i], rep, atol, rtol, ignore)
    elif ka == 'number':
        if isinstance(a, float) != isinstance(b, float):
            rep.structural.append('%s: %r vs %r (int vs float)' % (path_text(path), a, b))
        rep.number(path, float(a), float(b), atol, rtol)
    elif a != b and path_text(path) not in ignore:
        rep.text.append('%s: %r vs %r' % (path_text(path), a, b))


def compare_file(gen_path, ref_path, args):
    with open(gen_path, encoding='utf-8') as fh:
        gen_text = fh.read()
    with open(ref_path, encoding='utf-8') as fh:
        ref_text = fh.read()
    rep = Report()
    walk(json.loads(gen_text), json.loads(ref_text), [], rep, args.atol, args.rtol, set(args.ignore))
    name = os.path.basename(ref_path)
    print('== %s%s' % (name, '  (byte-identical)' if gen_text == ref_text else ''))
    failed = False
    for g in GROUPS:
        s = rep.stats[g]
        if not s['n']:
            continue
        checked = g != 'ulp_noise' or args.check_ulp_noise
        status = ('FAIL (%d numbers)' % s['fail'] if s['fail'] else 'ok') if checked else 'not checked'
        failed |= checked and s['fail'] > 0
        where = '' if not s['where'] else '  max at %s: %r vs %r' % s['where']
        print('  %-10s n=%-7d max|d|=%-10.3g max rel=%-10.3g %s%s' % (g, s['n'], s['max_abs'], s['max_rel'], status, where))
    for p, a, b in rep.null_vs_number['ulp_noise']:
        print('  ulp_noise  %s: %r vs %r' % (p, a, b))
    if args.verbose and rep.stats['ulp_noise']['n']:
        print_ulp_ratios(gen_text, ref_text)
    for line in rep.text:
        print('  TEXT       ' + line)
    for line in rep.structural:
        print('  STRUCTURE  ' + line)
    failed |= bool(rep.text) or bool(rep.structural)
    return failed, rep


def print_ulp_ratios(gen_text, ref_text):
    gen, ref = json.loads(gen_text), json.loads(ref_text)
    for rg, rr in zip(gen.get('runs', []), ref.get('runs', [])):
        a = rg['sensitivity']['float64_ulp_noise_max_abs_dev']
        b = rr['sensitivity']['float64_ulp_noise_max_abs_dev']
        ratio = a / b if a is not None and b else float('nan')
        print('    %-34s ulp_noise max dev %-12.6g vs %-12.6g ratio %.3g' % (rr['id'], a, b, ratio))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('generated')
    ap.add_argument('reference')
    ap.add_argument('--atol', type=float, default=0.0)
    ap.add_argument('--rtol', type=float, default=1e-11)
    ap.add_argument('--check-ulp-noise', action='store_true', help='also fail on ulp_noise differences')
    ap.add_argument('--ignore', action='append', default=['meta.generator'],
                    help='path of a string field whose difference is reported nowhere (repeatable)')
    ap.add_argument('-v', '--verbose', action='store_true', help='per-run ulp_noise values and ratios')
    args = ap.parse_args(argv)
    for d in (args.generated, args.reference):
        if not os.path.isdir(d):
            ap.error('%s is not a folder' % d)
    gen = {os.path.basename(p) for p in glob.glob(os.path.join(args.generated, '*.json'))}
    ref = {os.path.basename(p) for p in glob.glob(os.path.join(args.reference, '*.json'))}
    failed = False
    summary = []
    for name in sorted(gen & ref):
        f, rep = compare_file(os.path.join(args.generated, name), os.path.join(args.reference, name), args)
        failed |= f
        summary.append((name, rep))
    for name in sorted(ref - gen):
        print('-- %s: only in %s (not generated)' % (name, args.reference))
    for name in sorted(gen - ref):
        print('-- %s: only in %s (no committed counterpart)' % (name, args.generated))
    if summary:
        print('\n%-26s %s' % ('max |delta| per file', ''.join('%-12s' % g for g in GROUPS)))
        for name, rep in summary:
            cells = ''.join('%-12s' % ('%.3g' % rep.stats[g]['max_abs'] if rep.stats[g]['n'] else '-') for g in GROUPS)
            print('%-26s %s' % (name, cells))
    print('\nRESULT: %s' % ('FAIL' if failed else 'OK'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
