package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.result.ResultWriter;

/** Rich text, number and key labels, species charges and the stroke geometry (no OpenGL). */
class TextAndShapesTest {
    @TempDir
    Path tmp;

    @Test
    void markupBecomesScriptsAndPlainText() {
        assertEquals("Vm = −60 mV", RichText.plain("V_{m} = −60 mV"));
        assertEquals("IK+", RichText.plain("I_{K^{+}}"));
        assertEquals("a_b", RichText.plain("a_b"), "no braces: as written");
        assertTrue(RichText.width("V_{m}", 20, false) < RichText.width("Vm", 20, false), "the subscript is smaller");
        assertTrue(RichText.width("WWW", 30, false) > 2 * RichText.width("WWW", 14, false));
    }

    @Test
    void numbersAndKeysAsFigureText() {
        assertEquals("−74.16", NumberText.fixed(-74.15878, 2));
        assertEquals("—", NumberText.fixed(Double.NaN, 2));
        assertEquals("1.1·10^{−6}", NumberText.significant(1.1386e-6, 2));
        assertEquals("0.0100", NumberText.significant(0.01, 3));
        assertEquals("outside K concentration (mM)", NumberText.keyLabel("outside.concentrations_mM.K"));
        assertEquals("P_{Na} (cm/s)", NumberText.keyLabel("membrane.permeability_cm_s.Na"));
        assertEquals("temperature (K)", NumberText.keyLabel("temperature_K"));
        assertEquals("membrane thickness (nm)", NumberText.keyLabel("membrane.thickness_nm"));
        assertEquals("mM", NumberText.unit("inside.concentrations_mM.Cl"));
        assertEquals("", NumberText.unit("boundary.clamp"));
    }

    @Test
    void chargesComeFromTheNernstPotentialsAndTheNeutralBath() {
        SyntheticResults.writeRun(tmp, false);
        var summary = ResultWriter.readSummary(tmp.resolve("summary.json"));
        assertEquals(1, SpeciesLabels.charge(summary, "K"));
        assertEquals(-1, SpeciesLabels.charge(summary, "Cl"), "equal Cl on both sides: from the neutral bath");
        assertEquals("K^{+}", SpeciesLabels.of(summary, "K"));
        assertEquals("Cl^{−}", SpeciesLabels.of(summary, "Cl"));
        assertEquals("Ca2+", SpeciesLabels.of(summary, "Ca2+"), "a name with its charge stays");
        assertEquals("X", SpeciesLabels.of(summary, "X"), "unknown: the bare name");
    }

    @Test
    void strokesCoverTheirWidthAndDashesTheirPattern() {
        float[] t = StrokeMesh.triangles(new float[] {0, 0, 100, 0}, 4);
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 1; i < t.length; i += 2) {
            minY = Math.min(minY, t[i]);
            maxY = Math.max(maxY, t[i]);
        }
        assertEquals(-2, minY, 1e-6);
        assertEquals(2, maxY, 1e-6);
        assertEquals(0, t.length % 6, "whole triangles");

        List<float[]> dashes = StrokeMesh.dashes(new float[] {0, 0, 50, 0, 50, 50}, new float[] {10, 5});
        assertEquals(7, dashes.size(), "100 px of 15 px periods");
        double on = 0;
        for (float[] d : dashes) {
            for (int i = 0; i + 3 < d.length; i += 2) {
                on += Math.hypot(d[i + 2] - d[i], d[i + 3] - d[i + 1]);
            }
        }
        assertEquals(70, on, 1e-3, "dashes drawn: 6 full and the last 10 px");
    }
}
