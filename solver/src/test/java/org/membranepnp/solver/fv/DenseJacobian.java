package org.membranepnp.solver.fv;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;

/** The whole Jacobian of a model's equations as a dense EJML matrix (small meshes only), for tests. */
final class DenseJacobian {
    private DenseJacobian() {
    }

    /**
     * ∂r/∂u at u: the assembled block tridiagonal part, each global constraint's gradient on its row, and the
     * saturating pump's rank-one term w gᵀ.
     */
    static DMatrixRMaj of(PnpModel1D model, double[] u, double[] uOld, double invDt) {
        List<GlobalConstraint> constraints = invDt == 0 ? model.steadyConstraints : model.transientConstraints;
        PnpAssembler1D asm = new PnpAssembler1D(model);
        int size = u.length;
        int m = model.m;
        BlockTridiagonalMatrix jac = new BlockTridiagonalMatrix(model.n, m);
        double[] r = new double[size];
        asm.assemble(u, uOld, invDt, constraints, r, jac);
        DMatrixRMaj dense = new DMatrixRMaj(size, size);
        for (int k = 0; k < model.n; k++) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    int row = k * m + a;
                    dense.set(row, k * m + b, jac.diag[jac.index(k, a, b)]);
                    if (k > 0) {
                        dense.set(row, (k - 1) * m + b, jac.lower[jac.index(k, a, b)]);
                    }
                    if (k < model.n - 1) {
                        dense.set(row, (k + 1) * m + b, jac.upper[jac.index(k, a, b)]);
                    }
                }
            }
        }
        if (model.pump != null && model.pump.saturating()) {
            double[] w = new double[size];
            asm.pumpColumn(w, invDt);
            double[] g = new double[2];
            model.pump.gradient(u, g);
            int[] cols = {model.pump.sodiumInIndex(), model.pump.potassiumOutIndex()};
            for (int row = 0; row < size; row++) {
                for (int q = 0; q < 2; q++) {
                    dense.add(row, cols[q], w[row] * g[q]);
                }
            }
        }
        for (GlobalConstraint c : constraints) {
            int row = c.rowNode() * m + c.variable();
            double[] g = new double[(c.last() - c.first() + 1) * m];
            c.gradient(u, invDt, g);
            for (int j = 0; j < size; j++) {
                dense.set(row, j, 0.0);
            }
            for (int j = 0; j < g.length; j++) {
                dense.set(row, c.first() * m + j, g[j]);
            }
        }
        return dense;
    }

    /** The same with every row divided by its largest entry (the scaling that partial pivoting sees). */
    static DMatrixRMaj rowScaled(DMatrixRMaj a) {
        DMatrixRMaj s = a.copy();
        for (int i = 0; i < s.numRows; i++) {
            double max = 0;
            for (int j = 0; j < s.numCols; j++) {
                max = Math.max(max, Math.abs(s.get(i, j)));
            }
            if (max > 0) {
                for (int j = 0; j < s.numCols; j++) {
                    s.set(i, j, s.get(i, j) / max);
                }
            }
        }
        return s;
    }
}
