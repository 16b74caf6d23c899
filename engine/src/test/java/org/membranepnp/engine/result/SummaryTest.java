package org.membranepnp.engine.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.DrivingForce;
import org.membranepnp.engine.analytic.GhkFlux;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.analytic.MullinsNoda;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.units.PhysicalConstants;

class SummaryTest {
    private static final double T = TestRuns.T;

    private static Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scenario_file", "scenarios/two_ions.toml");
        p.put("command_line", List.of("membrane-pnp", "run", "two_ions.toml"));
        p.put("code_version", "0.1.0");
        p.put("odd_number", Double.NaN);
        return p;
    }

    @Test
    void keysAreTheContractInOrder() {
        JsonNode json = Summary.of(TestRuns.steady(), provenance()).toJsonNode();
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(Summary.KEYS, names);
        assertEquals(List.of("title", "membrane_potential_mV", "nernst_mV", "ghk_mV", "driving_force_mV",
                "delta_G_J_mol", "debye_length_nm", "membrane_capacitance_uF_cm2", "separated_charge_C_m2",
                "bulk_concentrations_mM", "bulk_electroneutrality", "conservation_error", "newton_iterations",
                "time_steps", "wall_time_s", "cells", "temperature_K", "intramembrane_drop_mV",
                "surface_concentrations_mM", "membrane_current_A_m2", "pump_current_A_m2", "mullins_noda_mV",
                "ghk_with_pump_mV", "provenance", "geometry", "particle_count", "particle_time_step_s",
                "discretisation_error_mV", "channel_current_A"), names);
        List<String> species = new ArrayList<>();
        json.get("nernst_mV").fieldNames().forEachRemaining(species::add);
        assertEquals(List.of("K", "Cl"), species);
    }

    @Test
    void valuesMatchTheAnalyticFunctions() {
        RunResult r = TestRuns.steady();
        JsonNode j = Summary.of(r, provenance()).toJsonNode();
        double vm = r.membranePotentialMv();
        assertEquals("two ions, three nodes", j.get("title").asText());
        assertEquals(vm, j.get("membrane_potential_mV").doubleValue(), 0.0);

        double eK = NernstPotential.mv(1, 4.0, 140.0, T);
        double eCl = NernstPotential.mv(-1, 4.0, 139.99999999999997, T);
        assertEquals(eK, j.get("nernst_mV").get("K").doubleValue(), 0.0);
        assertEquals(eCl, j.get("nernst_mV").get("Cl").doubleValue(), 0.0);
        assertEquals(DrivingForce.mv(vm, eK), j.get("driving_force_mV").get("K").doubleValue(), 0.0);
        assertEquals(DrivingForce.deltaGJPerMol(-1, vm, eCl), j.get("delta_G_J_mol").get("Cl").doubleValue(), 0.0);

        double ghk = GhkVoltage.mv(new int[] {1, -1}, new double[] {1e-8, 0.45e-8}, r.insideBulkMm(),
                r.outsideBulkMm(), T);
        assertEquals(ghk, j.get("ghk_mV").doubleValue(), 0.0);
        // monovalent: equal to the closed form at the root tolerance
        assertEquals(GhkVoltage.monovalentClosedFormMv(new int[] {1, -1}, new double[] {1, 0.45}, r.insideBulkMm(),
                r.outsideBulkMm(), T), j.get("ghk_mV").doubleValue(), 2e-9);

        assertEquals(DebyeLength.nm(80, new int[] {1, -1}, new double[] {140, 140}, T),
                j.get("debye_length_nm").get("inside").doubleValue(), 0.0);
        assertEquals(DebyeLength.nm(78, new int[] {1, -1}, new double[] {4, 4}, T),
                j.get("debye_length_nm").get("outside").doubleValue(), 0.0);
        assertEquals(MembraneCapacitor.capacitanceUfPerCm2(5.6, 5),
                j.get("membrane_capacitance_uF_cm2").doubleValue(), 0.0);
        assertEquals(-8.0e-4, j.get("separated_charge_C_m2").doubleValue(), 0.0);
        assertEquals(139.99999999999997, j.get("bulk_concentrations_mM").get("inside").get("Cl").doubleValue(), 0.0);
        assertEquals(4.0, j.get("bulk_concentrations_mM").get("outside").get("K").doubleValue(), 0.0);
        assertEquals(1.2e-9, j.get("bulk_electroneutrality").doubleValue(), 0.0);
        assertEquals(3.4e-12, j.get("conservation_error").doubleValue(), 0.0);
        assertEquals(17, j.get("newton_iterations").intValue());
        assertTrue(j.get("newton_iterations").isIntegralNumber());
        assertEquals(0, j.get("time_steps").intValue());
        assertEquals(0.25, j.get("wall_time_s").doubleValue(), 0.0);
        assertEquals(2, j.get("cells").intValue());
        assertEquals(T, j.get("temperature_K").doubleValue(), 0.0);
        assertEquals(-75.5, j.get("intramembrane_drop_mV").doubleValue(), 0.0);
        assertEquals(138.1, j.get("surface_concentrations_mM").get("inside").get("Cl").doubleValue(), 0.0);
        assertEquals(3.9, j.get("surface_concentrations_mM").get("outside").get("K").doubleValue(), 0.0);
        double f = PhysicalConstants.FARADAY_C_PER_MOL;
        assertEquals(f * 1.5e-9, j.get("membrane_current_A_m2").get("K").doubleValue(), 1e-20);
        assertEquals(f * 2.5e-10, j.get("membrane_current_A_m2").get("Cl").doubleValue(), 1e-20);
        assertEquals("scenarios/two_ions.toml", j.get("provenance").get("scenario_file").asText());
        assertEquals("run", j.get("provenance").get("command_line").get(1).asText());
    }

    @Test
    void typedAccessors() {
        Summary s = Summary.of(TestRuns.steady(), null);
        assertEquals(-80.123456789012345, s.number(Summary.MEMBRANE_POTENTIAL_MV), 0.0);
        assertEquals(NernstPotential.mv(1, 4.0, 140.0, T), s.number(Summary.NERNST_MV, "K"), 0.0);
        assertTrue(Double.isNaN(s.number(Summary.NERNST_MV, "Na")));
        assertTrue(s.toJsonNode().get("provenance").isObject());
        assertEquals(0, s.toJsonNode().get("provenance").size());
    }

    @Test
    void missingValuesAreNullNeverNaN() {
        Summary s = Summary.of(TestRuns.transientWithGaps(), provenance());
        JsonNode j = s.toJsonNode();
        assertTrue(j.get("nernst_mV").get("Cl").isNull());
        assertTrue(j.get("driving_force_mV").get("Cl").isNull());
        assertTrue(j.get("delta_G_J_mol").get("Cl").isNull());
        assertFalse(j.get("nernst_mV").get("K").isNull());
        assertTrue(j.get("conservation_error").isNull());
        assertTrue(j.get("debye_length_nm").get("outside").isNull()); // initial outside bath has no ions
        assertFalse(j.get("debye_length_nm").get("inside").isNull());
        assertTrue(j.get("provenance").get("odd_number").isNull());
        assertTrue(j.get("provenance").has("odd_number"));
        assertTrue(j.get("ghk_mV").isNumber());
        String text = s.toJson();
        assertFalse(text.contains("NaN"), text);
        assertFalse(text.contains("Infinity"), text);
        assertTrue(Double.isNaN(s.number(Summary.CONSERVATION_ERROR)));
    }

    @Test
    void pumpKeysAreAlwaysPresentAndNullWithoutAPump() {
        JsonNode j = Summary.of(TestRuns.steady(), provenance()).toJsonNode();
        for (String key : List.of("pump_current_A_m2", "mullins_noda_mV", "ghk_with_pump_mV")) {
            assertTrue(j.has(key), key);
            assertTrue(j.get(key).isNull(), key);
        }
        // also when the species are there but the scenario has no pump
        JsonNode k = Summary.of(TestRuns.pumped(NaKPump.NONE, 4e-9), Map.of()).toJsonNode();
        assertTrue(k.get("pump_current_A_m2").isNull());
        assertTrue(k.get("mullins_noda_mV").isNull());
        assertTrue(k.get("ghk_with_pump_mV").isNull());
    }

    /** {@link TestRuns#steady()} as a 2-D run with one pore 2 nm wide in the given geometry. */
    private static JsonNode twoDimensional(org.membranepnp.engine.model.Lateral lateral) {
        RunResult r = TestRuns.steady();
        org.membranepnp.engine.model.Scenario s = r.scenario();
        org.membranepnp.engine.model.Scenario two = new org.membranepnp.engine.model.Scenario(s.title(), 2,
                s.temperatureK(), s.species(), s.inside(), s.outside(), s.membrane(), s.boundary(), s.mesh(), s.run(),
                s.pump(), s.schedules(), lateral, s.particles());
        RunResult r2 = new RunResult(two, r.profiles(), r.timeSeries(), r.membranePotentialMv(),
                r.intramembraneDropMv(), r.insideBulkMm(), r.outsideBulkMm(), r.insideSurfaceMm(), r.outsideSurfaceMm(),
                r.membraneFluxMolPerM2S(), r.separatedChargeCPerM2(), r.bulkElectroneutrality(), r.conservationError(),
                r.newtonIterations(), r.lastResidual(), r.timeSteps(), r.wallTimeS(), r.cells());
        return Summary.of(r2, provenance()).toJsonNode().get("geometry");
    }

    @Test
    void geometryNamesTheLateralGeometry() {
        List<org.membranepnp.engine.model.Channel> pore = List.of(
                new org.membranepnp.engine.model.Channel("K pore", 0, 2, 80, new double[] {1, 0}));
        JsonNode axi = twoDimensional(new org.membranepnp.engine.model.Lateral(20, pore,
                org.membranepnp.engine.model.LateralGeometry.AXISYMMETRIC));
        List<String> keys = new ArrayList<>();
        axi.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("dimension", "membrane_nm", "height_nm", "lateral_geometry", "channels",
                "channel_current_unit", "surface_patches"), keys);
        assertEquals("axisymmetric", axi.get("lateral_geometry").textValue());
        JsonNode y = axi.get("channels").get(0).get("y_nm");
        assertEquals(0, y.get(0).doubleValue(), 0);
        assertEquals(1, y.get(1).doubleValue(), 0);

        List<org.membranepnp.engine.model.Channel> mid = List.of(
                new org.membranepnp.engine.model.Channel("K pore", 10, 2, 80, new double[] {1, 0}));
        JsonNode planar = twoDimensional(new org.membranepnp.engine.model.Lateral(20, mid));
        assertEquals("planar", planar.get("lateral_geometry").textValue());
        assertEquals(9, planar.get("channels").get(0).get("y_nm").get(0).doubleValue(), 0);
        assertEquals(11, planar.get("channels").get(0).get("y_nm").get(1).doubleValue(), 0);
        assertFalse(Summary.of(TestRuns.steady(), provenance()).toJsonNode().get("geometry").has("lateral_geometry"));
    }

    @Test
    void geometryListsTheSurfacePatches() {
        List<org.membranepnp.engine.model.Channel> mid = List.of(
                new org.membranepnp.engine.model.Channel("K pore", 10, 2, 80, new double[] {1, 0}));
        List<org.membranepnp.engine.model.SurfacePatch> patches = List.of(
                new org.membranepnp.engine.model.SurfacePatch(org.membranepnp.engine.model.MembraneSide.INSIDE, 2, 8, -0.05),
                new org.membranepnp.engine.model.SurfacePatch(org.membranepnp.engine.model.MembraneSide.OUTSIDE, 0, 20, 0.01));
        JsonNode g = twoDimensional(new org.membranepnp.engine.model.Lateral(20, mid,
                org.membranepnp.engine.model.LateralGeometry.PLANAR, patches));
        JsonNode list = g.get("surface_patches");
        assertTrue(list.isArray());
        assertEquals(2, list.size());
        List<String> keys = new ArrayList<>();
        list.get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("side", "from_nm", "to_nm", "charge_C_m2"), keys);
        assertEquals("inside", list.get(0).get("side").textValue());
        assertEquals(2, list.get(0).get("from_nm").doubleValue(), 0);
        assertEquals(8, list.get(0).get("to_nm").doubleValue(), 0);
        assertEquals(-0.05, list.get(0).get("charge_C_m2").doubleValue(), 0);
        assertEquals("outside", list.get(1).get("side").textValue());
        assertEquals(0.01, list.get(1).get("charge_C_m2").doubleValue(), 0);
        // none: an empty list in 2-D, and no key in 1-D
        JsonNode none = twoDimensional(new org.membranepnp.engine.model.Lateral(20, mid));
        assertTrue(none.get("surface_patches").isArray());
        assertEquals(0, none.get("surface_patches").size());
        assertFalse(Summary.of(TestRuns.steady(), provenance()).toJsonNode().get("geometry").has("surface_patches"));
    }

    @Test
    void particleKeysAreNullWithoutParticlesAndTheRequestWithThem() {
        JsonNode none = Summary.of(TestRuns.steady(), provenance()).toJsonNode();
        assertTrue(none.get("particle_count").isNull());
        assertTrue(none.get("particle_time_step_s").isNull());
        RunResult r = TestRuns.steady();
        RunResult withParticles = new RunResult(r.scenario().withParticles(
                new org.membranepnp.engine.model.ParticleSpec(1500, 2e-12, 1e-9, 5, 3)), r.profiles(), r.timeSeries(),
                r.membranePotentialMv(), r.intramembraneDropMv(), r.insideBulkMm(), r.outsideBulkMm(),
                r.insideSurfaceMm(), r.outsideSurfaceMm(), r.membraneFluxMolPerM2S(), r.separatedChargeCPerM2(),
                r.bulkElectroneutrality(), r.conservationError(), r.newtonIterations(), r.lastResidual(),
                r.timeSteps(), r.wallTimeS(), r.cells());
        JsonNode j = Summary.of(withParticles, provenance()).toJsonNode();
        assertEquals(1500, j.get("particle_count").intValue());
        assertTrue(j.get("particle_count").isInt());
        assertEquals(2e-12, j.get("particle_time_step_s").doubleValue(), 0);
    }

    @Test
    void constantPumpValues() {
        NaKPump pump = new NaKPump(NaKPump.turnoverForCurrent(5.485e-4), false, 1.5, 10, "Na", "K");
        RunResult r = TestRuns.pumped(pump, 4e-9);
        Summary s = Summary.of(r, Map.of());
        double iPump = s.number(Summary.PUMP_CURRENT_A_M2);
        assertEquals(5.485e-4, iPump, 1e-15);
        assertEquals(PhysicalConstants.FARADAY_C_PER_MOL * pump.maxCycleFluxMolPerM2S(), iPump, 0.0);

        int[] z = {1, 1, -1};
        double[] p = {1e-9, 4e-11, 4.5e-10};
        assertEquals(MullinsNoda.mv(1e-9, 4e-11, 139.0, 4.0, 16.0, 145.0, 1.5, T), s.number(Summary.MULLINS_NODA_MV), 1e-12);
        double ghkWithPump = GhkVoltage.mv(z, p, r.insideBulkMm(), r.outsideBulkMm(), T, iPump);
        assertEquals(ghkWithPump, s.number(Summary.GHK_WITH_PUMP_MV), 0.0);
        // the outward pump current hyperpolarizes: more negative than the zero-current GHK voltage
        assertTrue(s.number(Summary.GHK_WITH_PUMP_MV) < s.number(Summary.GHK_MV) - 1,
                s.number(Summary.GHK_WITH_PUMP_MV) + " vs " + s.number(Summary.GHK_MV));
        // at that voltage the GHK currents carry exactly the pump current back in
        assertEquals(-iPump, GhkFlux.totalCurrentAPerM2(z, p, r.insideBulkMm(), r.outsideBulkMm(), ghkWithPump, T), 1e-12);
        JsonNode j = s.toJsonNode();
        assertTrue(j.get("pump_current_A_m2").isNumber());
        assertTrue(j.get("mullins_noda_mV").isNumber());
    }

    @Test
    void saturatingPumpUsesTheSurfaceConcentrations() {
        NaKPump pump = new NaKPump(3000, true, 1.5, 10, "Na", "K");
        RunResult r = TestRuns.pumped(pump, 4e-9);
        double expected = PhysicalConstants.FARADAY_C_PER_MOL * pump.cycleFluxMolPerM2S(18.0, 5.0); // inside Na, outside K faces
        Summary s = Summary.of(r, Map.of());
        assertEquals(expected, s.number(Summary.PUMP_CURRENT_A_M2), 0.0);
        double bulk = PhysicalConstants.FARADAY_C_PER_MOL * pump.cycleFluxMolPerM2S(16.0, 4.0);
        assertTrue(Math.abs(expected - bulk) > 1e-3 * expected);
        double sat = Math.pow(1 + 1.5 / 5.0, -2) * Math.pow(1 + 10 / 18.0, -3);
        assertEquals(PhysicalConstants.FARADAY_C_PER_MOL * pump.maxCycleFluxMolPerM2S() * sat, expected, 1e-15);
    }

    @Test
    void mullinsNodaIsNullUnlessBothPumpSpeciesArePermeant() {
        NaKPump pump = new NaKPump(3000, false, 1.5, 10, "Na", "K");
        JsonNode j = Summary.of(TestRuns.pumped(pump, 0.0), Map.of()).toJsonNode();
        assertTrue(j.get("mullins_noda_mV").isNull());
        assertTrue(j.get("pump_current_A_m2").isNumber());
        assertTrue(j.get("ghk_with_pump_mV").isNumber()); // K and Cl still carry current
    }

    @Test
    void ghkIsNullWithoutPermeantSpecies() {
        RunResult r = TestRuns.steady();
        Membrane m = r.scenario().membrane();
        Membrane sealed = new Membrane(m.thicknessNm(), m.permittivity(), new double[] {0, 0},
                m.insideSurfaceChargeCPerM2(), m.outsideSurfaceChargeCPerM2(), m.partitionCoefficient());
        RunResult sealedRun = new RunResult(r.scenario().withMembrane(sealed), r.profiles(), r.timeSeries(),
                r.membranePotentialMv(), r.intramembraneDropMv(), r.insideBulkMm(), r.outsideBulkMm(),
                r.insideSurfaceMm(), r.outsideSurfaceMm(), r.membraneFluxMolPerM2S(), r.separatedChargeCPerM2(),
                r.bulkElectroneutrality(), r.conservationError(), r.newtonIterations(), r.lastResidual(),
                r.timeSteps(), r.wallTimeS(), r.cells());
        JsonNode j = Summary.of(sealedRun, Map.of()).toJsonNode();
        assertTrue(j.has("ghk_mV"));
        assertTrue(j.get("ghk_mV").isNull());
    }
}
