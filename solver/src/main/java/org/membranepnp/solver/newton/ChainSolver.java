package org.membranepnp.solver.newton;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.membranepnp.solver.fv.ClosedAmount;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;
import org.membranepnp.solver.linalg.BlockTridiagonalLu;
import org.membranepnp.solver.linalg.BlockTridiagonalMatrix;

/**
 * The direct linear solver of a chain: the block-tridiagonal LU of the local Jacobian T, with the global couplings
 * added by the Sherman–Morrison–Woodbury formula. The global part of a chain's Jacobian has low rank: the pump's
 * derivatives by the two face concentrations of each site are two columns, G e_c (c = the inside Na⁺ and outside K⁺
 * unknowns), and each closed compartment's amount is one row, e_r (a − e_r)ᵀ. With U = [D G e_c | D e_r] and
 * V = [e_c | a − e_r] (D the row equilibration), J = T + U Vᵀ and
 * <pre>
 *   J⁻¹ b = y − Z (I + VᵀZ)⁻¹ Vᵀ y,    y = T⁻¹ b,   Z = T⁻¹ U.
 * </pre>
 * A factorisation costs one block LU and k solves (k = 2 per pump site + 1 per closed compartment); each solve
 * after it one block solve and k dot products. All work arrays are allocated once.
 */
final class ChainSolver {
    private final PnpModel model;
    private final PnpAssembler assembler;
    private final BlockTridiagonalLu lu;
    /** The pump columns c, then the amount rows r: index into the state. */
    private final int[] pumpColumn;
    private final int[] amountRow;
    private final double[][] z;
    private final double[] unit;
    private final double[] column;
    private final DMatrixRMaj small;
    private final DMatrixRMaj smallRhs;
    private final DMatrixRMaj smallX;
    private final LinearSolverDense<DMatrixRMaj> smallLu;

    ChainSolver(PnpModel model, PnpAssembler assembler) {
        this.model = model;
        this.assembler = assembler;
        int m = model.m;
        int size = model.n * m;
        this.lu = new BlockTridiagonalLu(model.n, m);
        int sites = model.pumpSites();
        this.pumpColumn = new int[2 * sites];
        for (int p = 0; p < sites; p++) {
            pumpColumn[2 * p] = model.pumpInsideNode(p) * m + 1 + model.pumpSodium();
            pumpColumn[2 * p + 1] = model.pumpOutsideNode(p) * m + 1 + model.pumpPotassium();
        }
        this.amountRow = new int[model.closedAmounts().size()];
        for (int c = 0; c < amountRow.length; c++) {
            amountRow[c] = model.closedAmounts().get(c).row(m);
        }
        int k = pumpColumn.length + amountRow.length;
        this.z = new double[k][size];
        this.unit = new double[size];
        this.column = new double[size];
        this.small = new DMatrixRMaj(k, k);
        this.smallRhs = new DMatrixRMaj(k, 1);
        this.smallX = new DMatrixRMaj(k, 1);
        this.smallLu = LinearSolverFactory_DDRM.lu(Math.max(k, 1));
    }

    /**
     * Factors J = T + U Vᵀ at the last assembly: T the (equilibrated) block-tridiagonal part, the global couplings of
     * {@link PnpAssembler#multiplyGlobal} with rows scaled by {@code rowScale}.
     *
     * @throws ArithmeticException if T or I + VᵀZ is singular
     */
    void factor(BlockTridiagonalMatrix t, double[] rowScale) {
        lu.factor(t);
        int q = 0;
        for (int c : pumpColumn) {
            // U = D G e_c without the amount rows, which their own row term carries
            double[] zq = z[q++];
            java.util.Arrays.fill(column, 0.0);
            unit[c] = 1.0;
            assembler.multiplyGlobal(unit, column);
            unit[c] = 0.0;
            for (int r : amountRow) {
                column[r] = 0.0;
            }
            for (int i = 0; i < column.length; i++) {
                zq[i] = rowScale[i] * column[i];
            }
            lu.solve(zq);
        }
        for (int r : amountRow) {
            double[] zq = z[q++];
            java.util.Arrays.fill(zq, 0.0);
            zq[r] = rowScale[r];
            lu.solve(zq);
        }
        for (int a = 0; a < z.length; a++) {
            for (int b = 0; b < z.length; b++) {
                small.set(a, b, (a == b ? 1.0 : 0.0) + vDot(a, z[b]));
            }
        }
        // EJML's LU accepts an exactly singular matrix (the solve then gives ±∞/NaN): test its quality too
        if (z.length > 0 && (!smallLu.setA(small) || !(smallLu.quality() > 0))) {
            throw new ArithmeticException("the global couplings are dependent (I + VᵀZ is singular)");
        }
    }

    /** x = J⁻¹ b (x may be b). */
    void solve(double[] b, double[] x) {
        if (x != b) {
            System.arraycopy(b, 0, x, 0, b.length);
        }
        lu.solve(x);
        if (z.length == 0) {
            return;
        }
        for (int a = 0; a < z.length; a++) {
            smallRhs.set(a, 0, vDot(a, x));
        }
        smallLu.solve(smallRhs, smallX);
        for (int a = 0; a < z.length; a++) {
            double w = smallX.get(a, 0);
            if (w != 0.0) {
                double[] za = z[a];
                for (int i = 0; i < x.length; i++) {
                    x[i] -= w * za[i];
                }
            }
        }
    }

    /** v_aᵀ x: x[c] for a pump column, (a − e_r)ᵀ x for an amount row. */
    private double vDot(int a, double[] x) {
        if (a < pumpColumn.length) {
            return x[pumpColumn[a]];
        }
        int c = a - pumpColumn.length;
        ClosedAmount amount = model.closedAmounts().get(c);
        int m = model.m;
        int v = 1 + amount.species();
        double sum = -x[amountRow[c]];
        int[] nodes = amount.nodes();
        double[] volumes = amount.volumes();
        for (int p = 0; p < nodes.length; p++) {
            sum += volumes[p] * x[nodes[p] * m + v];
        }
        return sum;
    }
}
