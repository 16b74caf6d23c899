package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleTest {
    @Test
    void linearTicksAreRoundNumbersInsideTheRange() {
        Scale s = Scale.linear(-74.2, 0, 5, true);
        assertEquals(-80, s.min(), 1e-12);
        assertEquals(0, s.max(), 1e-12);
        assertArrayEquals(new double[] {-80, -60, -40, -20, 0}, s.major(), 1e-9);
        assertArrayEquals(new String[] {"−80", "−60", "−40", "−20", "0"}, s.labels());
        assertEquals(0.0, s.fraction(-80), 1e-12);
        assertEquals(1.0, s.fraction(0), 1e-12);
        assertEquals(0.5, s.fraction(-40), 1e-12);

        Scale p = Scale.padded(0, 150, 4, 0.05);
        assertEquals(-7.5, p.min(), 1e-12);
        assertEquals(157.5, p.max(), 1e-12);
        assertArrayEquals(new double[] {0, 50, 100, 150}, p.major(), 1e-9);
    }

    @Test
    void largeNumbersShareAPowerOfTen() {
        Scale s = Scale.linear(-1.6e6, 1.3e6, 6, true);
        assertEquals(6, s.exponent());
        for (String l : s.labels()) {
            assertTrue(l.length() <= 4, l);
        }
        assertEquals(0, Scale.linear(0, 150, 4, true).exponent());
        assertEquals(-3, Scale.linear(0, 0.004, 4, true).exponent());
    }

    @Test
    void logTicksAreDecadesWithTwoAndFiveOverShortRanges() {
        Scale s = Scale.log(1, 300, false);
        assertArrayEquals(new double[] {1, 10, 100}, s.major(), 1e-9);
        assertArrayEquals(new String[] {"1", "10", "100"}, s.labels());
        assertEquals(0.0, s.fraction(1), 1e-12);
        assertEquals(1.0, s.fraction(300), 1e-12);
        assertTrue(Double.isNaN(s.fraction(0)), "0 is not on a log axis");

        Scale nice = Scale.log(3.9, 152, true);
        assertEquals(1, nice.min(), 1e-12);
        assertEquals(1000, nice.max(), 1e-9);

        Scale time = Scale.log(3e-13, 1e-2, true);
        assertEquals("10^{−12}", time.labels()[0], "every other decade over eleven");
        assertTrue(time.major().length <= 8, "at most about eight labelled decades");

        Scale shortRange = Scale.log(2, 30, false);
        assertArrayEquals(new double[] {2, 5, 10, 20}, shortRange.major(), 1e-9);
    }

    @Test
    void degenerateRangesStayDrawable() {
        Scale flat = Scale.linear(5, 5, 4, true);
        assertTrue(flat.max() > flat.min());
        Scale nan = Scale.linear(Double.NaN, 1, 4, true);
        assertTrue(nan.max() > nan.min());
        Scale log = Scale.log(-1, 0, true);
        assertTrue(log.max() > log.min() && log.min() > 0);
    }
}
