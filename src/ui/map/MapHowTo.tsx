/** How to read a trainability map: the paper, the colours, what a click and a drag do. */
export function MapHowTo() {
  return (
    <section className="card map-howto" aria-labelledby="map-howto-heading">
      <h2 id="map-howto-heading">How to read it</h2>
      <p>
        Each cell is a whole training run, with its own pair of hyperparameters and everything else
        the same; the map trains all of them at once as tensors on your GPU (or WebAssembly). After
        Sohl-Dickstein (2024), “The boundary of neural network trainability is fractal”.
      </p>
      <p>
        Blue: the run converged (its loss came within the tolerance); red: it diverged (its loss
        blew up). The deeper the colour, the sooner it happened; sand: neither within the steps. The
        other colour modes show the final loss or the step the tolerance was reached, with
        divergence still red.
      </p>
      <p>
        Point at a cell to read its values. Click it to see its run: its path on the surface (and a
        link that opens it in the optimizer race), or the network’s loss curve. Drag a box to zoom
        in: the box is recomputed at full resolution, and the boundary between blue and red keeps
        showing structure. The breadcrumb above the map goes back.
      </p>
    </section>
  );
}
