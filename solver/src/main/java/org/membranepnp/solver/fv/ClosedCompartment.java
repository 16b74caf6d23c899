package org.membranepnp.solver.fv;

/**
 * A compartment that keeps the amount of one species (or its net charge): its steady state is fixed by
 * Σ_k a_k u_k = target instead of the balance law at {@code rowNode}, because the balance laws of a closed
 * compartment only fix its shape, not its amount.
 *
 * @param name         what is conserved, for messages
 * @param variable     the variable (0 = ψ, 1 + i = species i) whose equation at node {@code rowNode} is replaced
 * @param rowNode      the node whose equation is replaced
 * @param first        first node of the compartment
 * @param last         last node of the compartment
 * @param coefficients [node − first][variable] weight a of each unknown (length (last − first + 1)·m)
 * @param target       the conserved value Σ a u
 */
public record ClosedCompartment(String name, int variable, int rowNode, int first, int last,
                                double[] coefficients, double target) implements GlobalConstraint {

    /** Σ_k a_k u_k over the compartment, summed in node order. */
    public double amount(double[] u, int m) {
        double s = 0;
        int base = first * m;
        for (int j = 0; j < coefficients.length; j++) {
            double a = coefficients[j];
            if (a != 0.0) {
                s += a * u[base + j];
            }
        }
        return s;
    }

    @Override
    public double residual(double[] u, double[] uOld, double invDt) {
        return amount(u, coefficients.length / (last - first + 1)) - target;
    }

    @Override
    public void gradient(double[] u, double invDt, double[] out) {
        System.arraycopy(coefficients, 0, out, 0, coefficients.length);
    }
}
