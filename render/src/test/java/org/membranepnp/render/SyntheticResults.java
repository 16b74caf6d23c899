package org.membranepnp.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * Small hand-made result folders for the render tests: a membrane between two baths of K⁺, Na⁺ and Cl⁻ with
 * Debye layers of the textbook shape (φ decays as e^(−d/λ_D) from each face, Boltzmann concentrations), written by
 * the engine's ResultWriter; and a sweep table of V_m against the outside K⁺ concentration.
 */
final class SyntheticResults {
    static final double T = 310.15;
    static final double VM = -60.0;
    static final double MEMBRANE_NM = 5.0;
    static final double INSIDE_NM = 1000.0;
    static final double BETA = 1e-6;
    static final double[] INSIDE_MM = {140, 10, 150};
    static final double[] OUTSIDE_MM = {5, 145, 150};
    static final int[] Z = {1, 1, -1};

    private SyntheticResults() {
    }

    static Scenario scenario(RunSpec run) {
        List<Species> species = List.of(new Species("K", 1, 1.96e-9), new Species("Na", 1, 1.33e-9),
                new Species("Cl", -1, 2.03e-9));
        Membrane m = new Membrane(MEMBRANE_NM, 5.6, new double[] {1e-7, 4e-9, 0}, 0.0, 0.0, BETA);
        Boundary b = new Boundary(BoundaryKind.RESERVOIR, BoundaryKind.RESERVOIR, ClampKind.CURRENT, 0.0, 0.0);
        return new Scenario("Synthetic membrane", 1, T, species, new Bath(INSIDE_NM / 1e3, 80, INSIDE_MM),
                new Bath(1.0, 80, OUTSIDE_MM), m, b, MeshSpec.DEFAULT, run);
    }

    /** λ_D of a bath, nm. */
    static double debyeNm(double[] c) {
        return DebyeLength.nm(80, Z, c, T);
    }

    /** Writes a steady run (and, with {@code transient}, a time series) into {@code dir}. */
    static RunResult writeRun(Path dir, boolean transientRun) {
        double lin = debyeNm(INSIDE_MM);
        double lout = debyeNm(OUTSIDE_MM);
        double vt = PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * T / PhysicalConstants.FARADAY_C_PER_MOL * 1e3;
        double zetaIn = 1.5; // mV across each diffuse layer
        double zetaOut = 1.2;
        List<Double> xs = new ArrayList<>();
        for (double d = 0.05; d < INSIDE_NM; d *= 1.08) {
            xs.add(0, INSIDE_NM - d);
        }
        xs.add(0, 0.0);
        xs.add(INSIDE_NM);
        int a = xs.size() - 1;
        for (int k = 1; k <= 10; k++) {
            xs.add(INSIDE_NM + MEMBRANE_NM * k / 10);
        }
        int b = xs.size() - 1;
        double end = INSIDE_NM + MEMBRANE_NM + 1000;
        for (double d = 0.05; INSIDE_NM + MEMBRANE_NM + d < end; d *= 1.08) {
            xs.add(INSIDE_NM + MEMBRANE_NM + d);
        }
        xs.add(end);
        int n = xs.size();
        double[] x = new double[n];
        double[] phi = new double[n];
        double[][] c = new double[3][n];
        double[] rho = new double[n];
        double faceIn = VM + zetaIn;
        double faceOut = -zetaOut;
        for (int k = 0; k < n; k++) {
            x[k] = xs.get(k);
            boolean inside = k <= a;
            boolean outside = k >= b;
            if (inside) {
                phi[k] = VM + zetaIn * Math.exp(-(INSIDE_NM - x[k]) / lin);
            } else if (outside) {
                phi[k] = -zetaOut * Math.exp(-(x[k] - INSIDE_NM - MEMBRANE_NM) / lout);
            } else {
                phi[k] = faceIn + (faceOut - faceIn) * (x[k] - INSIDE_NM) / MEMBRANE_NM;
            }
            double q = 0;
            for (int i = 0; i < 3; i++) {
                if (inside) {
                    c[i][k] = INSIDE_MM[i] * Math.exp(-Z[i] * (phi[k] - VM) / vt);
                } else if (outside) {
                    c[i][k] = OUTSIDE_MM[i] * Math.exp(-Z[i] * phi[k] / vt);
                } else {
                    double u = (x[k] - INSIDE_NM) / MEMBRANE_NM;
                    c[i][k] = BETA * ((1 - u) * INSIDE_MM[i] + u * OUTSIDE_MM[i]);
                }
                q += Z[i] * c[i][k];
            }
            rho[k] = PhysicalConstants.FARADAY_C_PER_MOL * q;
        }
        Profiles p = new Profiles(x, phi, c, rho, a, b);
        TimeSeries ts = null;
        RunSpec run = RunSpec.steady();
        if (transientRun) {
            int m = 41;
            double[] t = new double[m];
            double[] v = new double[m];
            double[][] cur = new double[3][m];
            double tau = 1e-6;
            for (int k = 1; k < m; k++) {
                t[k] = 1e-10 * Math.pow(10, 6.0 * (k - 1) / (m - 2)); // 0, then 1e-10 … 1e-4 s
            }
            for (int k = 0; k < m; k++) {
                double f = Math.exp(-t[k] / tau);
                v[k] = VM * (1 - f);
                cur[0][k] = 0.02 * f;
                cur[1][k] = -0.004 * f;
                cur[2][k] = 0.0;
            }
            ts = new TimeSeries(t, v, cur);
            run = new RunSpec(org.membranepnp.engine.model.RunMode.TRANSIENT, 1e-4, RunSpec.DEFAULT_RELATIVE_TOLERANCE);
        }
        double[] in = {c[0][a], c[1][a], c[2][a]};
        double[] out = {c[0][b], c[1][b], c[2][b]};
        RunResult r = new RunResult(scenario(run), p, ts, VM, faceIn - faceOut, INSIDE_MM.clone(), OUTSIDE_MM.clone(),
                in, out, new double[] {1e-9, -1e-9, 0}, -6e-4, 1.2e-6, Double.NaN, 3, 1e-12,
                ts == null ? 0 : ts.sampleCount(), 0.01, n - 1);
        ResultWriter.writeAll(dir, r, Map.of("code_version", "test"), true);
        return r;
    }

    /** A sweep folder: V_m (GHK-like), GHK and the Nernst potentials against outside K⁺ from 1 to 300 mM. */
    static void writeSweep(Path dir, int points, boolean failSecond) throws IOException {
        Files.createDirectories(dir);
        double vt = PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * T / PhysicalConstants.FARADAY_C_PER_MOL * 1e3;
        StringBuilder csv = new StringBuilder("point,outside.concentrations_mM.K,outside.concentrations_mM.Cl,"
                + "membrane_potential_mV,ghk_mV,nernst_K_mV,nernst_Na_mV,nernst_Cl_mV,intramembrane_drop_mV,"
                + "separated_charge_C_m2,newton_iterations,status\n");
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < points; k++) {
            double ko = Math.pow(300, k / (double) (points - 1));
            double clo = 145 + ko;
            double ghk = vt * Math.log((ko + 0.04 * 145) / (140 + 0.04 * 10));
            double ek = vt * Math.log(ko / 140);
            if (failSecond && k == 1) {
                csv.append(String.format(Locale.ROOT, "%d,%s,%s,,,,,,,,,\"failed: no convergence, try again\"%n",
                        k + 1, ko, clo));
            } else {
                csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,2,ok%n", k + 1, ko, clo, ghk + 0.01,
                        ghk, ek, vt * Math.log(145 / 10.0), -vt * Math.log(clo / 150), ghk * 0.97, -7e-4));
            }
            values.append(k == 0 ? "" : ", ").append(ko);
        }
        Files.writeString(dir.resolve("sweep.csv"), csv.toString());
        Files.writeString(dir.resolve("sweep.json"), "{\n  \"title\" : \"Synthetic sweep\",\n  \"axes\" : [ {\n"
                + "    \"key\" : \"outside.concentrations_mM.K\",\n    \"spec\" : \"1:300:log:" + points + "\",\n"
                + "    \"values\" : [ " + values + " ]\n  } ],\n  \"balance\" : \"outside.concentrations_mM.Cl\",\n"
                + "  \"points\" : " + points + "\n}\n");
    }
}
