package org.membranepnp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepAxisTest {

    private static List<Double> numbers(SweepAxis a) {
        return a.values().stream().map(Double::parseDouble).toList();
    }

    @Test
    void linearRangeIncludesBothEnds() {
        SweepAxis a = SweepAxis.parse("membrane.thickness_nm=3:5:lin:5");
        assertEquals("membrane.thickness_nm", a.key());
        assertEquals("3:5:lin:5", a.spec());
        assertEquals(List.of("3.0", "3.5", "4.0", "4.5", "5.0"), a.values());
    }

    @Test
    void linearRangeMayRunDownAndThroughZero() {
        assertEquals(List.of("0.1", "0.0", "-0.1"),
                SweepAxis.parse("membrane.surface_charge_C_m2.outside=0.1:-0.1:lin:3").values());
    }

    @Test
    void logRangeIsEvenInTheLogarithmWithExactEnds() {
        SweepAxis a = SweepAxis.parse("outside.concentrations_mM.K=1:300:log:20");
        List<Double> v = numbers(a);
        assertEquals(20, v.size());
        assertEquals(1.0, v.get(0), 0);
        assertEquals(300.0, v.get(19), 0);
        double ratio = Math.pow(300, 1.0 / 19);
        for (int i = 1; i < v.size(); i++) {
            assertEquals(ratio, v.get(i) / v.get(i - 1), 1e-12 * ratio);
        }
        List<Double> decades = numbers(SweepAxis.parse("k=1e-3:1e1:log:5"));
        for (int i = 0; i < 5; i++) {
            assertEquals(Math.pow(10, i - 3), decades.get(i), 1e-15 * Math.pow(10, i - 3));
        }
    }

    @Test
    void listKeepsTheItemsAsWritten() {
        SweepAxis a = SweepAxis.parse(" outside . concentrations_mM.K = 1, 2,5 ,1e1 ");
        assertEquals("outside.concentrations_mM.K", a.key());
        assertEquals(List.of("1", "2", "5", "1e1"), a.values());
        assertEquals(List.of("voltage"), SweepAxis.parse("boundary.clamp=voltage").values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"outside.concentrations_mM.K", "=1,2", " .x=1", "k=", "k=1:2:lin", "k=1:2:lin:3:4",
        "k=1:2:lin:1", "k=1:2:lin:0", "k=1:2:lin:x", "k=1:2:lin:2.5", "k=1:2:cubic:3", "k=a:2:lin:3", "k=1:inf:lin:3",
        "k=0:10:log:3", "k=-1:10:log:3", "k=1:-10:log:3", "k=1,,2", "k=1,2,", "k=1:2:lin:1000000000"})
    void badSpecsAreRejectedQuotingTheTextAndTheValidForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse(text));
        assertTrue(e.getMessage().contains("\"" + text.strip() + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("start:stop:lin:n") && e.getMessage().contains("start:stop:log:n"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void gridIsTheCartesianProductWithTheFirstAxisSlowest() {
        List<List<String>> g = SweepAxis.grid(List.of(SweepAxis.parse("a=1,2"), SweepAxis.parse("b=x,y,z")));
        assertEquals(List.of(List.of("1", "x"), List.of("1", "y"), List.of("1", "z"),
                List.of("2", "x"), List.of("2", "y"), List.of("2", "z")), g);
        assertEquals(List.of(List.of("1"), List.of("2")), SweepAxis.grid(List.of(SweepAxis.parse("a=1,2"))));
    }

    @Test
    void gridRefusesMoreThanTheMaximumNumberOfPoints() {
        SweepAxis big = SweepAxis.parse("a=1:2:lin:1000");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepAxis.grid(List.of(big, big)));
        assertTrue(e.getMessage().contains("--vary"), e.getMessage());
    }
}
