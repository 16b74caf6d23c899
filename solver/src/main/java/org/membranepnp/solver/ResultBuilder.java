package org.membranepnp.solver;

import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.ChargeBalance;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.fv.ClosedAmount;
import org.membranepnp.solver.fv.EquationKind;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;

/** Turns a dimensionless state of a chain into a {@link RunResult} in SI-derived units. */
final class ResultBuilder {
    private ResultBuilder() {
    }

    static RunResult build(PnpModel model, PnpAssembler assembler, double[] u, double[] initialAmounts,
                           TimeSeries timeSeries, int newtonIterations, double lastResidual, int timeSteps,
                           double wallTimeS) {
        Scenario sc = model.scenario;
        int n = model.n;
        int m = model.m;
        int s = model.s;
        int a = model.membraneStart;
        int b = model.membraneEnd;
        double c0 = model.scales.concentrationMolPerM3;
        Profiles profiles = profiles(model, u);
        assembler.evaluateFluxes(u);
        int[] midEdges = model.columnEdges((a + b) / 2);
        double[][] conc = profiles.concentrationsMm();
        double vt = model.scales.thermalVoltageV * 1e3;

        double[] inBulk = new double[s];
        double[] outBulk = new double[s];
        double[] inSurf = new double[s];
        double[] outSurf = new double[s];
        double[] flux = new double[s];
        for (int i = 0; i < s; i++) {
            inBulk[i] = conc[i][0];
            outBulk[i] = conc[i][n - 1];
            inSurf[i] = conc[i][a];
            outSurf[i] = conc[i][b];
            flux[i] = assembler.speciesFlux(midEdges, i) * model.scales.fluxMolPerM2S();
        }

        // separated charge: ions of the inside bath (water part of each control volume) + fixed inside charge
        double qIn = 0;
        for (int k = 0; k <= a; k++) {
            double q = 0;
            for (int i = 0; i < s; i++) {
                q += model.z[i] * u[k * m + 1 + i];
            }
            qIn += model.waterVolume(k) * q;
        }
        double separated = PhysicalConstants.FARADAY_C_PER_MOL * c0 * model.scales.lengthM * qIn
                + sc.membrane().insideSurfaceChargeCPerM2();

        double neutrality = bulkElectroneutrality(model, conc);
        double conservation = Double.NaN;
        for (int c = 0; c < model.closedAmounts().size(); c++) {
            ClosedAmount cc = model.closedAmounts().get(c);
            double now = cc.amount(u, m);
            double ref = initialAmounts[c];
            double err = ref != 0 ? Math.abs(now - ref) / Math.abs(ref) : Math.abs(now - ref);
            conservation = Double.isNaN(conservation) ? err : Math.max(conservation, err);
        }
        double vm = (u[0] - u[(n - 1) * m]) * vt;
        double drop = (u[a * m] - u[b * m]) * vt;
        return new RunResult(sc, profiles, timeSeries, vm, drop, inBulk, outBulk, inSurf, outSurf, flux, separated,
                neutrality, conservation, newtonIterations, lastResidual, timeSteps, wallTimeS, n - 1);
    }

    /** The profiles of state u: potential relative to the outside far end, real concentrations, charge density. */
    static Profiles profiles(PnpModel model, double[] u) {
        Scenario sc = model.scenario;
        int n = model.n;
        int m = model.m;
        int s = model.s;
        int a = model.membraneStart;
        int b = model.membraneEnd;
        double c0 = model.scales.concentrationMolPerM3;
        double vt = model.scales.thermalVoltageV * 1e3;
        double beta = sc.membrane().partitionCoefficient();
        double psiRef = u[(n - 1) * m];
        double[] x = positionsNm(model);
        double[] phi = new double[n];
        double[][] conc = new double[s][n];
        double[] rho = new double[n];
        for (int k = 0; k < n; k++) {
            phi[k] = (u[k * m] - psiRef) * vt;
            boolean inMembrane = k > a && k < b;
            double q = 0;
            for (int i = 0; i < s; i++) {
                double c = u[k * m + 1 + i] * c0;
                if (inMembrane) {
                    c = model.kind(k * m + 1 + i) == EquationKind.INACTIVE ? 0.0 : beta * c;
                }
                conc[i][k] = c;
                q += model.z[i] * c;
            }
            rho[k] = PhysicalConstants.FARADAY_C_PER_MOL * q;
        }
        return new Profiles(x, phi, conc, rho, a, b);
    }

    /** max |Σ z c| / Σ |z| c over nodes farther than 10 λ_D from both membrane faces ({@link ChargeBalance}). */
    static double bulkElectroneutrality(PnpModel model, double[][] conc) {
        Scenario sc = model.scenario;
        return ChargeBalance.bulkElectroneutrality(positionsNm(model), model.membraneStart, model.membraneEnd,
                model.z, conc, debye(sc.inside(), sc), debye(sc.outside(), sc));
    }

    /** The node positions of a chain, nm. */
    private static double[] positionsNm(PnpModel model) {
        double[] x = new double[model.n];
        for (int k = 0; k < x.length; k++) {
            x[k] = model.mesh.xNm(k);
        }
        return x;
    }

    private static double debye(Bath bath, Scenario sc) {
        return DebyeLength.nm(bath.permittivity(), sc.charges(), bath.concentrationsMm(), sc.temperatureK());
    }
}
