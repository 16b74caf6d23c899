package org.membranepnp.solver.fv;

import java.util.Arrays;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.solver.mesh.Material;
import org.membranepnp.solver.mesh.Mesh2D;

/**
 * The discrete Poisson–Nernst–Planck problem on a 2-D tensor-product mesh, in the dimensionless variables of
 * {@link Scales}, as a vertex-centred finite-volume scheme: each element gives each of its four corners a quarter
 * of its area as control volume, and each of its four edges half of its width as flux cross-section.
 *
 * <p>Unknowns per node k = j·nx + i: u[k·m] = ψ̂ and u[k·m + 1 + i] = ĉ_i (m = 1 + species); as in 1-D, ĉ is the
 * water-equivalent concentration c/β in the lipid, so every edge flux is a Scharfetter–Gummel flux with the
 * effective diffusivity of each element it crosses: D_i/D_max in water, P_i d/D_max in the lipid and in a pore
 * (where β = 1). Edge coefficients (transmissibilities)
 * <pre>
 *   T_x(i+½, j) = Σ_{elements e on the edge} D_e (h_y,e / 2) / h_x,i      T_y(i, j+½) = Σ_e D_e (h_x,e / 2) / h_y,j
 * </pre>
 * and the same with ε_r for the displacement flux. Storage of node k: Σ_e f_e h_x,e h_y,e / 4 with f = 1 in water
 * and pores, β in the lipid, 0 where the species cannot be. The walls y = 0 and y = H carry no flux (mirror
 * planes); the far ends x = 0 and x = L are reservoirs with electrodes: the inside one at the potential
 * {@link #setElectrodePotential}, the outside one grounded.
 */
public final class PnpModel2D {
    public final Scenario scenario;
    public final Scales scales;
    public final Mesh2D mesh;
    /** Node columns and rows. */
    public final int nx;
    public final int ny;
    /** Nodes. */
    public final int n;
    /** Species. */
    public final int s;
    /** Unknowns per node. */
    public final int m;
    /** Valences. */
    public final int[] z;
    /** Dimensionless lengths of the element columns (x) and rows (y). */
    public final double[] hx;
    public final double[] hy;
    /** x-edge (i+½, j), index j·(nx−1) + i: transmissibility per species [edge·s + i], and of ε. */
    public final double[] xCoef;
    public final double[] xEps;
    /** y-edge (i, j+½), index j·nx + i. */
    public final double[] yCoef;
    public final double[] yEps;
    /** Storage and charge volume (area) of each node per species [node·s + i]. */
    public final double[] volume;
    /** Water part of each node's control area. */
    public final double[] waterArea;
    /** Length along y each node's control volume has (for surface charge and averages). */
    public final double[] rowWeight;
    /** Fixed charge of each node: the membrane faces' surface charge and the pore walls' (dimensionless). */
    public final double[] surfaceCharge;
    /** Equation kind of each unknown. */
    public final EquationKind[] kind;
    /** Dirichlet values. */
    public final double[] dirichlet;
    /** Node columns of the membrane faces. */
    public final int membraneStart;
    public final int membraneEnd;
    /** Dimensionless height H. */
    public final double height;

    public PnpModel2D(Scenario scenario, Mesh2D mesh) {
        this.scenario = scenario;
        this.scales = new Scales(scenario);
        this.mesh = mesh;
        this.nx = mesh.nx();
        this.ny = mesh.ny();
        this.n = nx * ny;
        this.s = scenario.speciesCount();
        this.m = s + 1;
        this.z = scenario.charges();
        this.membraneStart = mesh.across().membraneStartNode();
        this.membraneEnd = mesh.across().membraneEndNode();
        int ex = nx - 1;
        int ey = ny - 1;
        hx = new double[ex];
        hy = new double[ey];
        for (int i = 0; i < ex; i++) {
            hx[i] = scales.lengthFromNm(mesh.across().cellLengthNm(i));
        }
        for (int j = 0; j < ey; j++) {
            hy[j] = scales.lengthFromNm(mesh.rowHeightNm(j));
        }
        this.height = scales.lengthFromNm(scenario.lateral().heightNm());
        // element properties
        double[] eps = new double[ex * ey];
        double[] diff = new double[ex * ey * s];
        double[] store = new double[ex * ey * s];
        Membrane mem = scenario.membrane();
        double dMax = scales.diffusionM2PerS;
        double beta = mem.partitionCoefficient();
        for (int j = 0; j < ey; j++) {
            for (int i = 0; i < ex; i++) {
                int e = j * ex + i;
                Material mat = mesh.material(i, j);
                Channel ch = mat == Material.PORE ? scenario.lateral().channels().get(mesh.channel(i, j)) : null;
                eps[e] = switch (mat) {
                    case INSIDE -> scenario.inside().permittivity();
                    case OUTSIDE -> scenario.outside().permittivity();
                    case LIPID -> mem.permittivity();
                    case PORE -> ch.permittivity();
                };
                for (int q = 0; q < s; q++) {
                    double d;
                    double f;
                    switch (mat) {
                        case LIPID -> {
                            d = scales.membraneDiffusivity(mem.permeabilityMPerS(q), mem.thicknessNm());
                            f = mem.isPermeant(q) ? beta : 0.0;
                        }
                        case PORE -> {
                            d = scales.membraneDiffusivity(ch.permeabilityMPerS(q), mem.thicknessNm());
                            f = ch.isPermeant(q) ? 1.0 : 0.0;
                        }
                        default -> {
                            d = scenario.species().get(q).diffusionM2PerS() / dMax;
                            f = 1.0;
                        }
                    }
                    diff[e * s + q] = d;
                    store[e * s + q] = f;
                }
            }
        }
        // edges
        xCoef = new double[ex * ny * s];
        xEps = new double[ex * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < ex; i++) {
                int edge = j * ex + i;
                for (int side = -1; side <= 0; side++) {
                    int row = j + side;
                    if (row < 0 || row >= ey) {
                        continue;
                    }
                    int e = row * ex + i;
                    double w = 0.5 * hy[row] / hx[i];
                    xEps[edge] += eps[e] * w;
                    for (int q = 0; q < s; q++) {
                        xCoef[edge * s + q] += diff[e * s + q] * w;
                    }
                }
            }
        }
        yCoef = new double[nx * ey * s];
        yEps = new double[nx * ey];
        for (int j = 0; j < ey; j++) {
            for (int i = 0; i < nx; i++) {
                int edge = j * nx + i;
                for (int side = -1; side <= 0; side++) {
                    int col = i + side;
                    if (col < 0 || col >= ex) {
                        continue;
                    }
                    int e = j * ex + col;
                    double w = 0.5 * hx[col] / hy[j];
                    yEps[edge] += eps[e] * w;
                    for (int q = 0; q < s; q++) {
                        yCoef[edge * s + q] += diff[e * s + q] * w;
                    }
                }
            }
        }
        // control volumes
        volume = new double[n * s];
        waterArea = new double[n];
        rowWeight = new double[n];
        for (int j = 0; j < ey; j++) {
            for (int i = 0; i < ex; i++) {
                int e = j * ex + i;
                double quarter = 0.25 * hx[i] * hy[j];
                boolean water = mesh.material(i, j).isBath();
                for (int dj = 0; dj <= 1; dj++) {
                    for (int di = 0; di <= 1; di++) {
                        int k = (j + dj) * nx + i + di;
                        if (water) {
                            waterArea[k] += quarter;
                        }
                        for (int q = 0; q < s; q++) {
                            volume[k * s + q] += store[e * s + q] * quarter;
                        }
                    }
                }
            }
        }
        for (int j = 0; j < ny; j++) {
            double w = (j > 0 ? 0.5 * hy[j - 1] : 0) + (j < ey ? 0.5 * hy[j] : 0);
            for (int i = 0; i < nx; i++) {
                rowWeight[j * nx + i] = w;
            }
        }
        // surface charge on the lipid part of each face
        surfaceCharge = new double[n];
        double sigIn = scales.surfaceChargeFromCPerM2(mem.insideSurfaceChargeCPerM2());
        double sigOut = scales.surfaceChargeFromCPerM2(mem.outsideSurfaceChargeCPerM2());
        for (int j = 0; j < ny; j++) {
            double lipidIn = 0;
            double lipidOut = 0;
            for (int row = j - 1; row <= j; row++) {
                if (row < 0 || row >= ey) {
                    continue;
                }
                if (mesh.material(membraneStart, row) == Material.LIPID) {
                    lipidIn += 0.5 * hy[row];
                }
                if (mesh.material(membraneEnd - 1, row) == Material.LIPID) {
                    lipidOut += 0.5 * hy[row];
                }
            }
            surfaceCharge[j * nx + membraneStart] = sigIn * lipidIn;
            surfaceCharge[j * nx + membraneEnd] = sigOut * lipidOut;
        }
        // fixed charge of the pore walls: Γ ρ̂_fixed over each pore element's quarter areas
        for (int j = 0; j < ey; j++) {
            for (int i = 0; i < ex; i++) {
                if (mesh.material(i, j) != Material.PORE) {
                    continue;
                }
                double rhoFixed = scales.poissonFactor * scenario.lateral().channels().get(mesh.channel(i, j))
                        .fixedChargeMm() / scales.concentrationMolPerM3;
                double quarter = 0.25 * hx[i] * hy[j];
                for (int dj = 0; dj <= 1; dj++) {
                    for (int di = 0; di <= 1; di++) {
                        surfaceCharge[(j + dj) * nx + i + di] += rhoFixed * quarter;
                    }
                }
            }
        }
        // equation kinds
        kind = new EquationKind[n * m];
        dirichlet = new double[n * m];
        Arrays.fill(kind, EquationKind.BALANCE);
        for (int k = 0; k < n; k++) {
            for (int q = 0; q < s; q++) {
                if (volume[k * s + q] == 0.0) {
                    kind[k * m + 1 + q] = EquationKind.INACTIVE;
                }
            }
        }
        for (int q = 0; q < s; q++) {
            boolean crosses = mem.isPermeant(q);
            for (Channel c : scenario.lateral().channels()) {
                crosses |= c.isPermeant(q);
            }
            if (crosses) {
                continue;
            }
            for (int j = 0; j < ny; j++) {
                if (scenario.inside().concentrationMm(q) == 0) {
                    for (int i = 0; i <= membraneStart; i++) {
                        kind[(j * nx + i) * m + 1 + q] = EquationKind.INACTIVE;
                    }
                }
                if (scenario.outside().concentrationMm(q) == 0) {
                    for (int i = membraneEnd; i < nx; i++) {
                        kind[(j * nx + i) * m + 1 + q] = EquationKind.INACTIVE;
                    }
                }
            }
        }
        for (int j = 0; j < ny; j++) {
            int in = j * nx;
            int out = j * nx + nx - 1;
            kind[in * m] = EquationKind.DIRICHLET;
            kind[out * m] = EquationKind.DIRICHLET;
            for (int q = 0; q < s; q++) {
                if (kind[in * m + 1 + q] != EquationKind.INACTIVE) {
                    kind[in * m + 1 + q] = EquationKind.DIRICHLET;
                    dirichlet[in * m + 1 + q] = scenario.inside().concentrationMm(q) / scales.concentrationMolPerM3;
                }
                if (kind[out * m + 1 + q] != EquationKind.INACTIVE) {
                    kind[out * m + 1 + q] = EquationKind.DIRICHLET;
                    dirichlet[out * m + 1 + q] = scenario.outside().concentrationMm(q) / scales.concentrationMolPerM3;
                }
            }
        }
    }

    /** Sets the inside electrode's potential ψ̂ (all nodes at x = 0); the outside electrode stays at 0. */
    public void setElectrodePotential(double psi) {
        for (int j = 0; j < ny; j++) {
            dirichlet[j * nx * m] = psi;
        }
    }

    /** The inside electrode's potential ψ̂. */
    public double electrodePotential() {
        return dirichlet[0];
    }

    /** Index of node (i, j). */
    public int node(int i, int j) {
        return j * nx + i;
    }

    /** True if node (i, j) touches a pore element. */
    public boolean touchesPore(int i, int j) {
        return poreAt(i, j) >= 0;
    }

    /** A pore (channel index) whose elements touch node (i, j), or -1. */
    public int poreAt(int i, int j) {
        for (int row = j - 1; row <= j; row++) {
            for (int col = i - 1; col <= i; col++) {
                if (row >= 0 && row < ny - 1 && col >= 0 && col < nx - 1 && mesh.material(col, row) == Material.PORE) {
                    return mesh.channel(col, row);
                }
            }
        }
        return -1;
    }
}
