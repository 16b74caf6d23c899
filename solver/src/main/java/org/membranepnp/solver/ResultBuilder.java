package org.membranepnp.solver;

import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.ChargeBalance;
import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;

/**
 * The {@link RunResult} of a state of any geometry, in SI-derived units: everything per unit membrane area averaged
 * along the membrane (profiles, surface concentrations, fluxes through the middle of the membrane, separated charge;
 * on a chain the one row itself), and in 2-D the fields on the mesh with the current through each pore.
 */
final class ResultBuilder {
    private ResultBuilder() {
    }

    /** The fields of state {@code u} on the mesh: potential (mV, outside electrode 0), concentrations, charge. */
    private record NodeFields(double[] phi, double[][] conc, double[] rho) {
    }

    private static NodeFields nodeFields(PnpModel model, double[] u) {
        Scenario sc = model.scenario;
        int nx = model.nx;
        int ny = model.ny;
        int m = model.m;
        int s = model.s;
        int a = model.membraneStart;
        int b = model.membraneEnd;
        double c0 = model.scales.concentrationMolPerM3;
        double vt = model.scales.thermalVoltageV * 1e3;
        double beta = sc.membrane().partitionCoefficient();
        double psiRef = u[(nx - 1) * m];
        int nodes = nx * ny;
        double[] phi = new double[nodes];
        double[][] conc = new double[s][nodes];
        double[] rho = new double[nodes];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i; // the node, and its index in the fields (Fields2D.index(i, j))
                phi[k] = (u[k * m] - psiRef) * vt;
                int pore = i > a && i < b ? model.poreAt(k) : -1;
                boolean lipid = i > a && i < b && pore < 0;
                // in a pore the walls' fixed charge belongs to the net charge density
                double q = pore >= 0 ? sc.lateral().channels().get(pore).fixedChargeMm() : 0.0;
                for (int sp = 0; sp < s; sp++) {
                    double c = model.kind(k * m + 1 + sp) == EquationKind.INACTIVE ? 0.0 : u[k * m + 1 + sp] * c0;
                    if (lipid) {
                        c *= beta;
                    }
                    conc[sp][k] = c;
                    q += model.z[sp] * c;
                }
                rho[k] = PhysicalConstants.FARADAY_C_PER_MOL * q;
            }
        }
        return new NodeFields(phi, conc, rho);
    }

    /** The profiles of state {@code u} averaged along y (each row weighted by its share of the height). */
    static Profiles profiles(PnpModel model, double[] u) {
        return averages(model, nodeFields(model, u));
    }

    /** The node positions across the membrane (x of the first row), nm. */
    private static double[] acrossNm(PnpModel model) {
        double[] x = new double[model.nx];
        for (int i = 0; i < x.length; i++) {
            x[i] = model.mesh.xNm(i);
        }
        return x;
    }

    private static Profiles averages(PnpModel model, NodeFields nf) {
        int nx = model.nx;
        int ny = model.ny;
        int s = model.s;
        double[] phi = nf.phi();
        double[][] conc = nf.conc();
        double[] rho = nf.rho();
        double[] weight = new double[ny];
        double total = 0;
        for (int j = 0; j < ny; j++) {
            weight[j] = model.rowWeight(j);
            total += weight[j];
        }
        double[] phiAvg = new double[nx];
        double[][] cAvg = new double[s][nx];
        double[] rhoAvg = new double[nx];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double w = weight[j] / total;
                int f = j * nx + i;
                phiAvg[i] += w * phi[f];
                rhoAvg[i] += w * rho[f];
                for (int sp = 0; sp < s; sp++) {
                    cAvg[sp][i] += w * conc[sp][f];
                }
            }
        }
        return new Profiles(acrossNm(model), phiAvg, cAvg, rhoAvg, model.membraneStart,
                model.membraneEnd);
    }

    /**
     * The result at state {@code u}, with the fluxes through {@code midEdges} (the middle of the membrane) evaluated
     * here; {@code series} (or null) and {@code timeSteps} those of a time course.
     */
    static RunResult build(PnpModel model, PnpAssembler assembler, double[] u, int[] midEdges, TimeSeries series,
                           int newtonIterations, double lastResidual, int timeSteps, double wallTimeS) {
        assembler.evaluateFluxes(u);
        Scenario sc = model.scenario;
        int nx = model.nx;
        int ny = model.ny;
        int m = model.m;
        int s = model.s;
        int a = model.membraneStart;
        int b = model.membraneEnd;
        double c0 = model.scales.concentrationMolPerM3;
        double vt = model.scales.thermalVoltageV * 1e3;
        double psiRef = u[(nx - 1) * m];
        double[] x = acrossNm(model);
        double[] y = new double[ny];
        for (int j = 0; j < ny; j++) {
            y[j] = model.mesh.yNm(j * nx);
        }
        NodeFields nf = nodeFields(model, u);
        double[] phi = nf.phi();
        double[][] conc = nf.conc();
        double[] rho = nf.rho();
        List<double[]> pores = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Channel c : sc.lateral().channels()) {
            pores.add(new double[] {sc.lateral().poreLowerNm(c), sc.lateral().poreUpperNm(c)});
        }
        for (Species sp : sc.species()) {
            names.add(sp.name());
        }
        // the current through each pore: its share of the flux through the middle of the membrane
        int channels = sc.lateral().channels().size();
        double[][] channelCurrent = new double[channels][s];
        double toAmperes = model.scales.fluxMolPerM2S() * PhysicalConstants.FARADAY_C_PER_MOL
                * Math.pow(model.scales.lengthM, model.mesh.dimension() - 1);
        for (int c = 0; c < channels; c++) {
            for (int sp = 0; sp < s; sp++) {
                channelCurrent[c][sp] = model.z[sp] * toAmperes * assembler.channelFlux(midEdges, c, sp);
            }
        }
        Fields2D fields = sc.isTwoDimensional()
                ? new Fields2D(names, x, y, phi, conc, rho, x[a], x[b], pores, channelCurrent,
                        sc.lateral().axisymmetric()) : null;

        Profiles profiles = averages(model, nf);
        double[] phiAvg = profiles.potentialMv();
        double[][] cAvg = profiles.concentrationsMm();

        double[] inBulk = new double[s];
        double[] outBulk = new double[s];
        double[] inSurf = new double[s];
        double[] outSurf = new double[s];
        double[] flux = new double[s];
        for (int sp = 0; sp < s; sp++) {
            inBulk[sp] = conc[sp][0];
            outBulk[sp] = conc[sp][nx - 1];
            inSurf[sp] = cAvg[sp][a];
            outSurf[sp] = cAvg[sp][b];
            flux[sp] = assembler.speciesFlux(midEdges, sp) / model.membraneArea
                    * model.scales.fluxMolPerM2S();
        }
        // separated charge per area: ions in the water of the inside bath, and the fixed charge on the lipid face
        double qIn = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i <= a; i++) {
                int k = j * nx + i;
                double q = 0;
                for (int sp = 0; sp < s; sp++) {
                    q += model.z[sp] * u[k * m + 1 + sp];
                }
                qIn += model.waterVolume(k) * q;
            }
        }
        double separated = PhysicalConstants.FARADAY_C_PER_MOL * c0 * model.scales.lengthM * qIn / model.membraneArea
                + sc.averagedFaceChargeCPerM2(org.membranepnp.engine.model.MembraneSide.INSIDE);

        double lin = debye(sc.inside(), sc);
        double lout = debye(sc.outside(), sc);
        double worst = 0; // the 1-D measure of each row of nodes, worst row
        double[][] row = new double[s][nx];
        for (int j = 0; j < ny; j++) {
            for (int sp = 0; sp < s; sp++) {
                for (int i = 0; i < nx; i++) {
                    row[sp][i] = conc[sp][j * nx + i];
                }
            }
            worst = Math.max(worst, ChargeBalance.bulkElectroneutrality(x, a, b, model.z, row, lin, lout));
        }
        double vm = (u[0] - psiRef) * vt;
        double drop = phiAvg[a] - phiAvg[b];
        // the closed compartments: how well each kept its amount
        double conservation = Double.NaN;
        for (int c = 0; c < model.closedAmounts().size(); c++) {
            double target = model.closedTarget(c);
            double err = Math.abs(model.closedAmounts().get(c).amount(u, m) - target) / (target != 0 ? Math.abs(target) : 1.0);
            conservation = Double.isNaN(conservation) ? err : Math.max(conservation, err);
        }
        return new RunResult(sc, profiles, series, vm, drop, inBulk, outBulk, inSurf, outSurf, flux, separated, worst,
                conservation, newtonIterations, lastResidual, timeSteps, wallTimeS, model.mesh.elementCount(), fields);
    }

    private static double debye(Bath bath, Scenario sc) {
        return DebyeLength.nm(bath.permittivity(), sc.charges(), bath.concentrationsMm(), sc.temperatureK());
    }
}
