"""Number rounding and the JSON layout of the reference files.

Rules (they reproduce the committed files byte for byte):

* every float is rounded to 12 significant digits (``float('%.12g' % x)``) and written with
  Python's shortest repr; ints and bools stay as they are; non-finite floats become null
  (the files are plain JSON, no NaN/Infinity);
* indentation 2; arrays whose elements are all numbers/strings/null/bools or such arrays
  (e.g. ``params``) are written on one line with ``,`` between elements, however long;
* an object whose values are all scalars or such arrays is written on one line
  (``{"k": v, "k2": v2}``) when that line, indentation and key included, is at most
  ``LINE_WIDTH`` characters; every other object or array is written one member per line.
"""
import json
import math

LINE_WIDTH = 120
SIGNIFICANT_DIGITS = 12


def round_sig(x):
    """Round a float to 12 significant digits; non-finite -> None."""
    x = float(x)
    if not math.isfinite(x):
        return None
    return float('%.*g' % (SIGNIFICANT_DIGITS, x))


def rounded(obj):
    """Deep copy of ``obj`` with every float rounded (tuples become lists)."""
    if isinstance(obj, bool) or obj is None or isinstance(obj, str):
        return obj
    if isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        return round_sig(obj)
    if isinstance(obj, dict):
        return {k: rounded(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [rounded(v) for v in obj]
    if hasattr(obj, 'item'):  # numpy / torch scalar
        return rounded(obj.item())
    raise TypeError('cannot write %r to the reference JSON' % (obj,))


def _is_scalar(v):
    return not isinstance(v, (dict, list))


def _is_flat_array(v):
    return isinstance(v, list) and all(_is_scalar(x) or _is_flat_array(x) for x in v)


def _one_line(v):
    if isinstance(v, list):
        return '[' + ','.join(_one_line(x) for x in v) + ']'
    if isinstance(v, dict):
        return '{' + ', '.join(json.dumps(k, ensure_ascii=False) + ': ' + _one_line(x)
                               for k, x in v.items()) + '}'
    return json.dumps(v, ensure_ascii=False, allow_nan=False)


def _format(v, indent, prefix_len):
    if _is_scalar(v) or _is_flat_array(v):
        return _one_line(v)
    if (isinstance(v, dict) and all(_is_scalar(x) or _is_flat_array(x) for x in v.values())
            and prefix_len + len(_one_line(v)) <= LINE_WIDTH):
        return _one_line(v)
    pad = ' ' * (indent + 2)
    lines = []
    if isinstance(v, dict):
        if not v:
            return '{}'
        for i, (k, x) in enumerate(v.items()):
            head = pad + json.dumps(k, ensure_ascii=False) + ': '
            lines.append(head + _format(x, indent + 2, len(head)) + (',' if i < len(v) - 1 else ''))
        return '{\n' + '\n'.join(lines) + '\n' + ' ' * indent + '}'
    if not v:
        return '[]'
    for i, x in enumerate(v):
        lines.append(pad + _format(x, indent + 2, len(pad)) + (',' if i < len(v) - 1 else ''))
    return '[\n' + '\n'.join(lines) + '\n' + ' ' * indent + ']'


def dumps(obj):
    """The text of a reference file: ``obj`` rounded and laid out as described above."""
    return _format(rounded(obj), 0, 0) + '\n'


def write(path, obj):
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write(dumps(obj))
