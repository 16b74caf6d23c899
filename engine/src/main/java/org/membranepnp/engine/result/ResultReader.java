package org.membranepnp.engine.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.scenario.ScenarioLoader;

/**
 * Reads the result files of a run folder back ({@code profiles.csv}, {@code timeseries.csv}), for programs that
 * draw or compare results without solving.
 */
public final class ResultReader {
    private static final String X = "x_nm";
    private static final String POTENTIAL = "potential_mV";
    private static final String CHARGE = "charge_density_C_m3";
    private static final String TIME = "time_s";
    private static final String VM = "membrane_potential_mV";

    private ResultReader() {
    }

    /**
     * Reads {@code dir/profiles.csv}, and from {@code dir/summary.json} where the membrane is: its face nodes are the
     * nodes that hold the summary's {@code surface_concentrations_mM} (the same numbers, written by the same run).
     * Where the profiles are flat across the membrane, the faces come from the scenario in the summary's provenance.
     *
     * @throws UserInputException with one line if a file is missing or malformed, or the membrane cannot be found
     */
    public static NamedProfiles profiles(Path dir) {
        Path file = dir.resolve(ResultWriter.PROFILES_FILE);
        CsvTable t = CsvTable.read(file);
        List<String> species = profileSpecies(t, file);
        double[][] c = concentrations(t, species.size());
        double[] x = t.numbers(0);
        if (x.length < 3) {
            throw new UserInputException("cannot read " + file + ": " + x.length + " nodes; a profile has at least 3");
        }
        JsonNode summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        int[] faces = faces(species, c, x, summary, file);
        Profiles p = new Profiles(x, t.numbers(1), c, t.numbers(t.header().size() - 1), faces[0], faces[1]);
        return new NamedProfiles(species, p);
    }

    /**
     * Reads a profile written during a run on the same mesh as {@code mesh} (a snapshot, with the columns of
     * profiles.csv); the membrane faces are those of {@code mesh}.
     *
     * @throws UserInputException with one line if the file is missing or malformed, or its nodes or species are not
     *                            those of {@code mesh}
     */
    public static NamedProfiles profilesOnMesh(Path file, NamedProfiles mesh) {
        CsvTable t = CsvTable.read(file);
        List<String> species = profileSpecies(t, file);
        if (!species.equals(mesh.species())) {
            throw new UserInputException("cannot read " + file + ": species " + species + ", expected "
                    + mesh.species());
        }
        double[] x = t.numbers(0);
        double[] mx = mesh.profiles().xNm();
        if (x.length != mx.length) {
            throw new UserInputException("cannot read " + file + ": " + x.length + " nodes, expected " + mx.length
                    + " (the mesh of the run)");
        }
        for (int k = 0; k < x.length; k++) {
            if (Math.abs(x[k] - mx[k]) > 1e-9 * Math.max(1, Math.abs(mx[k]))) {
                throw new UserInputException("cannot read " + file + ": node " + k + " is at x = " + x[k]
                        + " nm, not on the mesh of the run (" + mx[k] + " nm)");
            }
        }
        Profiles m = mesh.profiles();
        Profiles p = new Profiles(x, t.numbers(1), concentrations(t, species.size()),
                t.numbers(t.header().size() - 1), m.membraneStartNode(), m.membraneEndNode());
        return new NamedProfiles(species, p);
    }

    private static List<String> profileSpecies(CsvTable t, Path file) {
        List<String> h = t.header();
        if (h.size() < 3 || !h.get(0).equals(X) || !h.get(1).equals(POTENTIAL) || !h.get(h.size() - 1).equals(CHARGE)) {
            throw new UserInputException("cannot read " + file + ": expected the columns " + X + ", " + POTENTIAL
                    + ", c_<species>_mM…, " + CHARGE);
        }
        return names(h.subList(2, h.size() - 1), "c_", "_mM", file);
    }

    private static double[][] concentrations(CsvTable t, int count) {
        double[][] c = new double[count][];
        for (int i = 0; i < c.length; i++) {
            c[i] = t.numbers(i + 2);
        }
        return c;
    }

    /**
     * Reads {@code dir/timeseries.csv}.
     *
     * @throws UserInputException with one line if the file is missing or malformed
     */
    public static NamedTimeSeries timeSeries(Path dir) {
        Path file = dir.resolve(ResultWriter.TIMESERIES_FILE);
        CsvTable t = CsvTable.read(file);
        List<String> h = t.header();
        if (h.size() < 2 || !h.get(0).equals(TIME) || !h.get(1).equals(VM)) {
            throw new UserInputException("cannot read " + file + ": expected the columns " + TIME + ", " + VM
                    + ", I_<species>_A_m2…");
        }
        List<String> species = names(h.subList(2, h.size()), "I_", "_A_m2", file);
        double[][] currents = new double[species.size()][];
        for (int i = 0; i < currents.length; i++) {
            currents[i] = t.numbers(i + 2);
        }
        return new NamedTimeSeries(species, new TimeSeries(t.numbers(0), t.numbers(1), currents));
    }

    private static List<String> names(List<String> columns, String prefix, String suffix, Path file) {
        List<String> out = new ArrayList<>(columns.size());
        for (String c : columns) {
            if (!c.startsWith(prefix) || !c.endsWith(suffix) || c.length() <= prefix.length() + suffix.length()) {
                throw new UserInputException("cannot read " + file + ": column " + c + " is not " + prefix
                        + "<species>" + suffix);
            }
            out.add(c.substring(prefix.length(), c.length() - suffix.length()));
        }
        return out;
    }

    /** The inside and outside face nodes. */
    private static int[] faces(List<String> species, double[][] c, double[] x, JsonNode summary, Path file) {
        JsonNode surface = summary.path(Summary.SURFACE_CONCENTRATIONS_MM);
        double[] in = perSpecies(surface.path(Summary.INSIDE), species);
        double[] out = perSpecies(surface.path(Summary.OUTSIDE), species);
        int n = x.length;
        int a = -1;
        for (int k = 0; k + 1 < n && a < 0; k++) {
            if (holds(c, k, in) && !holds(c, k + 1, in)) {
                a = k; // the last node of the first run that holds the inside surface values
            }
        }
        for (int k = a + 2; a >= 0 && k < n; k++) {
            if (holds(c, k, out)) {
                return new int[] {a, k};
            }
        }
        return facesFromScenario(summary, x, file);
    }

    /** True if node k holds the concentrations {@code s} (species without a value are not compared). */
    private static boolean holds(double[][] c, int k, double[] s) {
        boolean any = false;
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                continue;
            }
            double v = c[i][k];
            if (Math.abs(v - s[i]) > 1e-12 * Math.max(Math.abs(v), Math.abs(s[i]))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static double[] perSpecies(JsonNode obj, List<String> species) {
        double[] v = new double[species.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = obj.path(species.get(i));
            v[i] = x.isNumber() ? x.doubleValue() : Double.NaN;
        }
        return v;
    }

    /** The nodes nearest the membrane faces of the scenario recorded in the summary's provenance. */
    private static int[] facesFromScenario(JsonNode summary, double[] x, Path file) {
        JsonNode prov = summary.path(Summary.PROVENANCE);
        JsonNode text = prov.path("scenario_toml");
        if (!text.isTextual()) {
            throw new UserInputException("cannot find the membrane in " + file
                    + ": no node holds the surface concentrations of summary.json, and it records no scenario");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        prov.path("overrides").fields().forEachRemaining(e -> overrides.put(e.getKey(), e.getValue().asText()));
        Scenario s = ScenarioLoader.parse(text.asText(), "scenario of " + file, overrides);
        double xa = s.inside().widthUm() * 1e3;
        double xb = xa + s.membrane().thicknessNm();
        return new int[] {nearest(x, xa), nearest(x, xb)};
    }

    private static int nearest(double[] x, double v) {
        int best = 0;
        for (int k = 1; k < x.length; k++) {
            if (Math.abs(x[k] - v) < Math.abs(x[best] - v)) {
                best = k;
            }
        }
        return best;
    }
}
