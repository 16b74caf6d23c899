package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.membranepnp.engine.scenario.ScenarioText.SOURCE;
import static org.membranepnp.engine.scenario.ScenarioText.VALID;
import static org.membranepnp.engine.scenario.ScenarioText.assertAtLineOf;
import static org.membranepnp.engine.scenario.ScenarioText.fails;
import static org.membranepnp.engine.scenario.ScenarioText.with;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.ScenarioKeys;

/** Every numeric key has a physical range in {@link KeySchema}; values outside it fail with one line naming it. */
class ScenarioRangesTest {
    private static final String PLANE = "dimension = 2\n" + VALID + "\n[lateral]\nheight_nm = 20\n\n[[channel]]\n"
            + "center_nm = 10\nwidth_nm = 1\npermeability_cm_s = { K = 1.0 }\n";
    private static final String PUMPED = VALID + "\n[pump]\nturnover_per_s_um2 = 3000\nsaturating = true\n";
    private static final String TRANSIENT = with("mode = \"steady\"", "mode = \"transient\"\nend_time_s = 1e-3");
    private static final String PARTICLES = VALID + "\n[particles]\n";

    /** The --set message for {@code key = value}: "test.toml (--set): KEY = VALUE: must be RANGE; …". */
    private static String setFails(String text, String key, String value) {
        return fails(text, Map.of(key, value));
    }

    /** For each (key, value, message) of {@code triples}: --set key=value on {@code text} fails with that message. */
    private static void refuses(String text, String... triples) {
        for (int i = 0; i < triples.length; i += 3) {
            assertStarts(setFails(text, triples[i], triples[i + 1]), SOURCE + " (--set): " + triples[i + 2]);
        }
    }

    private static void assertStarts(String message, String start) {
        assertTrue(message.startsWith(start), "expected '" + start + "' at the start of: " + message);
    }

    private static Scenario parse(String text, String... keyValues) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put(keyValues[i], keyValues[i + 1]);
        }
        return ScenarioLoader.parse(text, SOURCE, o);
    }

    // ---- one class of keys per test: the message names key, value and range ----

    @Test
    void temperatures() {
        String text = with("temperature_K = 310.15", "temperature_K = 1e308");
        String m = fails(text);
        assertAtLineOf(m, text, "temperature_K");
        assertEquals("test.toml:2: temperature_K = 1e308: must be from 200 to 400 K; absolute temperature in kelvin, "
                + "e.g. temperature_K = 310.15 (37 °C)", m);
        refuses(VALID,
                "temperature_K", "nan", "temperature_K = nan: must be a finite number from 200 to 400 K;",
                "temperature_K", "-inf", "temperature_K = -inf: must be a finite number from 200 to 400 K;");
        assertStarts(fails(with("temperature_K = 310.15", "temperature_C = 200")),
                "test.toml:2: temperature_C = 200: must be from -73.15 to 126.85 °C;");
    }

    @Test
    void lengths() {
        refuses(VALID,
                "inside.width_um", "1e300", "inside.width_um = 1e300: must be from 0.001 to 10000 µm; bath width in µm",
                "outside.width_um", "0.0001", "outside.width_um = 0.0001: must be from 0.001 to 10000 µm;",
                "membrane.thickness_nm", "200", "membrane.thickness_nm = 200: must be from 0.5 to 100 nm;");
    }

    @Test
    void materials() {
        refuses(VALID,
                "inside.permittivity", "1e6", "inside.permittivity = 1000000: must be from 1 to 200;",
                "membrane.permittivity", "0.5", "membrane.permittivity = 0.5: must be from 1 to 200;",
                "membrane.partition_coefficient", "0", "membrane.partition_coefficient = 0: must be in (0, 1];",
                "membrane.partition_coefficient", "1.5", "membrane.partition_coefficient = 1.5: must be in (0, 1];");
    }

    @Test
    void concentrations() {
        String text = with("Na = 15,", "Na = 1e300,");
        String m = fails(text);
        assertAtLineOf(m, text, "Na = 1e300");
        assertStarts(m.substring(m.indexOf(": ") + 2),
                "inside.concentrations_mM.Na = 1e300: must be from 0 to 10000 mM; a concentration in mM");
        refuses(PUMPED,
                "pump.km_K_out_mM", "2e4", "pump.km_K_out_mM = 20000: must be in (0, 10000] mM;",
                "pump.km_Na_in_mM", "0", "pump.km_Na_in_mM = 0: must be in (0, 10000] mM;");
    }

    @Test
    void permeabilitiesAndDiffusion() {
        refuses(VALID,
                "membrane.permeability_cm_s.K", "2", "membrane.permeability_cm_s.K = 2: must be from 0 to 1 cm/s;",
                "species.K.diffusion_m2_s", "1e300", "species.K.diffusion_m2_s = 1e300: must be from 1e-14 to 1e-6 m²/s;",
                "species[2].diffusion_m2_s", "1e-20", "species[2].diffusion_m2_s = 1e-20: must be from 1e-14 to 1e-6 m²/s;");
        assertStarts(fails(with("diffusion_m2_s = 1.33e-9", "diffusion_m2_s = inf")),
                "test.toml:12: species[2].diffusion_m2_s = inf: must be a finite number from 1e-14 to 1e-6 m²/s;");
    }

    @Test
    void chargesVoltagesAndCurrents() {
        refuses(VALID,
                "species.K.charge", "100", "species.K.charge = 100: must be from -6 to 6; the valence z",
                "membrane.surface_charge_C_m2.outside", "-5", "membrane.surface_charge_C_m2.outside = -5: must be from -1 to 1 C/m²;",
                "boundary.current_A_m2", "1e5", "boundary.current_A_m2 = 100000: must be from -1000 to 1000 A/m²;");
        Map<String, String> clamp = new LinkedHashMap<>();
        clamp.put("boundary.clamp", "voltage");
        clamp.put("boundary.voltage_mV", "-1e4");
        assertStarts(fails(VALID, clamp), "test.toml (--set): boundary.voltage_mV = -10000: must be from -2000 to 2000 mV;");
        assertStarts(setFails(PUMPED.replace("turnover_per_s_um2 = 3000", "current_A_m2 = 5e-4"), "pump.current_A_m2", "10"),
                "test.toml (--set): pump.current_A_m2 = 10: must be in (0, 1] A/m²;");
        refuses(PUMPED,
                "pump.turnover_per_s_um2", "1e300", "pump.turnover_per_s_um2 = 1e300: must be in (0, 1e7] cycles/(s µm²);");
    }

    @Test
    void meshCellsAndTolerance() {
        refuses(VALID,
                "mesh.cells", "1e9", "mesh.cells = 1e9: must be 0 (automatic) or from 40 to 5e6;");
        String text = VALID + "[mesh]\ntolerance_mV = 100\n";
        String m = fails(text);
        assertAtLineOf(m, text, "tolerance_mV");
        assertEquals("test.toml:" + ScenarioText.lineOf(text, "tolerance_mV") + ": mesh.tolerance_mV = 100: must be "
                + "from 1e-7 to 10 mV; the target discretisation error of V_m in mV, e.g. tolerance_mV = 0.001", m);
        refuses(VALID,
                "mesh.tolerance_mV", "0", "mesh.tolerance_mV = 0: must be from 1e-7 to 10 mV;");
        assertStarts(setFails(VALID, "mesh.tolerance_mV", "\"1e-3\""), "test.toml (--set): mesh.tolerance_mV = \"1e-3\": "
                + "expected a number, got a string; write it without quotes: tolerance_mV = 1e-3;");
    }

    @Test
    void toleranceIsReadAndDefaults() {
        assertEquals(MeshSpec.DEFAULT, parse(VALID).mesh());
        assertEquals(1e-3, MeshSpec.DEFAULT_TOLERANCE_MV, 0);
        assertEquals(new MeshSpec(0, 1e-3), parse(VALID).mesh());
        assertEquals(new MeshSpec(400, 0.05), parse(VALID + "[mesh]\ncells = 400\ntolerance_mV = 0.05\n").mesh());
        assertEquals(new MeshSpec(0, 2e-4), parse(VALID, "mesh.tolerance_mV", "2e-4").mesh());
        assertEquals(new MeshSpec(500), parse(VALID, "mesh.cells", "500").mesh());
    }

    @Test
    void timesAndTolerances() {
        refuses(TRANSIENT,
                "run.end_time_s", "1e300", "run.end_time_s = 1e300: must be in (0, 1e6] s;");
        refuses(VALID,
                "run.relative_tolerance", "0", "run.relative_tolerance = 0: must be in (0, 0.1];");
        String scheduled = TRANSIENT + "\n[[schedule]]\nkey = \"boundary.current_A_m2\"\ntime_s = [0, 1e-3]\nvalue = [0, 0.01]\n";
        assertStarts(setFails(scheduled, "schedule[1].time_s", "[0, 1e300]"), "test.toml (--set): schedule[1].time_s = "
                + "[0, 1e300]: element 2 is 1e300, but a time must be from -1e6 to 1e6 s;");
        assertStarts(setFails(scheduled, "schedule[1].value", "[0, 1e4]"), "test.toml (--set): schedule[1].value = "
                + "[0, 10000]: element 2 is 10000, but boundary.current_A_m2 must be from -1000 to 1000 A/m²;");
        assertStarts(setFails(scheduled.replace("key = \"boundary.current_A_m2\"", "key = \"membrane.permeability_cm_s.K\""),
                "schedule[1].value", "[1e-7, 5]"), "test.toml (--set): schedule[1].value = [1e-7, 5]: element 2 is 5, "
                + "but membrane.permeability_cm_s.K must be from 0 to 1 cm/s;");
    }

    @Test
    void planeKeys() {
        refuses(PLANE,
                "lateral.height_nm", "1e300", "lateral.height_nm = 1e300: must be from 0.1 to 10000 nm;",
                "channel[1].width_nm", "0.01", "channel[1].width_nm = 0.01: must be from 0.1 to 10000 nm;",
                "channel[1].center_nm", "-5", "channel[1].center_nm = -5: must be from 0 to 10000 nm;",
                "channel[1].permittivity", "500", "channel[1].permittivity = 500: must be from 1 to 200;",
                "channel[1].permeability_cm_s.K", "1e4", "channel[1].permeability_cm_s.K = 10000: must be from 0 to 1000 cm/s;",
                "channel[1].fixed_charge_mM", "-1e5", "channel[1].fixed_charge_mM = -100000: must be from -10000 to 10000 mM;");
        refuses(VALID,
                "dimension", "3", "dimension = 3: must be from 1 to 2;");
    }

    @Test
    void particleKeys() {
        refuses(PARTICLES,
                "particles.count", "1e7", "particles.count = 1e7: must be from 1 to 1e6;",
                "particles.time_step_s", "1", "particles.time_step_s = 1: must be in (0, 1e-6] s;",
                "particles.duration_s", "1e300", "particles.duration_s = 1e300: must be in (0, 1] s;",
                "particles.snapshots", "5000", "particles.snapshots = 5000: must be from 1 to 1000;",
                "particles.seed", "-1", "particles.seed = -1: must be from 0 to 9223372036854775807;");
    }

    // ---- the ends of every range are valid ----

    @Test
    void rangeEndsAreAccepted() {
        String neutral = "{ K = 10000, Cl = 10000 }";
        List<String[]> cases = List.of(
                new String[] {VALID, "temperature_K", "200"}, new String[] {VALID, "temperature_K", "400"},
                new String[] {with("temperature_K = 310.15", "temperature_C = -73.15"), "temperature_C", "126.85"},
                new String[] {VALID, "species.K.diffusion_m2_s", "1e-14"},
                new String[] {VALID, "species.K.diffusion_m2_s", "1e-6"},
                new String[] {VALID, "inside.width_um", "1e-3"}, new String[] {VALID, "outside.width_um", "1e4"},
                new String[] {VALID, "inside.permittivity", "1"}, new String[] {VALID, "outside.permittivity", "200"},
                new String[] {VALID, "inside.concentrations_mM", neutral},
                new String[] {VALID, "outside.concentrations_mM", "{ K = 0, Na = 10, Cl = 10 }"},
                new String[] {VALID, "membrane.thickness_nm", "0.5"}, new String[] {VALID, "membrane.thickness_nm", "100"},
                new String[] {VALID, "membrane.permittivity", "1"}, new String[] {VALID, "membrane.permittivity", "200"},
                new String[] {VALID, "membrane.permeability_cm_s", "{ K = 1, Na = 0 }"},
                new String[] {VALID, "membrane.surface_charge_C_m2", "{ inside = -1, outside = 1 }"},
                new String[] {VALID, "membrane.partition_coefficient", "1"},
                new String[] {VALID, "membrane.partition_coefficient", "1e-12"},
                new String[] {PUMPED, "pump.turnover_per_s_um2", "1e7"},
                new String[] {PUMPED, "pump.km_K_out_mM", "1e4"}, new String[] {PUMPED, "pump.km_Na_in_mM", "1e-9"},
                new String[] {PUMPED.replace("turnover_per_s_um2 = 3000", "current_A_m2 = 1"), "pump.km_K_out_mM", "1"},
                new String[] {VALID, "boundary.current_A_m2", "-1000"}, new String[] {VALID, "boundary.current_A_m2", "1000"},
                new String[] {VALID, "mesh.cells", "40"}, new String[] {VALID, "mesh.cells", "5000000"},
                new String[] {VALID, "mesh.cells", "0"},
                new String[] {VALID, "mesh.tolerance_mV", "1e-7"}, new String[] {VALID, "mesh.tolerance_mV", "10"},
                new String[] {TRANSIENT, "run.end_time_s", "1e6"}, new String[] {VALID, "run.relative_tolerance", "0.1"},
                new String[] {PLANE, "lateral.height_nm", "1e4"},
                new String[] {"dimension = 2\n" + VALID + "\n[lateral]\nheight_nm = 0.1\n", "dimension", "2"},
                new String[] {PLANE, "channel[1].permittivity", "1"}, new String[] {PLANE, "channel[1].permittivity", "200"},
                new String[] {PLANE, "channel[1].permeability_cm_s", "{ K = 1000, Na = 0 }"},
                new String[] {PLANE, "channel[1].fixed_charge_mM", "-1e4"},
                new String[] {PLANE, "channel[1].fixed_charge_mM", "1e4"},
                new String[] {PARTICLES, "particles.count", "1"}, new String[] {PARTICLES + "snapshots = 1\n", "particles.count", "1e6"},
                new String[] {PARTICLES, "particles.snapshots", "1000"}, new String[] {PARTICLES, "particles.seed", "0"},
                new String[] {PARTICLES, "particles.seed", "9223372036854775807"});
        for (String[] c : cases) {
            parse(c[0], c[1], c[2]);
        }
        // keys whose ends only fit together with other keys
        parse(VALID, "species.K.charge", "6", "inside.concentrations_mM", "{ K = 10, Cl = 60 }",
                "outside.concentrations_mM", "{ K = 10, Cl = 60 }");
        parse(VALID, "species.Cl.charge", "-6", "inside.concentrations_mM", "{ K = 60, Cl = 10 }",
                "outside.concentrations_mM", "{ Na = 60, Cl = 10 }");
        Scenario clamp = parse(VALID, "boundary.clamp", "voltage", "boundary.voltage_mV", "-2000");
        assertEquals(-2000, clamp.boundary().voltageMv(), 0);
        assertEquals(2000, parse(VALID, "boundary.clamp", "voltage", "boundary.voltage_mV", "2000").boundary().voltageMv(), 0);
        Scenario wide = parse(PLANE, "lateral.height_nm", "1e4", "channel[1].center_nm", "0.05", "channel[1].width_nm", "0.1");
        assertEquals(0.1, wide.lateral().channels().get(0).widthNm(), 0);
        parse(PLANE, "lateral.height_nm", "1e4", "channel[1].center_nm", "5000", "channel[1].width_nm", "1e4");
        parse(TRANSIENT + "\n[[schedule]]\nkey = \"boundary.current_A_m2\"\ntime_s = [-1e6, 1e6]\nvalue = [-1000, 1000]\n");
        parse(PARTICLES + "time_step_s = 1e-6\nduration_s = 1\nsnapshots = 1\n", "species.K.diffusion_m2_s", "1e-14",
                "species.Na.diffusion_m2_s", "1e-14", "species.Cl.diffusion_m2_s", "1e-14", "species.A.diffusion_m2_s", "1e-14");
    }

    // ---- the table itself ----

    @Test
    void everyNumericKeyHasARange() {
        Set<String> withoutRange = new TreeSet<>();
        collectWithoutRange(KeySchema.ROOT, "", withoutRange);
        assertEquals(new TreeSet<>(List.of("title", "species.name", "pump.saturating", "pump.sodium", "pump.potassium",
                "boundary.inside", "boundary.outside", "boundary.clamp", "run.mode", "schedule.key", "schedule.value",
                "channel.name", "lateral.geometry", "surface_patch.side")), withoutRange, "keys without a range (all should hold text, a boolean or, for "
                + "schedule.value, take the scheduled key's range)");
        assertEquals("from 200 to 400 K", KeySchema.rangeOf("temperature_K").text());
        assertEquals("from 0 to 10000 mM", KeySchema.rangeOf("outside.concentrations_mM.Na").text());
        assertEquals("from 0 to 1000 cm/s", KeySchema.rangeOf("channel[3].permeability_cm_s.K").text());
        assertEquals("0 (automatic) or from 40 to 5e6", KeySchema.rangeOf("mesh.cells").text());
        assertEquals(null, KeySchema.rangeOf("title"));
    }

    private static void collectWithoutRange(KeySchema node, String path, Set<String> out) {
        for (KeySchema c : node.children.values()) {
            String p = path.isEmpty() ? c.name : path + "." + c.name;
            if (c.kind == KeySchema.Kind.TABLE || c.kind == KeySchema.Kind.TABLE_ARRAY) {
                collectWithoutRange(c, p, out);
            } else if (c.range == null) {
                out.add(p);
            }
        }
    }

    @Test
    void everyKeyConstantIsInTheSchemaAndEverySchemaKeyHasOne() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : ScenarioKeys.class.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (!Modifier.isStatic(mod) || f.getType() != String.class) {
                continue;
            }
            assertTrue(Modifier.isPublic(mod) && Modifier.isFinal(mod), f.getName() + " should be public static final");
            String key = (String) f.get(null);
            assertEquals(key.toUpperCase(Locale.ROOT), f.getName(), "a constant is named after its key");
            assertTrue(constants.add(key), "two constants for " + key);
        }
        Set<String> schema = new TreeSet<>();
        collectNames(KeySchema.ROOT, schema);
        assertEquals(schema, constants, "the tables and keys of KeySchema and the constants of ScenarioKeys");
    }

    private static void collectNames(KeySchema node, Set<String> out) {
        for (KeySchema c : node.children.values()) {
            out.add(c.name);
            collectNames(c, out);
        }
    }

    @Test
    void everyShippedExampleLoads() throws IOException {
        Path examples = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && examples == null; p = p.getParent()) {
            if (Files.exists(p.resolve("examples/neuron-rest.toml"))) {
                examples = p.resolve("examples");
            }
        }
        assertTrue(examples != null, "examples/ not found");
        List<String> loaded = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(examples, "*.toml")) {
            for (Path f : files) {
                ScenarioLoader.load(f);
                loaded.add(f.getFileName().toString());
            }
        }
        assertTrue(loaded.size() >= 12, "expected the 12 shipped examples, loaded " + loaded);
    }
}
