package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColormapTest {
    private static final int[] SEQ = Colormap.SEQUENTIAL_STOPS;
    private static final int[] DIV = Colormap.DIVERGING_STOPS;

    @Test
    void endsAndMiddleAreTheControlColours() {
        Colormap s = Colormap.sequential();
        int[] t = s.table();
        assertEquals(Colormap.SIZE, t.length);
        assertEquals(SEQ[0], t[0]);
        assertEquals(SEQ[SEQ.length - 1], t[t.length - 1]);
        assertEquals(t[0], s.rgb(0));
        assertEquals(t[t.length - 1], s.rgb(1));
        assertEquals(t[0], s.rgb(-3), "clamped below");
        assertEquals(t[t.length - 1], s.rgb(7), "clamped above");

        Colormap d = Colormap.diverging();
        int[] u = d.table();
        assertEquals(DIV[0], u[0]);
        assertEquals(DIV[DIV.length - 1], u[u.length - 1]);
        int centre = DIV[DIV.length / 2];
        assertEquals(centre, d.rgb(0.5), "the centre colour at the middle");
        assertEquals(centre, u[Colormap.SIZE / 2 - 1]);
        assertEquals(centre, u[Colormap.SIZE / 2]);
        assertEquals(centre, d.centred(0, 3.7), "0 is the centre");
        assertEquals(u[0], d.centred(-3.7, 3.7));
        assertEquals(u[u.length - 1], d.centred(3.7, 3.7));
    }

    @Test
    void sequentialLightnessRisesAndStepsAreEvenInOklab() {
        int[] t = Colormap.sequential().table();
        double[] l = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            l[i] = Oklab.fromRgb(t[i])[0];
        }
        for (int i = 16; i < t.length; i += 16) {
            assertTrue(l[i] > l[i - 16], "lightness rises at " + i);
        }
        assertTrue(l[t.length - 1] - l[0] > 0.5, "dark to light");
        assertEvenSteps(t, 0, t.length - 1);
    }

    @Test
    void divergingIsLightestAtTheCentreAndEvenOnEachSide() {
        int[] t = Colormap.diverging().table();
        int half = Colormap.SIZE / 2;
        double lc = Oklab.fromRgb(t[half])[0];
        for (int i = 0; i < t.length; i += 8) {
            assertTrue(Oklab.fromRgb(t[i])[0] <= lc + 1e-3, "no entry lighter than the centre: " + i);
        }
        assertEvenSteps(t, 0, half - 1);
        assertEvenSteps(t, half, t.length - 1);
    }

    /** Oklab distances between entries 15 apart differ by less than 15 % along [from, to]. */
    private static void assertEvenSteps(int[] t, int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = from; i + 15 <= to; i += 15) {
            double d = Oklab.distance(Oklab.fromRgb(t[i]), Oklab.fromRgb(t[i + 15]));
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        assertTrue(hi / lo < 1.15, "uneven steps: " + lo + " to " + hi);
    }

    @Test
    void oklabRoundTripsAndKnowsWhiteAndBlack() {
        double[] white = Oklab.fromRgb(0xffffff);
        assertEquals(1.0, white[0], 1e-4);
        assertEquals(0.0, white[1], 1e-4);
        assertEquals(0.0, white[2], 1e-4);
        assertEquals(0.0, Oklab.fromRgb(0x000000)[0], 1e-9);
        for (int c : new int[] {0x0072b2, 0xd55e00, 0x009e73, 0x123456, 0xfedcba, 0x808080}) {
            assertEquals(c, Oklab.toRgb(Oklab.fromRgb(c)));
        }
    }

    @Test
    void speciesKeepTheirColoursAcrossLists() {
        SpeciesColors a = new SpeciesColors(java.util.List.of("K", "Na", "Cl", "A"));
        SpeciesColors b = new SpeciesColors(java.util.List.of("Cl", "Ca2+", "K"));
        assertEquals(a.rgb("K"), b.rgb("K"));
        assertEquals(a.rgb("Cl"), b.rgb("Cl"));
        SpeciesColors c = new SpeciesColors(java.util.List.of("X", "Y", "K"));
        assertTrue(c.rgb("X") != c.rgb("Y") && c.rgb("X") != c.rgb("K") && c.rgb("Y") != c.rgb("K"));
        assertEquals("ca", SpeciesColors.base("Ca2+"));
    }
}
