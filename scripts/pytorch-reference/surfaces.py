"""The analytic 2-D test surfaces.

Each surface is one entry of ``SURFACES``. Its ``expression`` string is the single source of
truth: it is written to the JSON as ``surface.expression`` and the very same string is
evaluated here with ``x`` and ``y`` bound to the two coordinates of the parameter tensor
(0-dim torch tensors), so the torch graph, and therefore autograd's gradient, is exactly that
expression. The expression uses ``**`` for powers and may call the functions in ``_FUNCTIONS``.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import torch

# Extra points at which value and gradient are written to ``surface.checks`` (after the
# starts and the known minima; points equal to a start or a known minimum are skipped).
DEFAULT_CHECK_POINTS = [(0.0, 0.0), (0.5, -0.5), (-1.2, 0.8)]

_FUNCTIONS = {
    'sin': torch.sin, 'cos': torch.cos, 'exp': torch.exp, 'log': torch.log,
    'sqrt': torch.sqrt, 'abs': torch.abs, 'tanh': torch.tanh,
}


@dataclass
class Surface:
    name: str
    formula: str                 # human-readable math, written as surface.formula
    expression: str              # evaluated (x, y are torch scalars); written as surface.expression
    known_minima: List[Tuple[float, float]]
    minimum_value: Optional[float]
    view_box: Dict[str, float]   # xmin, xmax, ymin, ymax
    starts: Dict[str, Tuple[float, float]]
    steps: int                   # optimizer steps per run
    check_points: List[Tuple[float, float]] = field(default_factory=lambda: list(DEFAULT_CHECK_POINTS))

    def __post_init__(self):
        self._code = compile(self.expression, '<surface %s>' % self.name, 'eval')

    def f(self, p):
        """f(p[0], p[1]) as a torch expression (p: tensor of shape (2,))."""
        return self.f_xy(p[0], p[1])

    def f_xy(self, x, y):
        return eval(self._code, {'__builtins__': {}}, dict(_FUNCTIONS, x=x, y=y))

    def extra_check_points(self):
        taken = {tuple(map(float, q)) for q in list(self.starts.values()) + list(self.known_minima)}
        return [q for q in self.check_points if tuple(map(float, q)) not in taken]


SURFACES = {s.name: s for s in [
    Surface(
        name='rosenbrock',
        formula='f(x,y) = (1 - x)^2 + 100*(y - x^2)^2',
        expression='(1 - x)**2 + 100*(y - x**2)**2',
        known_minima=[(1.0, 1.0)], minimum_value=0.0,
        view_box={'xmin': -2.0, 'xmax': 2.0, 'ymin': -1.0, 'ymax': 3.0},
        starts={'A': (-1.5, 2.0)}, steps=2000,
    ),
    Surface(
        name='saddle',
        formula='f(x,y) = x^2 - y^2   (unbounded below; critical point (0,0) is a saddle)',
        expression='x**2 - y**2',
        known_minima=[], minimum_value=None,
        view_box={'xmin': -1.5, 'xmax': 1.5, 'ymin': -1.5, 'ymax': 1.5},
        starts={'A': (-1.0, 0.001)}, steps=300,
    ),
    Surface(
        name='quadratic',
        formula='f(x,y) = 0.5*(x^2 + 25*y^2)   (ill-conditioned bowl, Hessian diag(1, 25), condition number 25)',
        expression='0.5*(x**2 + 25*y**2)',
        known_minima=[(0.0, 0.0)], minimum_value=0.0,
        view_box={'xmin': -5.0, 'xmax': 5.0, 'ymin': -3.0, 'ymax': 3.0},
        starts={'A': (-4.0, 1.0)}, steps=300,
    ),
    Surface(
        name='rotated_quadratic',
        formula='f(x,y) = 0.5*(13*x^2 - 24*x*y + 13*y^2)   (the quadratic bowl turned by 45 degrees: '
                'Hessian R diag(1, 25) R^T, R the rotation by 45 degrees, condition number 25)',
        expression='0.5*(13*x**2 - 24*x*y + 13*y**2)',
        known_minima=[(0.0, 0.0)], minimum_value=0.0,
        view_box={'xmin': -5.0, 'xmax': 5.0, 'ymin': -5.0, 'ymax': 5.0},
        starts={'A': (-4.0, -3.0)}, steps=300,
    ),
]}
