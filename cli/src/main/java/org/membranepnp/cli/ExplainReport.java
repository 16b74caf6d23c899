package org.membranepnp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.membranepnp.cli.Explanation.BathFacts;
import org.membranepnp.cli.Explanation.CellCharge;
import org.membranepnp.cli.Explanation.Ion;
import org.membranepnp.engine.units.PhysicalConstants;

/** Prints an {@link Explanation}: the readable report of {@code pnp explain}, or its JSON object. */
final class ExplainReport {
    private static final String LINE = "  %-36s %s%n";
    private static final String NERNST_ROW = "  %-8s %4s %10s %10s %10s  %s";
    private static final String FORCE_ROW = "  %-8s %10s %10s %12s  %s";

    private ExplainReport() {
    }

    /** The readable report, section by section, units on every line. */
    static void print(PrintWriter out, Explanation x) {
        out.println(x.title() == null || x.title().isBlank() ? "(untitled scenario)" : x.title());
        out.printf(Locale.ROOT, "  %s K (%s °C); the analytic picture from the bulk concentrations, no mesh%n%n",
                Fmt.num(x.temperatureK()), Fmt.num(x.temperatureK() - PhysicalConstants.ZERO_CELSIUS_K, 5));

        out.println("1. Equilibrium (Nernst) potentials, E = (V_T/z) ln(c_out/c_in)");
        row(out, NERNST_ROW, "ion", "z", "c_in", "c_out", "E", "");
        row(out, NERNST_ROW, "", "", "mM", "mM", "mV", "");
        for (Ion ion : x.ions()) {
            row(out, NERNST_ROW, ion.label(), signedInt(ion.charge()), Fmt.num(ion.cInMm(), 5),
                    Fmt.num(ion.cOutMm(), 5), dash(signed(ion.nernstMv(), 2)),
                    ion.nernstNote() == null ? "" : "(" + ion.nernstNote() + ")");
        }
        out.printf(Locale.ROOT, "  V_T = RT/F = %s mV at %s K, so a tenfold gradient is balanced by %s mV for |z| = 1"
                + " and%n", Fmt.fixed(x.thermalVoltageMv(), 2), Fmt.num(x.temperatureK()),
                Fmt.fixed(x.decadeMonovalentMv(), 2));
        out.printf(Locale.ROOT, "  %s mV for |z| = 2: a divalent ion needs half the voltage for the same gradient, "
                + "and E is proportional to T.%n%n", Fmt.fixed(x.decadeDivalentMv(), 2));

        out.println("2. Resting potential (Goldman–Hodgkin–Katz: zero net current, numeric root)");
        String noGhk = x.referenceSpecies() == null ? "n/a (no permeant species)"
                : "n/a (no voltage balances the currents: a permeant ion is missing on one side)";
        out.printf(Locale.ROOT, LINE, "GHK voltage", Double.isNaN(x.ghkMv()) ? noGhk : signed(x.ghkMv(), 2) + " mV");
        out.printf(Locale.ROOT, LINE, "permeabilities P, cm/s", permeabilities(x));
        if (x.referenceSpecies() != null) {
            out.printf(Locale.ROOT, LINE, "ratios P_X/P_" + x.referenceSpecies(), ratios(x));
        }
        if (!"ghk".equals(x.potentialSource())) {
            out.printf(Locale.ROOT, LINE, "V_m set by the " + x.potentialSource(), signed(x.membranePotentialMv(), 2)
                    + " mV" + ("voltage clamp".equals(x.potentialSource()) ? " (drop in the baths neglected)"
                    : " (GHK with the injected current)"));
        }
        if (x.closedBathNote()) {
            out.println("  note: a bath is closed (wall), so a steady state has no net flux of any ion; with several "
                    + "permeant ions");
            out.println("  their concentrations shift until each is at equilibrium, and V_m moves away from the GHK value.");
        }
        out.println();

        out.printf(Locale.ROOT, "3. Driving forces at V_m = %s%n", Double.isNaN(x.membranePotentialMv())
                ? "n/a (no V_m without a permeant ion)" : signed(x.membranePotentialMv(), 2) + " mV");
        row(out, FORCE_ROW, "ion", "V_m − E", "ΔG in", "I (GHK)", "");
        row(out, FORCE_ROW, "", "mV", "kJ/mol", "A/m²", "");
        for (Ion ion : x.ions()) {
            row(out, FORCE_ROW, ion.label(), dash(signed(ion.drivingForceMv(), 2)),
                    dash(signed(ion.deltaGJPerMol() * 1e-3, 3)), current(ion), story(ion));
        }
        out.println("  ΔG = zF(V_m − E) is the free energy of moving one mole inward (negative: the ion flows in);");
        out.println("  currents are positive outward" + ("ghk".equals(x.potentialSource())
                ? ", and at the GHK voltage they add up to zero." : "."));
        out.println();

        out.println("4. The membrane as a capacitor");
        var c = x.capacitance();
        out.printf(Locale.ROOT, LINE, "C_m = ε0 ε_m / d", Fmt.num(c.membraneUfCm2(), 4) + " µF/cm²");
        out.printf(Locale.ROOT, LINE, "diffuse layers ε0 ε_w/λ_D, in / out",
                Fmt.num(c.insideLayerUfCm2(), 4) + " / " + Fmt.num(c.outsideLayerUfCm2(), 4) + " µF/cm²");
        out.printf(Locale.ROOT, LINE, "C_m in series with both layers", Fmt.num(c.seriesUfCm2(), 4) + " µF/cm²");
        CellCharge q = x.charge();
        if (Double.isNaN(q.sigmaCPerM2())) {
            out.printf(Locale.ROOT, LINE, "charge for V_m", "n/a (no V_m)");
        } else {
            out.printf(Locale.ROOT, LINE, "charge for V_m: σ = C_m V_m", Fmt.sci(q.sigmaCPerM2(), 3)
                    + " C/m² on the inside face (" + (q.sigmaCPerM2() < 0 ? "+" : "") + Fmt.sci(-q.sigmaCPerM2(), 3)
                    + " outside)");
            String cell = "cell of radius " + Fmt.num(q.radiusUm(), 4) + " µm";
            if (q.species() == null) {
                out.printf(Locale.ROOT, LINE, cell, "n/a (no permeant ion carries the charge)");
            } else {
                String label = x.ions().stream().filter(i -> i.name().equals(q.species())).findFirst()
                        .map(Ion::label).orElse(q.species());
                out.printf(Locale.ROOT, LINE, cell, Fmt.sci(q.ionsMoved(), 2) + " " + label + " ions moved "
                        + (q.outward() ? "out" : "in") + " to charge it");
                out.printf(Locale.ROOT, LINE, "", Double.isFinite(q.fraction())
                        ? "of " + Fmt.sci(q.ionsInCell(), 2) + " " + label + " inside: a fraction of "
                        + Fmt.sci(q.fraction(), 2) + ", the bulk concentrations barely change"
                        : "n/a (no " + label + " inside)");
            }
        }
        out.println();

        out.println("5. Where the charge sits");
        BathFacts in = x.inside();
        BathFacts ou = x.outside();
        out.printf(Locale.ROOT, LINE, "Debye length λ_D inside / outside",
                Fmt.num(in.debyeNm(), 3) + " / " + Fmt.num(ou.debyeNm(), 3) + " nm");
        out.println("  the net charge sits in the diffuse layers, within a few Debye lengths (a few nm) of the membrane;");
        out.println("  beyond that both baths are electroneutral.");
        if (in.surfaceChargeCPerM2() != 0 || ou.surfaceChargeCPerM2() != 0) {
            out.printf(Locale.ROOT, LINE, "fixed surface charge in / out",
                    Fmt.num(in.surfaceChargeCPerM2(), 4) + " / " + Fmt.num(ou.surfaceChargeCPerM2(), 4) + " C/m²");
            out.printf(Locale.ROOT, LINE, "Gouy–Chapman ψ0 in / out",
                    surface(in) + " / " + surface(ou) + " mV (Grahame, relative to the bath)");
        }
        out.flush();
    }

    /** The same values as one JSON object (keys documented in README.md); non-finite numbers become null. */
    static ObjectNode json(Explanation x) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("title", x.title());
        o.put("temperature_K", num(x.temperatureK()));
        o.put("thermal_voltage_mV", num(x.thermalVoltageMv()));
        ObjectNode decade = o.putObject("nernst_per_decade_mV");
        decade.put("monovalent", num(x.decadeMonovalentMv()));
        decade.put("divalent", num(x.decadeDivalentMv()));
        ObjectNode bulk = o.putObject("bulk_concentrations_mM");
        bySpecies(bulk.putObject("inside"), x.ions(), Ion::cInMm);
        bySpecies(bulk.putObject("outside"), x.ions(), Ion::cOutMm);
        bySpecies(o.putObject("nernst_mV"), x.ions(), Ion::nernstMv);
        ObjectNode notes = o.putObject("nernst_note");
        x.ions().stream().filter(i -> i.nernstNote() != null).forEach(i -> notes.put(i.name(), i.nernstNote()));
        bySpecies(o.putObject("permeability_cm_s"), x.ions(), Ion::permeabilityCmS);
        o.put("permeability_reference", x.referenceSpecies());
        bySpecies(o.putObject("permeability_ratio"), x.ions(), Ion::permeabilityRatio);
        o.put("ghk_mV", num(x.ghkMv()));
        o.put("membrane_potential_mV", num(x.membranePotentialMv()));
        o.put("membrane_potential_source", x.potentialSource().replace(' ', '_'));
        bySpecies(o.putObject("driving_force_mV"), x.ions(), Ion::drivingForceMv);
        bySpecies(o.putObject("delta_G_J_mol"), x.ions(), Ion::deltaGJPerMol);
        bySpecies(o.putObject("ghk_current_A_m2"), x.ions(), Ion::currentAPerM2);
        ObjectNode flow = o.putObject("ion_flow");
        ObjectNode direction = o.putObject("current_direction");
        for (Ion ion : x.ions()) {
            flow.put(ion.name(), ion.flow() == Explanation.Flow.UNKNOWN ? null
                    : ion.flow().name().toLowerCase(Locale.ROOT));
            direction.put(ion.name(), ion.currentDirection());
        }
        var c = x.capacitance();
        o.put("membrane_capacitance_uF_cm2", num(c.membraneUfCm2()));
        ObjectNode layers = o.putObject("diffuse_layer_capacitance_uF_cm2");
        layers.put("inside", num(c.insideLayerUfCm2()));
        layers.put("outside", num(c.outsideLayerUfCm2()));
        o.put("series_capacitance_uF_cm2", num(c.seriesUfCm2()));
        CellCharge q = x.charge();
        o.put("membrane_charge_C_m2", num(q.sigmaCPerM2()));
        o.put("cell_radius_um", num(q.radiusUm()));
        o.put("charge_carrier", q.species());
        o.put("ions_moved", num(q.ionsMoved()));
        o.put("ions_moved_direction", q.species() == null || Double.isNaN(q.ionsMoved()) ? null
                : q.outward() ? "out" : "in");
        o.put("ions_in_cell", num(q.ionsInCell()));
        o.put("ions_moved_fraction", num(q.fraction()));
        ObjectNode debye = o.putObject("debye_length_nm");
        debye.put("inside", num(x.inside().debyeNm()));
        debye.put("outside", num(x.outside().debyeNm()));
        ObjectNode sigma = o.putObject("surface_charge_C_m2");
        sigma.put("inside", num(x.inside().surfaceChargeCPerM2()));
        sigma.put("outside", num(x.outside().surfaceChargeCPerM2()));
        ObjectNode psi0 = o.putObject("surface_potential_mV");
        psi0.put("inside", num(x.inside().surfacePotentialMv()));
        psi0.put("outside", num(x.outside().surfacePotentialMv()));
        return o;
    }

    private static void bySpecies(ObjectNode o, List<Ion> ions, ToDoubleFunction<Ion> value) {
        for (Ion ion : ions) {
            o.put(ion.name(), num(value.applyAsDouble(ion)));
        }
    }

    /** {@code v}, null if not finite; −0 becomes 0. */
    private static Double num(double v) {
        return Double.isFinite(v) ? v + 0.0 : null;
    }

    /** One table row, without trailing blanks. */
    private static void row(PrintWriter out, String format, Object... cells) {
        out.println(String.format(Locale.ROOT, format, cells).stripTrailing());
    }

    /** "K+ flows out (outward current)" and the like. */
    private static String story(Ion ion) {
        String who = ion.label();
        return switch (ion.flow()) {
            case IN, OUT -> who + " flows " + (ion.flow() == Explanation.Flow.IN ? "in" : "out")
                    + " (" + ion.currentDirection() + " current)";
            case EQUILIBRIUM -> who + " at equilibrium (|V_m − E| < " + Fmt.num(Explanation.EQUILIBRIUM_MV) + " mV)";
            case IMPERMEANT -> "impermeant";
            case ABSENT -> "absent on both sides";
            case UNKNOWN -> "n/a (no V_m)";
        };
    }

    private static String current(Ion ion) {
        if (ion.flow() == Explanation.Flow.IMPERMEANT || ion.flow() == Explanation.Flow.ABSENT) {
            return "0";
        }
        return dash(Fmt.sci(ion.currentAPerM2(), 3));
    }

    private static String permeabilities(Explanation x) {
        List<String> parts = new ArrayList<>();
        List<String> impermeant = new ArrayList<>();
        for (Ion ion : x.ions()) {
            if (ion.permeabilityCmS() > 0) {
                parts.add(ion.name() + " " + Fmt.num(ion.permeabilityCmS(), 4));
            } else {
                impermeant.add(ion.name());
            }
        }
        String s = parts.isEmpty() ? "none: no ion crosses" : String.join(", ", parts);
        return impermeant.isEmpty() || parts.isEmpty() ? s : s + "; impermeant: " + String.join(", ", impermeant);
    }

    private static String ratios(Explanation x) {
        List<String> parts = new ArrayList<>();
        for (Ion ion : x.ions()) {
            if (ion.permeabilityCmS() > 0) {
                parts.add(ion.name() + " " + Fmt.num(ion.permeabilityRatio(), 4));
            }
        }
        return String.join(" : ", parts);
    }

    private static String surface(BathFacts b) {
        if (b.surfaceChargeCPerM2() == 0) {
            return "0";
        }
        return Double.isNaN(b.surfacePotentialMv()) ? "n/a (not a 1:1 mix or z:z bath)"
                : signed(b.surfacePotentialMv(), 2);
    }

    /** {@code v} with a sign and a fixed number of decimals; "NaN" if not finite. */
    private static String signed(double v, int decimals) {
        String s = Fmt.fixed(v, decimals);
        if (s.matches("-?0(\\.0*)?")) {
            return s.replace("-", "");
        }
        return v > 0 ? "+" + s : s;
    }

    private static String signedInt(int z) {
        return z > 0 ? "+" + z : String.valueOf(z);
    }

    /** "—" for a value that does not exist. */
    private static String dash(String formatted) {
        return formatted.equals("NaN") ? "—" : formatted;
    }
}
