package org.membranepnp.engine.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.Scenario;

class ResultReaderTest {
    @TempDir
    Path tmp;

    /** Seven nodes, the membrane between nodes 2 and 4; {@code c[i][k]} given, the rest from the scenario. */
    private static RunResult run(double[][] c, int a, int b) {
        Scenario s = TestRuns.scenario(new double[] {140, 140}, new double[] {4, 4});
        double[] x = {0, 500, 1000, 1002.5, 1005, 2000, 3005};
        double[] phi = {-80, -79.9, -78, -40, -2, -0.1, 0};
        double[] rho = {0, -1e3, -2e5, 0, 2e5, 1e3, 0};
        Profiles p = new Profiles(x, phi, c, rho, a, b);
        double[] in = {c[0][a], c[1][a]};
        double[] out = {c[0][b], c[1][b]};
        return new RunResult(s, p, null, -80, -76, new double[] {c[0][0], c[1][0]}, new double[] {c[0][6], c[1][6]},
                in, out, new double[] {1e-9, -1e-9}, -8e-4, 1e-7, Double.NaN, 3, 1e-12, 0, 0.1, 6);
    }

    @Test
    void readsProfilesBackBitForBitAndFindsTheMembraneFaces() {
        double[][] c = {{140, 141.5, 143.25, 1.2e-4, 3.9, 4.0000001, 4}, {140, 138.5, 136.75, 1.1e-4, 4.1, 3.9999999, 4}};
        RunResult r = run(c, 2, 4);
        ResultWriter.writeAll(tmp, r, Map.of(), false);
        NamedProfiles read = ResultReader.profiles(tmp);
        assertEquals(List.of("K", "Cl"), read.species());
        Profiles p = read.profiles();
        assertArrayEquals(r.profiles().xNm(), p.xNm(), 0.0);
        assertArrayEquals(r.profiles().potentialMv(), p.potentialMv(), 0.0);
        assertArrayEquals(r.profiles().chargeDensityCPerM3(), p.chargeDensityCPerM3(), 0.0);
        assertArrayEquals(c[0], p.concentrationsMm()[0], 0.0);
        assertArrayEquals(c[1], p.concentrationsMm()[1], 0.0);
        assertEquals(2, p.membraneStartNode());
        assertEquals(4, p.membraneEndNode());
    }

    @Test
    void aUniformBathEndsAtTheMembraneFace() {
        // no diffuse layer: every node of each bath holds the surface values; the faces are the last inside node
        // before the lipid and the first outside node after it
        double[][] c = {{140, 140, 140, 1.4e-4, 4, 4, 4}, {140, 140, 140, 4e-6, 4, 4, 4}};
        ResultWriter.writeAll(tmp, run(c, 2, 4), Map.of(), false);
        Profiles p = ResultReader.profiles(tmp).profiles();
        assertEquals(2, p.membraneStartNode());
        assertEquals(4, p.membraneEndNode());
    }

    @Test
    void flatProfilesTakeTheFacesFromTheRecordedScenario() throws Exception {
        double[][] c = {{10, 10, 10, 10, 10, 10, 10}, {10, 10, 10, 10, 10, 10, 10}};
        String toml = """
                temperature_K = 300
                [[species]]
                name = "K"
                charge = 1
                diffusion_m2_s = 2e-9
                [[species]]
                name = "Cl"
                charge = -1
                diffusion_m2_s = 2e-9
                [inside]
                width_um = 2
                permittivity = 80
                concentrations_mM = { K = 10, Cl = 10 }
                [outside]
                width_um = 1
                permittivity = 80
                concentrations_mM = { K = 10, Cl = 10 }
                [membrane]
                thickness_nm = 4
                permittivity = 2
                permeability_cm_s = {}
                """;
        // --set inside.width_um=1 and membrane.thickness_nm=5 put the faces at 1000 and 1005 nm: nodes 2 and 4
        Map<String, Object> prov = Map.of("scenario_toml", toml,
                "overrides", Map.of("inside.width_um", "1", "membrane.thickness_nm", "5"));
        ResultWriter.writeAll(tmp, run(c, 2, 4), prov, false);
        Profiles p = ResultReader.profiles(tmp).profiles();
        assertEquals(2, p.membraneStartNode());
        assertEquals(4, p.membraneEndNode());

        Files.delete(tmp.resolve("summary.json"));
        ResultWriter.writeAll(tmp, run(c, 2, 4), Map.of(), true);
        UserInputException e = assertThrows(UserInputException.class, () -> ResultReader.profiles(tmp));
        assertTrue(e.getMessage().startsWith("cannot find the membrane in "), e.getMessage());
    }

    @Test
    void readsASnapshotOnTheMeshOfTheRunWithItsFaces() throws Exception {
        double[][] c = {{140, 141.5, 143.25, 1.2e-4, 3.9, 4.0000001, 4}, {140, 138.5, 136.75, 1.1e-4, 4.1, 3.9999999, 4}};
        RunResult r = run(c, 2, 4);
        ResultWriter.writeAll(tmp, r, Map.of(), false);
        NamedProfiles mesh = ResultReader.profiles(tmp);
        double[][] flat = {{140, 140, 140, 1e-4, 4, 4, 4}, {140, 140, 140, 1e-4, 4, 4, 4}}; // t = 0: no layers
        Profiles early = new Profiles(r.profiles().xNm(), new double[7], flat, new double[7], 2, 4);
        Path snap = tmp.resolve("profile-0001.csv");
        Files.writeString(snap, ResultWriter.profilesCsv(r.scenario().species(), early));
        NamedProfiles read = ResultReader.profilesOnMesh(snap, mesh);
        assertEquals(2, read.profiles().membraneStartNode());
        assertEquals(4, read.profiles().membraneEndNode());
        assertArrayEquals(flat[1], read.profiles().concentrationsMm()[1], 0.0);
        Files.writeString(snap, ResultWriter.profilesCsv(r.scenario().species(), new Profiles(
                new double[] {0, 1, 2, 3, 4, 5, 6}, new double[7], flat, new double[7], 2, 4)));
        UserInputException e = assertThrows(UserInputException.class, () -> ResultReader.profilesOnMesh(snap, mesh));
        assertTrue(e.getMessage().contains("not on the mesh"), e.getMessage());
    }

    @Test
    void readsTheTimeSeriesWithNonFiniteValues() {
        RunResult r = TestRuns.transientWithGaps();
        ResultWriter.writeAll(tmp, r, Map.of(), false);
        NamedTimeSeries read = ResultReader.timeSeries(tmp);
        assertEquals(List.of("K", "Cl"), read.species());
        TimeSeries ts = read.series();
        assertArrayEquals(r.timeSeries().timeS(), ts.timeS(), 0.0);
        assertArrayEquals(r.timeSeries().membranePotentialMv(), ts.membranePotentialMv(), 0.0);
        assertArrayEquals(r.timeSeries().currentsAPerM2()[0], ts.currentsAPerM2()[0], 0.0);
        assertArrayEquals(r.timeSeries().currentsAPerM2()[1], ts.currentsAPerM2()[1], 0.0);
    }

    @Test
    void missingOrMalformedFilesAreOneLineErrors() throws Exception {
        UserInputException missing = assertThrows(UserInputException.class, () -> ResultReader.profiles(tmp));
        assertEquals("cannot read " + tmp.resolve("profiles.csv") + ": no such file", missing.getMessage());
        Files.writeString(tmp.resolve("timeseries.csv"), "time_s,membrane_potential_mV,K\n0,1,2\n");
        UserInputException bad = assertThrows(UserInputException.class, () -> ResultReader.timeSeries(tmp));
        assertFalse(bad.getMessage().contains("\n"));
        assertTrue(bad.getMessage().contains("column K is not I_<species>_A_m2"), bad.getMessage());
    }

    @Test
    void csvFieldsMayBeQuoted() {
        CsvTable t = CsvTable.parse("point,key,status\r\n1,2.5,\"failed: a, \"\"b\"\"\"\n2,inf,ok\n", "t.csv");
        assertEquals(List.of("point", "key", "status"), t.header());
        assertEquals(2, t.rowCount());
        assertEquals("failed: a, \"b\"", t.text(0, 2));
        assertArrayEquals(new double[] {2.5, Double.POSITIVE_INFINITY}, t.numbers("key"), 0.0);
        UserInputException e = assertThrows(UserInputException.class, () -> t.numbers("status"));
        assertEquals("cannot read t.csv: line 2, column status: 'failed: a, \"b\"' is not a number", e.getMessage());
    }
}
