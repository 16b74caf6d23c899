package org.membranepnp.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --balance SIDE.concentrations_mM.SPECIES}: the concentration of one species of one bath is set so that
 * the bath stays electroneutral, c_b = (Σ_{i≠b} z_i c_i) / (−z_b), whatever the other overrides change.
 *
 * @param side    {@code inside} or {@code outside}
 * @param species the species that takes up the charge
 */
record BathBalance(String side, String species) {
    private static final String TABLE = "concentrations_mM";
    private static final String VALID = "write --balance inside.concentrations_mM.NAME or outside.concentrations_mM.NAME, "
            + "NAME the species whose concentration keeps that bath neutral (e.g. outside.concentrations_mM.Cl)";

    /** The override key this balance sets, e.g. {@code outside.concentrations_mM.Cl}. */
    String key() {
        return side + "." + TABLE + "." + species;
    }

    /**
     * Parses {@code SIDE.concentrations_mM.SPECIES}.
     *
     * @throws IllegalArgumentException with a one-line message quoting {@code text} and saying what is valid
     */
    static BathBalance parse(String text) {
        String t = text == null ? "" : text.strip();
        String[] parts = SweepAxis.normalizeKey(t).split("\\.", -1);
        if (parts.length != 3 || !(parts[0].equals("inside") || parts[0].equals("outside"))
                || !parts[1].equals(TABLE) || parts[2].isEmpty()) {
            throw new IllegalArgumentException("\"" + t + "\" is not a bath concentration; " + VALID);
        }
        return new BathBalance(parts[0], parts[2]);
    }

    /** True if the override key {@code key} sets this bath's concentrations (the whole table or one species). */
    boolean touches(String key) {
        String[] parts = SweepAxis.normalizeKey(key).split("\\.", -1);
        return parts.length >= 2 && parts.length <= 3 && parts[0].equals(side) && parts[1].equals(TABLE);
    }

    /** True if {@code key} replaces this bath's whole concentration table ({@code outside.concentrations_mM={…}}). */
    boolean replacesTable(String key) {
        return touches(key) && SweepAxis.normalizeKey(key).split("\\.", -1).length == 2;
    }

    /** {@code overrides} without those that set this bath's concentrations, in order. */
    Map<String, String> without(Map<String, String> overrides) {
        Map<String, String> rest = new LinkedHashMap<>();
        overrides.forEach((k, v) -> {
            if (!touches(k)) {
                rest.put(k, v);
            }
        });
        return rest;
    }

    /**
     * The balancing concentration as TOML value text.
     *
     * @param probe     the scenario loaded with {@link #without}({@code overrides}): charges and this bath as in the file
     * @param overrides all overrides of the point; those that set single concentrations of this bath are applied
     * @throws UserInputException if the species is unknown or would need a negative concentration
     */
    String valueText(Scenario probe, Map<String, String> overrides) {
        List<Species> species = probe.species();
        int b = probe.speciesIndex(this.species);
        if (b < 0) {
            throw new UserInputException("--balance " + key() + ": unknown species " + this.species + "; species: "
                    + species.stream().map(Species::name).collect(Collectors.joining(", ")));
        }
        Bath bath = side.equals("inside") ? probe.inside() : probe.outside();
        double[] c = bath.concentrationsMm().clone();
        overrides.forEach((k, v) -> {
            if (replacesTable(k)) {
                throw new UserInputException("--balance " + key() + ": " + k + " replaces the whole table; set the "
                        + "species one by one instead, e.g. " + side + "." + TABLE + ".K=20");
            }
            if (touches(k)) {
                int i = probe.speciesIndex(SweepAxis.normalizeKey(k).split("\\.")[2]);
                Double x = number(v);
                if (i >= 0 && x != null) { // otherwise the loader reports the unknown species or the bad value
                    c[i] = x;
                }
            }
        });
        double net = 0;
        double scale = 0;
        for (int i = 0; i < c.length; i++) {
            if (i != b) {
                net += species.get(i).charge() * c[i];
                scale += Math.abs(species.get(i).charge() * c[i]);
            }
        }
        double value = -net / species.get(b).charge();
        if (value < 0 && value >= -1e-12 * scale) {
            value = 0; // round-off
        }
        if (value < 0 || !Double.isFinite(value)) {
            throw new UserInputException(String.format(Locale.ROOT,
                    "--balance %s: the %s bath would need %s = %s mM to stay neutral (Σ z·c of the other ions = %+.6g mM); "
                            + "balance with a species of the opposite charge or keep the varied values in range",
                    key(), side, this.species, Fmt.num(value), net));
        }
        return Double.toString(value + 0.0);
    }

    private static Double number(String valueText) {
        try {
            double x = Double.parseDouble(valueText.strip());
            return Double.isFinite(x) ? x : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** picocli converter for {@code --balance}. */
    static final class Converter implements ITypeConverter<BathBalance> {
        @Override
        public BathBalance convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
