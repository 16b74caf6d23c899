package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.RunResult;
import org.membranepnp.engine.scenario.ScenarioLoader;
import org.membranepnp.solver.ConvergenceException;
import org.membranepnp.solver.ProgressListener;
import org.membranepnp.solver.Simulation;
import org.membranepnp.solver.SolverOptions;
import picocli.CommandLine;

class SweepCommandTest {
    private static final String K_OUT = "outside.concentrations_mM.K";
    private static final String CL_OUT = "outside.concentrations_mM.Cl";

    @TempDir
    Path tmp;

    /** The shipped example, found from the test's working directory. */
    private static Path example(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("examples").resolve(name + ".toml");
            if (Files.exists(f)) {
                return f;
            }
        }
        throw new AssertionError("examples/" + name + ".toml not found above " + Path.of("").toAbsolutePath());
    }

    /** Runs {@code pnp sweep ARGS} with {@code solver} in place of the real one (null: the real one). */
    private static Cli.Outcome sweep(Function<Scenario, RunResult> solver, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(cl -> {
            if (solver != null) {
                sweepCommand(cl).solver = solver;
            }
        }, all);
    }

    private static Cli.Outcome sweep(String... args) {
        return sweep(null, args);
    }

    private static SweepCommand sweepCommand(CommandLine cl) {
        return cl.getSubcommands().get("sweep").getCommand();
    }

    private static RunResult solve(Scenario s) {
        return Simulation.run(s, new SolverOptions(1, false), ProgressListener.NONE);
    }

    /** sweep.csv as rows of fields (no quoted commas in these tests' numbers). */
    private static List<String[]> csv(Path dir) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("sweep.csv"))) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    private static int column(List<String[]> csv, String name) {
        int j = Arrays.asList(csv.get(0)).indexOf(name);
        assertTrue(j >= 0, "no column " + name + " in " + String.join(",", csv.get(0)));
        return j;
    }

    // ---- the physics: V_m against outside K ---------------------------------------------------------

    /** One point of the K sweep and its analytic references, computed here from the scenario file. */
    private record KPoint(double kOut, double vm, double ghk, double eK) {
    }

    /**
     * Sweeps outside K (6 log points, 1 to 300 mM, default mesh) keeping the outside bath neutral with Cl, and sets
     * each V_m beside the GHK voltage and E_K computed with the engine's analytic classes.
     */
    private List<KPoint> potassiumSweep(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(example("sweep-potassium").toString(),
                "--vary", K_OUT + "=1:300:log:6", "--balance", CL_OUT, "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        Cli.Outcome r = sweep(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err(), "--quiet prints nothing when all points succeed");

        Scenario base = ScenarioLoader.load(example("sweep-potassium"),
                extra.length == 0 ? Map.of() : Map.of(extra[1].split("=")[0], extra[1].split("=")[1]));
        int[] z = base.charges();
        int k = base.speciesIndex("K");
        int cl = base.speciesIndex("Cl");
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = base.membrane().permeabilityMPerS(i);
        }
        double[] cIn = base.inside().concentrationsMm();
        double t = base.temperatureK();

        List<String[]> rows = csv(out);
        assertEquals(7, rows.size());
        List<KPoint> points = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            assertEquals("ok", row[column(rows, "status")]);
            double[] cOut = base.outside().concentrationsMm().clone();
            cOut[k] = Double.parseDouble(row[column(rows, K_OUT)]);
            double others = 0;
            for (int i = 0; i < z.length; i++) {
                others += i == cl ? 0 : z[i] * cOut[i];
            }
            cOut[cl] = others / -z[cl];
            assertEquals(cOut[cl], Double.parseDouble(row[column(rows, CL_OUT)]), 1e-12 * cOut[cl], "balanced Cl");
            points.add(new KPoint(cOut[k], Double.parseDouble(row[column(rows, "membrane_potential_mV")]),
                    GhkVoltage.mv(z, p, cIn, cOut, t), NernstPotential.mv(z[k], cOut[k], cIn[k], t)));
        }
        assertEquals(1.0, points.get(0).kOut(), 0);
        assertEquals(300.0, points.get(5).kOut(), 0);
        return points;
    }

    private static KPoint nearest(List<KPoint> points, double kOut) {
        KPoint best = points.get(0);
        for (KPoint q : points) {
            if (Math.abs(Math.log(q.kOut() / kOut)) < Math.abs(Math.log(best.kOut() / kOut))) {
                best = q;
            }
        }
        return best;
    }

    @Test
    void hodgkinKatzMembraneFollowsGhkAndJoinsTheNernstPotentialOfKAtHighK() throws IOException {
        // the example as shipped, the textbook Hodgkin–Katz membrane: K and Na cross, Cl does not
        List<KPoint> points = potassiumSweep(tmp.resolve("hk"));
        KPoint low = points.get(0);
        KPoint ten = nearest(points, 10);
        KPoint high = points.get(points.size() - 1);
        assertEquals(high.ghk(), high.vm(), 2.0, "V_m at 300 mM K against GHK");
        assertTrue(Math.abs(high.vm() - high.eK()) < Math.abs(ten.vm() - ten.eK()),
                "closer to E_K at 300 mM than at 10 mM: " + points);
        KPoint hundred = nearest(points, 100);
        assertTrue(Math.abs(high.vm() - high.eK()) < Math.abs(hundred.vm() - hundred.eK()),
                "still closing in above 50 mM: " + points);
        assertTrue(Math.abs(low.vm() - low.eK()) > 10, "far from E_K at 1 mM (the Na leak): " + low);
        assertEquals(high.eK(), high.vm(), 2.0, "V_m follows Nernst at 300 mM K: " + high);
    }

    @Test
    void clPermeableNeuronFollowsGhkAndCrossesTheNernstPotentialOfK() throws IOException {
        // the neuron-rest membrane: P_Cl = 0.45 P_K, and the balance adds Cl with the K
        List<KPoint> points = potassiumSweep(tmp.resolve("neuron"), "--set", "membrane.permeability_cm_s.Cl=4.5e-8");
        for (KPoint q : points) {
            assertEquals(q.ghk(), q.vm(), 2.0, "V_m against GHK at " + q);
        }
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).vm() > points.get(i - 1).vm(), "V_m rises with outside K: " + points);
        }
        KPoint low = points.get(0);
        KPoint high = points.get(points.size() - 1);
        assertTrue(low.vm() - low.eK() > 10, "far above E_K at 1 mM: " + low);
        assertTrue(high.vm() < high.eK(), "the added Cl holds V_m below E_K at 300 mM: " + high);
    }

    // ---- grid, threads, files ----------------------------------------------------------------------

    @Test
    void twoVaryOptionsGiveTheFullGridFirstSlowest() throws IOException {
        Path out = tmp.resolve("grid");
        Cli.Outcome r = sweep(example("neuron-rest").toString(), "--vary", "temperature_K=300,310",
                "--vary", "membrane.permeability_cm_s.Na=1e-9,4e-9,1e-8", "--out", out.toString(), "--threads", "3");
        assertEquals(0, r.code(), r.err());
        List<String[]> rows = csv(out);
        assertEquals(7, rows.size());
        assertEquals("point,temperature_K,membrane.permeability_cm_s.Na,membrane_potential_mV",
                String.join(",", Arrays.copyOf(rows.get(0), 4)));
        String[][] expected = {{"300", "1e-9"}, {"300", "4e-9"}, {"300", "1e-8"}, {"310", "1e-9"}, {"310", "4e-9"},
            {"310", "1e-8"}};
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < expected.length; i++) {
            String[] row = rows.get(i + 1);
            assertEquals(String.valueOf(i + 1), row[0]);
            assertArrayEquals(expected[i], Arrays.copyOfRange(row, 1, 3));
            JsonNode s = json.readTree(out.resolve("points").resolve(String.format("%03d", i + 1)).resolve("summary.json").toFile());
            assertEquals(Double.parseDouble(expected[i][0]), s.path("temperature_K").asDouble(), 0);
            assertEquals(Double.parseDouble(row[3]), s.path("membrane_potential_mV").asDouble(), 0);
            assertEquals(i + 1, s.path("provenance").path("sweep_point").asInt());
            assertEquals(expected[i][1], s.path("provenance").path("overrides").path("membrane.permeability_cm_s.Na").asText());
        }
        // more Na permeability depolarises
        assertTrue(Double.parseDouble(rows.get(3)[3]) > Double.parseDouble(rows.get(1)[3]));
        // the console table lists the points in the same order
        List<String> table = r.out().lines().filter(l -> l.matches("\\s+\\d+ .*")).toList();
        assertEquals(6, table.size(), r.out());
        assertTrue(table.get(1).contains(" 300 ") && table.get(1).contains(" 4e-9 "), table.get(1));

        JsonNode meta = json.readTree(out.resolve("sweep.json").toFile());
        assertEquals("temperature_K", meta.path("axes").get(0).path("key").asText());
        assertEquals(3, meta.path("axes").get(1).path("values").size());
        assertEquals(1e-8, meta.path("axes").get(1).path("values").get(2).asDouble(), 0);
        assertEquals(6, meta.path("points").asInt());
        assertEquals(0, meta.path("failed").asInt());
        assertTrue(meta.path("command_line").asText().startsWith("pnp sweep "), meta.toString());
        assertEquals(VersionProvider.version(), meta.path("code_version").asText());
    }

    @Test
    void theCsvDoesNotDependOnTheNumberOfThreads() throws IOException {
        String[] common = {example("sweep-potassium").toString(), "--vary", K_OUT + "=1:300:log:4", "--vary",
            "temperature_K=290,310", "--balance", CL_OUT, "--quiet"};
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        List<String> a = new ArrayList<>(List.of(common));
        a.addAll(List.of("--out", one.toString(), "--threads", "1"));
        List<String> b = new ArrayList<>(List.of(common));
        b.addAll(List.of("--out", two.toString(), "--threads", "2"));
        assertEquals(0, sweep(a.toArray(String[]::new)).code());
        assertEquals(0, sweep(b.toArray(String[]::new)).code());
        String csv = Files.readString(one.resolve("sweep.csv"));
        assertEquals(9, csv.lines().count());
        assertEquals(csv, Files.readString(two.resolve("sweep.csv")));
    }

    @Test
    void aFailedPointIsRecordedAndTheOthersRun() throws IOException {
        Path out = tmp.resolve("failed");
        Function<Scenario, RunResult> flaky = s -> {
            if (s.temperatureK() == 305) {
                throw new ConvergenceException("Newton did not converge in 50 iterations, try more cells", 0.25);
            }
            return solve(s);
        };
        Cli.Outcome r = sweep(flaky, example("neuron-rest").toString(), "--vary", "temperature_K=300,305,310",
                "--out", out.toString(), "--threads", "2");
        assertEquals(3, r.code(), r.err());
        List<String[]> rows = csv(out);
        assertEquals(4, rows.size());
        int status = column(rows, "status");
        assertEquals("ok", rows.get(1)[status]);
        assertEquals("ok", rows.get(3)[status]);
        String failed = String.join(",", rows.get(2));
        assertTrue(failed.startsWith("2,305,,,,"), failed);
        assertTrue(failed.contains("\"failed: Newton did not converge in 50 iterations, try more cells (last residual 2.500e-01)\""),
                failed);
        assertTrue(Files.exists(out.resolve("points/001/summary.json")));
        assertFalse(Files.exists(out.resolve("points/002")));
        assertTrue(Files.exists(out.resolve("points/003/summary.json")));
        try (java.util.stream.Stream<Path> points = Files.list(out.resolve("points"))) {
            assertEquals(List.of("001", "003"), points.map(p -> p.getFileName().toString()).sorted().toList(),
                    "each point folder complete or absent, no temporary folders");
        }
        assertTrue(r.err().contains("pnp: warning: point 2 (temperature_K=305) failed: Newton did not converge"), r.err());
        assertTrue(r.err().contains("1 of 3 points failed"), r.err());
        assertTrue(r.out().contains("failed"), r.out());
        assertEquals(1, new ObjectMapper().readTree(out.resolve("sweep.json").toFile()).path("failed").asInt());
    }

    @Test
    void scenarioErrorsOfSomePointsAreFailedPointsToo() throws IOException {
        // 40 cells are too coarse for the Debye layer (refused by the solver); 200 mM of K leaves no room for Na
        Path out = tmp.resolve("bad-points");
        Cli.Outcome r = sweep(example("neuron-rest").toString(), "--vary", K_OUT + "=10,200",
                "--vary", "mesh.cells=40,400", "--balance", "outside.concentrations_mM.Na", "--out", out.toString(),
                "--quiet");
        assertEquals(3, r.code(), r.err());
        List<String[]> rows = csv(out);
        int status = column(rows, "status");
        assertTrue(rows.get(1)[status].replace("\"", "").startsWith("failed: mesh.cells = 40"), rows.get(1)[status]);
        assertEquals("ok", rows.get(2)[status]);
        assertTrue(rows.get(3)[status].replace("\"", "").startsWith("failed: --balance outside.concentrations_mM.Na"),
                rows.get(3)[status]);
        assertTrue(String.join(",", rows.get(4)).contains("failed: --balance"), String.join(",", rows.get(4)));
        assertEquals(139.0, Double.parseDouble(rows.get(2)[column(rows, "outside.concentrations_mM.Na")]), 0);
        assertEquals("", rows.get(3)[column(rows, "outside.concentrations_mM.Na")]);
        assertEquals(3, r.errLines().stream().filter(l -> l.startsWith("pnp: warning: point ")).count(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anExistingNonEmptyFolderIsRefusedBeforeAnyWork() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("sweep.csv"), "old");
        AtomicInteger solves = new AtomicInteger();
        Cli.Outcome r = sweep(s -> {
            solves.incrementAndGet();
            return solve(s);
        }, example("neuron-rest").toString(), "--vary", "temperature_K=300,310", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--force") && r.err().contains(out.toString()), r.err());
        assertEquals(0, solves.get());
        assertEquals("old", Files.readString(out.resolve("sweep.csv")));
    }

    @Test
    void forceReplacesAnEarlierSweepAndItsPoints() throws IOException {
        Path out = tmp.resolve("again");
        Path stale = Files.createDirectories(out.resolve("points/007"));
        Files.writeString(stale.resolve("summary.json"), "{}");
        Files.writeString(out.resolve("sweep.csv"), "old");
        Path mine = Files.writeString(out.resolve("notes.txt"), "keep me");
        Cli.Outcome r = sweep(example("neuron-rest").toString(), "--vary", "temperature_K=300,310", "--out",
                out.toString(), "--force", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(stale), "an old point's result files go");
        assertTrue(Files.exists(mine), "other files stay");
        assertEquals(3, Files.readAllLines(out.resolve("sweep.csv")).size());
    }

    // ---- command-line errors: one line, exit 2, nothing solved ---------------------------------------

    private static Cli.Outcome refused(String... args) {
        AtomicInteger solves = new AtomicInteger();
        Cli.Outcome r = sweep(s -> {
            solves.incrementAndGet();
            return solve(s);
        }, args);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("pnp: "), r.err());
        assertEquals(0, solves.get(), "nothing is solved");
        return r;
    }

    @Test
    void aBadSpecNamesTheOptionTheTextAndTheValidForms() {
        Path out = tmp.resolve("none");
        Cli.Outcome r = refused(example("neuron-rest").toString(), "--vary", K_OUT + "=1:300:log", "--out", out.toString());
        assertTrue(r.err().contains("--vary") && r.err().contains(K_OUT + "=1:300:log") && r.err().contains("start:stop:log:n"),
                r.err());
        assertTrue(r.err().contains("see pnp sweep --help"), r.err());
        assertFalse(Files.exists(out));
        refused(example("neuron-rest").toString(), "--vary", K_OUT + "=0:300:log:5");
        refused(example("neuron-rest").toString());
    }

    @Test
    void aBadKeyIsReportedBeforeAnySolving() {
        Path out = tmp.resolve("none");
        Cli.Outcome r = refused(example("neuron-rest").toString(), "--vary", "membrane.thicknes_nm=4,5",
                "--out", out.toString());
        assertTrue(r.err().contains("--vary membrane.thicknes_nm=4,5") && r.err().contains("thickness_nm"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void keysGivenTwiceAndBadBalancesAreRefused() {
        String f = example("neuron-rest").toString();
        assertTrue(refused(f, "--vary", "temperature_K=300,310", "--vary", "temperature_K=1,2").err().contains("twice"));
        assertTrue(refused(f, "--vary", "temperature_K=300,310", "--set", "temperature_K=300").err().contains("--set"));
        assertTrue(refused(f, "--vary", K_OUT + "=1,2", "--balance", "outside.Cl").err().contains("--balance"));
        assertTrue(refused(f, "--vary", CL_OUT + "=1,2", "--balance", CL_OUT).err().contains("--balance"));
        assertTrue(refused(f, "--vary", K_OUT + "=1,2", "--balance", "outside.concentrations_mM.Q").err()
                .contains("unknown species Q"));
        refused(f, "--vary", "temperature_K=300,310", "--threads", "0");
        refused(f, "--vary", "temperature_K=300,310", "--quiet", "--verbose");
    }

    @Test
    void withoutBalanceARaisedConcentrationIsAChargedBath() {
        Cli.Outcome r = refused(example("neuron-rest").toString(), "--vary", K_OUT + "=10,20", "--out",
                tmp.resolve("none").toString());
        assertTrue(r.err().contains("not electroneutral") && r.err().contains("--balance"), r.err());
    }

    @Test
    void helpHasExamplesAndTheDefaultFolderIsStemDashSweep() {
        Cli.Outcome r = Cli.run("sweep", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:") && r.out().contains("pnp sweep examples/sweep-potassium.toml"), r.out());
        assertTrue(r.out().contains("--balance") && r.out().contains("--vary"), r.out());
        assertTrue(Cli.run("--help").out().contains("sweep"));
        assertEquals(Paths.get("results", "sweep-potassium-sweep"),
                SweepCommand.defaultOutDir(Paths.get("examples/sweep-potassium.toml")));
    }
}
