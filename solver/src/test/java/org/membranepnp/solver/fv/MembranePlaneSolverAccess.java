package org.membranepnp.solver.fv;

import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.MembranePlaneSolver;

/** The 1-D slab of a 2-D scenario, for tests of the generic model on a chain. */
final class MembranePlaneSolverAccess {
    private MembranePlaneSolverAccess() {
    }

    static Scenario averaged(Scenario s) {
        return MembranePlaneSolver.averagedSlab(s);
    }
}
