package org.membranepnp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.result.Summary;

/** The human-readable table that {@code pnp run} prints; every number comes from the {@link Summary}. */
final class RunReport {
    private static final String SPECIES_ROW = "  %-8s %10s %10s %9s %9s %9s %13s%n";
    private static final String LINE = "  %-34s %s%n";

    private RunReport() {
    }

    /** Prints the summary of {@code result} and where its files went. */
    static void print(PrintWriter out, RunResult result, Summary s, Path outDir) {
        Scenario sc = result.scenario();
        String title = sc.title() == null || sc.title().isBlank() ? "(untitled scenario)" : sc.title();
        out.println(title);
        String mode = sc.run().mode() == RunMode.TRANSIENT
                ? "transient to " + Fmt.num(sc.run().endTimeS(), 4) + " s" : "steady state";
        out.printf(Locale.ROOT, "  %s, %s K, %d cells%n%n", mode, Fmt.num(s.number(Summary.TEMPERATURE_K)),
                (long) s.number(Summary.CELLS));

        out.printf(Locale.ROOT, LINE, "membrane potential V_m", mv(s.number(Summary.MEMBRANE_POTENTIAL_MV)));
        double ghk = s.number(Summary.GHK_MV);
        out.printf(Locale.ROOT, LINE, "GHK voltage (final bulk)", Double.isNaN(ghk) ? "n/a (no permeant species)" : mv(ghk));
        out.printf(Locale.ROOT, LINE, "drop inside the lipid", mv(s.number(Summary.INTRAMEMBRANE_DROP_MV)));
        out.println();

        out.printf(Locale.ROOT, SPECIES_ROW, "species", "c_in", "c_out", "Nernst", "V_m − E", "ΔG in", "current out");
        out.printf(Locale.ROOT, SPECIES_ROW, "", "mM", "mM", "mV", "mV", "kJ/mol", "A/m²");
        for (Species sp : sc.species()) {
            String n = sp.name();
            out.printf(Locale.ROOT, SPECIES_ROW, n,
                    Fmt.num(side(s, Summary.BULK_CONCENTRATIONS_MM, Summary.INSIDE, n), 5),
                    Fmt.num(side(s, Summary.BULK_CONCENTRATIONS_MM, Summary.OUTSIDE, n), 5),
                    orDash(Fmt.fixed(s.number(Summary.NERNST_MV, n), 2)),
                    orDash(Fmt.fixed(s.number(Summary.DRIVING_FORCE_MV, n), 2)),
                    orDash(Fmt.fixed(s.number(Summary.DELTA_G_J_MOL, n) * 1e-3, 3)),
                    Fmt.sci(s.number(Summary.MEMBRANE_CURRENT_A_M2, n), 4));
        }
        out.println();

        out.printf(Locale.ROOT, LINE, "Debye length inside / outside",
                Fmt.num(s.number(Summary.DEBYE_LENGTH_NM, Summary.INSIDE), 4) + " / "
                        + Fmt.num(s.number(Summary.DEBYE_LENGTH_NM, Summary.OUTSIDE), 4) + " nm");
        out.printf(Locale.ROOT, LINE, "membrane capacitance C_m",
                Fmt.num(s.number(Summary.MEMBRANE_CAPACITANCE_UF_CM2), 4) + " µF/cm²");
        out.printf(Locale.ROOT, LINE, "separated charge (inside)",
                Fmt.sci(s.number(Summary.SEPARATED_CHARGE_C_M2), 4) + " C/m²");
        out.printf(Locale.ROOT, LINE, "bulk electroneutrality", Fmt.sci(s.number(Summary.BULK_ELECTRONEUTRALITY), 2));
        double conservation = s.number(Summary.CONSERVATION_ERROR);
        out.printf(Locale.ROOT, LINE, "conservation error (relative)",
                Double.isNaN(conservation) ? "n/a (no closed compartment)" : Fmt.sci(conservation, 2));
        double error = s.number(Summary.DISCRETISATION_ERROR_MV);
        if (!Double.isNaN(error)) {
            double tolerance = sc.mesh().toleranceMv();
            String over = sc.mesh().cells() == 0 && error > tolerance
                    ? " — above mesh.tolerance_mV = " + Fmt.sci(tolerance, 2) + ": the finest mesh the refinement allows"
                    : "";
            out.printf(Locale.ROOT, LINE, "discretisation error of V_m", Fmt.sci(error, 2) + " mV (estimated)" + over);
        }
        String iterations = String.valueOf((long) s.number(Summary.NEWTON_ITERATIONS));
        long timeSteps = (long) s.number(Summary.TIME_STEPS);
        if (timeSteps > 0) {
            iterations += " in " + timeSteps + " time steps";
        }
        out.printf(Locale.ROOT, LINE, "Newton iterations", iterations);
        out.printf(Locale.ROOT, LINE, "wall time", Fmt.num(s.number(Summary.WALL_TIME_S), 3) + " s");
        double particles = s.number(Summary.PARTICLE_COUNT);
        if (!Double.isNaN(particles)) {
            out.printf(Locale.ROOT, LINE, "Brownian particles", (long) particles + " ions, time step "
                    + Fmt.num(s.number(Summary.PARTICLE_TIME_STEP_S), 4) + " s, for " + Fmt.num(sc.particles().durationS(), 4)
                    + " s (particles.csv)");
        }
        out.printf(Locale.ROOT, LINE, "output folder", outDir);
    }

    /** "—" for a value that does not exist (NaN: e.g. no Nernst potential without ions on one side). */
    private static String orDash(String formatted) {
        return formatted.equals("NaN") ? "—" : formatted;
    }

    private static String mv(double v) {
        return Fmt.fixed(v, 2) + " mV";
    }

    /** A per-side, per-species number ({@code bulk_concentrations_mM.inside.K}); NaN where absent. */
    private static double side(Summary s, String key, String side, String species) {
        if (s.get(key) instanceof Map<?, ?> sides && sides.get(side) instanceof Map<?, ?> bySpecies
                && bySpecies.get(species) instanceof Number x) {
            return x.doubleValue();
        }
        return Double.NaN;
    }
}
