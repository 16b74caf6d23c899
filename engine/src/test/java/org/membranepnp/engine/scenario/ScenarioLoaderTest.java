package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.membranepnp.engine.scenario.ScenarioText.VALID;
import static org.membranepnp.engine.scenario.ScenarioText.with;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;

class ScenarioLoaderTest {

    @Test
    void readsEveryValue() {
        Scenario s = ScenarioLoader.parse(VALID, "test.toml");
        assertEquals("Test cell", s.title());
        assertEquals(1, s.dimension());
        assertEquals(310.15, s.temperatureK(), 0);
        assertEquals(4, s.speciesCount());
        assertEquals("Cl", s.species().get(2).name());
        assertEquals(-1, s.species().get(2).charge());
        assertEquals(2.03e-9, s.species().get(2).diffusionM2PerS(), 0);
        assertArrayEquals(new double[] {140, 15, 7, 148}, s.inside().concentrationsMm(), 0);
        assertArrayEquals(new double[] {4, 145, 149, 0}, s.outside().concentrationsMm(), 0);
        assertEquals(1.0, s.inside().widthUm(), 0);
        assertEquals(2.0, s.outside().widthUm(), 0);
        assertEquals(80, s.outside().permittivity(), 0);
        assertEquals(5, s.membrane().thicknessNm(), 0);
        assertEquals(5.6, s.membrane().permittivity(), 0);
        assertArrayEquals(new double[] {1e-7, 4e-9, 4.5e-8, 0}, s.membrane().permeabilityCmPerS(), 0);
        assertEquals(0, s.membrane().insideSurfaceChargeCPerM2(), 0);
        assertEquals(Membrane.DEFAULT_PARTITION_COEFFICIENT, s.membrane().partitionCoefficient(), 0);
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().inside());
        assertEquals(ClampKind.CURRENT, s.boundary().clamp());
        assertEquals(MeshSpec.DEFAULT, s.mesh());
        assertEquals(RunSpec.steady(), s.run());
    }

    @Test
    void optionalTablesTakeTheirDefaults() {
        String text = VALID.substring(0, VALID.indexOf("[boundary]")).replace("title = \"Test cell\"\n", "");
        Scenario s = ScenarioLoader.parse(text, "dir/my-cell.toml");
        assertEquals("my-cell", s.title(), "the title defaults to the file name stem");
        assertEquals(BoundaryKind.WALL, s.boundary().inside());
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().outside());
        assertEquals(ClampKind.CURRENT, s.boundary().clamp());
        assertEquals(0.0, s.boundary().currentAPerM2(), 0);
        assertEquals(0, s.mesh().cells());
        assertEquals(RunMode.STEADY, s.run().mode());
        assertEquals(RunSpec.DEFAULT_RELATIVE_TOLERANCE, s.run().relativeTolerance(), 0);
    }

    @Test
    void readsOptionalValuesWhenGiven() {
        String text = with("temperature_K = 310.15", "temperature_C = 25")
                + "relative_tolerance = 1e-3\nend_time_s = 2e-3\n";
        text = with(text, "mode = \"steady\"", "mode = \"transient\"");
        text = with(text, "clamp = \"current\"\ncurrent_A_m2 = 0.0", "clamp = \"voltage\"\nvoltage_mV = -60");
        text = with(text, "permittivity = 5.6", "permittivity = 5.6\npartition_coefficient = 1e-4\n"
                + "surface_charge_C_m2 = { outside = -0.05 }");
        text += "[mesh]\ncells = 500\n";
        Scenario s = ScenarioLoader.parse(text, "t.toml");
        assertEquals(298.15, s.temperatureK(), 1e-12);
        assertEquals(new RunSpec(RunMode.TRANSIENT, 2e-3, 1e-3), s.run());
        assertEquals(ClampKind.VOLTAGE, s.boundary().clamp());
        assertEquals(-60, s.boundary().voltageMv(), 0);
        assertEquals(1e-4, s.membrane().partitionCoefficient(), 0);
        assertEquals(-0.05, s.membrane().outsideSurfaceChargeCPerM2(), 0);
        assertEquals(0.0, s.membrane().insideSurfaceChargeCPerM2(), 0);
        assertEquals(500, s.mesh().cells());
    }

    @Test
    void acceptsAnImbalanceBelowTheTolerance() {
        String text = with("K = 140, Na = 15", "K = 140.0000000000001, Na = 15");
        assertEquals(140.0000000000001, ScenarioLoader.parse(text, "t.toml").inside().concentrationMm(0), 0);
    }

    @Test
    void acceptsOppositeSurfaceChargesBetweenTwoWalls() {
        String text = with("inside = \"reservoir\"\noutside = \"reservoir\"", "inside = \"wall\"\noutside = \"wall\"");
        text = with(text, "permittivity = 5.6", "permittivity = 5.6\nsurface_charge_C_m2 = { inside = 0.02, outside = -0.02 }");
        assertEquals(BoundaryKind.WALL, ScenarioLoader.parse(text, "t.toml").boundary().outside());
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cell.toml");
        Files.writeString(file, VALID.replace("title = \"Test cell\"\n", ""));
        Scenario s = ScenarioLoader.load(file);
        assertEquals("cell", s.title());
    }

    @Test
    void aMissingFileIsAScenarioException(@TempDir Path dir) {
        Path file = dir.resolve("nope.toml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": no such file"), e.getMessage());
        assertTrue(e instanceof UserInputException);
    }
}
