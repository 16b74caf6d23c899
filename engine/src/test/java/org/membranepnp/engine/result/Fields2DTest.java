package org.membranepnp.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The node numbering of the 2-D fields: the solver's, x fastest. */
class Fields2DTest {
    @Test
    void nodeIxIyIsAtIyTimesNxPlusIx() {
        int nx = 4;
        int ny = 3;
        double[] x = {0, 1, 2, 3};
        double[] y = {0, 10, 20};
        double[] phi = new double[nx * ny];
        for (int k = 0; k < phi.length; k++) {
            phi[k] = k;
        }
        Fields2D f = new Fields2D(List.of(), x, y, phi, new double[0][], phi.clone(), 1, 2, List.of());
        double[][] g = Fields2D.grid(phi, nx, ny);
        assertEquals(nx, g.length);
        assertEquals(ny, g[0].length);
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                assertEquals(iy * nx + ix, f.index(ix, iy));
                assertEquals(iy * nx + ix, Fields2D.index(ix, iy, nx));
                assertEquals(phi[iy * nx + ix], g[ix][iy], 0);
            }
        }
    }
}
