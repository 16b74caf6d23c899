package org.membranepnp.solver.fv;

/**
 * An equation that couples many unknowns (an amount, a net charge, a current through the membrane) and
 * replaces the local equation of one unknown. Newton adds it to the block tridiagonal Jacobian with the
 * Sherman–Morrison–Woodbury formula; its gradient is dense over the node range [first, last].
 */
public interface GlobalConstraint {
    /** What the constraint says, for messages. */
    String name();

    /** The variable (0 = ψ, 1 + i = species i) whose equation at {@link #rowNode()} it replaces. */
    int variable();

    /** The node whose equation it replaces. */
    int rowNode();

    /** First node on which the constraint depends. */
    int first();

    /** Last node on which the constraint depends. */
    int last();

    /** Residual at state u (uOld and invDt for time-dependent terms; invDt = 0 in a steady state). */
    double residual(double[] u, double[] uOld, double invDt);

    /** ∂residual/∂u over nodes [first, last], written to {@code out[(k − first)·m + v]}. */
    void gradient(double[] u, double invDt, double[] out);
}
