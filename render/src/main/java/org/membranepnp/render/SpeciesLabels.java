package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * Species names for figures with their charge as a superscript ("K" → K⁺, "Ca" → Ca²⁺). The result files do not
 * hold the valences, so they are worked out from a summary: z = (RT/F) ln(c_out/c_in) / E from a species' Nernst
 * potential, or, for a species only one bath holds, from that bath's electroneutrality when it is the only one left.
 * A name that already shows a charge, or whose charge cannot be told, stays as it is.
 */
final class SpeciesLabels {
    private SpeciesLabels() {
    }

    /** The label of {@code species} from {@code summary} (may be a missing node). */
    static String of(JsonNode summary, String species) {
        if (species.endsWith("+") || species.endsWith("-")) {
            return species;
        }
        int z = charge(summary, species);
        return z == 0 ? species : species + "^{" + (Math.abs(z) == 1 ? "" : Math.abs(z)) + (z > 0 ? "+" : "\u2212") + "}";
    }

    /** The valence of {@code species}, or 0 where it cannot be told. */
    static int charge(JsonNode summary, String species) {
        int z = fromNernst(summary, species);
        if (z != 0) {
            return z;
        }
        for (String side : new String[] {Summary.INSIDE, Summary.OUTSIDE}) {
            JsonNode bath = summary.path(Summary.BULK_CONCENTRATIONS_MM).path(side);
            double c = bath.path(species).asDouble(0);
            if (!(c > 0)) {
                continue;
            }
            double known = 0;
            List<String> unknown = new ArrayList<>();
            for (var it = bath.fieldNames(); it.hasNext(); ) {
                String other = it.next();
                double co = bath.path(other).asDouble(0);
                int zo = other.equals(species) ? 0 : fromNernst(summary, other);
                if (co > 0 && zo == 0) {
                    unknown.add(other);
                }
                known += zo * co;
            }
            if (unknown.size() == 1 && unknown.get(0).equals(species)) {
                return integer(-known / c);
            }
        }
        return 0;
    }

    private static int fromNernst(JsonNode summary, String species) {
        JsonNode e = summary.path(Summary.NERNST_MV).path(species);
        double t = summary.path(Summary.TEMPERATURE_K).asDouble(Double.NaN);
        JsonNode bulk = summary.path(Summary.BULK_CONCENTRATIONS_MM);
        double cIn = bulk.path(Summary.INSIDE).path(species).asDouble(Double.NaN);
        double cOut = bulk.path(Summary.OUTSIDE).path(species).asDouble(Double.NaN);
        if (!e.isNumber() || !(t > 0) || !(cIn > 0) || !(cOut > 0) || Math.abs(Math.log(cOut / cIn)) < 0.05) {
            return 0;
        }
        double vtMv = PhysicalConstants.GAS_CONSTANT_J_PER_MOL_K * t / PhysicalConstants.FARADAY_C_PER_MOL * 1e3;
        return integer(vtMv * Math.log(cOut / cIn) / e.doubleValue());
    }

    /** The nearest non-zero integer within 0.02, else 0. */
    private static int integer(double z) {
        long r = Math.round(z);
        return Double.isFinite(z) && r != 0 && Math.abs(r) <= 4 && Math.abs(z - r) < 0.02 ? (int) r : 0;
    }
}
