package org.membranepnp.solver.mesh;

/** 1-D meshes with nodes placed by hand, for tests that compute the discrete equations independently. */
public final class HandMeshes {
    private HandMeshes() {
    }

    /** Nodes at {@code xNm}; the membrane's faces at nodes {@code membraneStart} and {@code membraneEnd}. */
    public static Mesh1D of(double[] xNm, int membraneStart, int membraneEnd) {
        return new Mesh1D(xNm.clone(), membraneStart, membraneEnd, null);
    }
}
