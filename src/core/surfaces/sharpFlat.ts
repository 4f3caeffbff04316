import { newtonMinimum } from './newtonMinimum';
import { resolveSurfaceParams } from './surfaceParams';
import type { Surface, SurfaceSpec } from './surface';

/**
 * Sharp vs flat: two Gaussian wells of equal depth but very different width on a gentle bowl,
 *
 *   f(θ) = ½c‖θ‖² − h_s·exp(−‖θ − a_s‖²/2σ_s²) − h_f·exp(−‖θ − a_f‖²/2σ_f²) + C,
 *
 * c = 0.1, a_s = (−2, 0), σ_s = 0.3, h_s = 1 (sharp); a_f = (2, 0), σ_f = 1 (flat). A well's
 * curvature is about h/σ² (+ c): ~11 for the sharp one, ~1.1 for the flat one.
 *
 * Why this shape: the bowl keeps f bounded below and every trajectory in view; Gaussian wells
 * give each basin one tunable width without changing anything else. h_f (≈ 1) is solved at
 * module load so that both minima have exactly the same loss, and C so that this loss is 0:
 * then loss alone cannot favour either basin and what decides is the optimizer's dynamics.
 * Hessians at the minima: ≈ diag(11.1, 11.2) (sharp) and ≈ diag(1.03, 1.07) (flat). Plain
 * gradient descent from the default start converges to the sharp minimum for lr < 2/11.2 ≈ 0.18,
 * bounces in a 2-cycle around it a little above, is thrown out and converges to the flat minimum
 * for lr ≈ 0.6 … 1.8, and only above 2/1.07 ≈ 1.87 fails there too: the linear-stability
 * argument for why large learning rates and minibatch noise end in flat minima.
 *
 * With wᵢ = hᵢ·exp(−‖θ − aᵢ‖²/2σᵢ²) and dᵢ = θ − aᵢ:
 *   ∇f = cθ + Σᵢ wᵢ dᵢ/σᵢ²
 *   H  = cI + Σᵢ wᵢ (I/σᵢ² − dᵢdᵢᵀ/σᵢ⁴)
 * Both centres lie on y = 0 and the surface is symmetric in y, so the minima lie exactly on
 * y = 0; Newton refinement makes the gradient there round-off small.
 */
const C_BOWL = 0.1;
const SHARP = { ax: -2, sigma: 0.3, h: 1 };
const FLAT_AX = 2;
const FLAT_SIGMA = 1;

function makeFn(hFlat: number, offset: number): Pick<Surface, 'value' | 'gradient' | 'hessian'> {
  const sInv2 = 1 / (SHARP.sigma * SHARP.sigma);
  const fInv2 = 1 / (FLAT_SIGMA * FLAT_SIGMA);
  return {
    value(x, y) {
      const sx = x - SHARP.ax;
      const fx = x - FLAT_AX;
      const y2 = y * y;
      const ws = SHARP.h * Math.exp(-0.5 * (sx * sx + y2) * sInv2);
      const wf = hFlat * Math.exp(-0.5 * (fx * fx + y2) * fInv2);
      return 0.5 * C_BOWL * (x * x + y2) - ws - wf + offset;
    },
    gradient(x, y, out) {
      const sx = x - SHARP.ax;
      const fx = x - FLAT_AX;
      const y2 = y * y;
      const ks = SHARP.h * Math.exp(-0.5 * (sx * sx + y2) * sInv2) * sInv2;
      const kf = hFlat * Math.exp(-0.5 * (fx * fx + y2) * fInv2) * fInv2;
      out[0] = C_BOWL * x + ks * sx + kf * fx;
      out[1] = C_BOWL * y + (ks + kf) * y;
    },
    hessian(x, y, out) {
      const sx = x - SHARP.ax;
      const fx = x - FLAT_AX;
      const y2 = y * y;
      const ks = SHARP.h * Math.exp(-0.5 * (sx * sx + y2) * sInv2) * sInv2;
      const kf = hFlat * Math.exp(-0.5 * (fx * fx + y2) * fInv2) * fInv2;
      out[0] = C_BOWL + ks * (1 - sx * sx * sInv2) + kf * (1 - fx * fx * fInv2);
      out[1] = -(ks * sx * sInv2 + kf * fx * fInv2) * y;
      out[2] = C_BOWL + ks * (1 - y2 * sInv2) + kf * (1 - y2 * fInv2);
    },
  };
}

/**
 * Solves for h_f with equal minimum values by Newton's method on D(h_f) = v_flat − v_sharp.
 * By the envelope theorem ∂v/∂h_f = −w_f(θ*)/h_f at each minimiser θ*, so D' is cheap.
 */
function calibrate(): {
  hFlat: number;
  offset: number;
  sharpMin: [number, number];
  flatMin: [number, number];
} {
  let hFlat = SHARP.h;
  let fn = makeFn(hFlat, 0);
  let sharpMin: [number, number] = [SHARP.ax, 0];
  let flatMin: [number, number] = [FLAT_AX, 0];
  const gauss = (x: number, y: number) =>
    Math.exp((-0.5 * ((x - FLAT_AX) ** 2 + y * y)) / (FLAT_SIGMA * FLAT_SIGMA));
  for (let it = 0; it < 30; it++) {
    sharpMin = newtonMinimum(fn, sharpMin[0], sharpMin[1]);
    flatMin = newtonMinimum(fn, flatMin[0], flatMin[1]);
    const d = fn.value(flatMin[0], flatMin[1]) - fn.value(sharpMin[0], sharpMin[1]);
    const dPrime = gauss(sharpMin[0], sharpMin[1]) - gauss(flatMin[0], flatMin[1]);
    const step = d / dPrime;
    hFlat -= step;
    fn = makeFn(hFlat, 0);
    if (Math.abs(step) <= 1e-16 * hFlat) break;
  }
  sharpMin = newtonMinimum(fn, sharpMin[0], sharpMin[1]);
  flatMin = newtonMinimum(fn, flatMin[0], flatMin[1]);
  return { hFlat, offset: -fn.value(sharpMin[0], sharpMin[1]), sharpMin, flatMin };
}

const CAL = calibrate();
const FN = makeFn(CAL.hFlat, CAL.offset);

export const sharpFlat: SurfaceSpec = {
  id: 'sharp_flat',
  name: 'Sharp vs flat minimum',
  params: [],
  create(params) {
    // No knobs: reject any rather than silently ignore a typo.
    resolveSurfaceParams('sharp_flat', [], params);
    return {
      id: 'sharp_flat',
      name: 'Sharp vs flat minimum',
      tex:
        'f(\\theta) = \\tfrac{c}{2}\\lVert\\theta\\rVert^2' +
        ' - h_s e^{-\\lVert\\theta - a_s\\rVert^2/2\\sigma_s^2}' +
        ' - h_f e^{-\\lVert\\theta - a_f\\rVert^2/2\\sigma_f^2} + C,' +
        `\\quad c = ${C_BOWL},\\ a_s = (${SHARP.ax}, 0),\\ \\sigma_s = ${SHARP.sigma},\\ h_s = ${SHARP.h},` +
        `\\ a_f = (${FLAT_AX}, 0),\\ \\sigma_f = ${FLAT_SIGMA},\\ h_f \\approx ${CAL.hFlat.toFixed(4)},\\ C \\approx ${CAL.offset.toFixed(4)}`,
      description:
        'Two minima with exactly the same loss: a sharp one (curvature ≈ 11) and a flat one (≈ 1). Gradient descent can settle in the sharp one only for lr < 2/11 ≈ 0.18; larger steps oscillate there and, from lr ≈ 0.6, are thrown out into the flat one, stable up to lr ≈ 1.9: which is why big learning rates and minibatch noise find flat minima.',
      ...FN,
      domain: { xmin: -4, xmax: 4, ymin: -3, ymax: 3 },
      // Sharp first: the start below lies in its basin.
      minima: [CAL.sharpMin, CAL.flatMin],
      minimumValue: 0,
      defaultStart: [-3.5, 1],
      logColor: false,
    };
  },
};
