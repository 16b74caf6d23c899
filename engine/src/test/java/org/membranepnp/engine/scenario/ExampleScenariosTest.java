package org.membranepnp.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.membranepnp.engine.analytic.GhkFlux;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Schedule;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.units.PhysicalConstants;

/** The files in {@code examples/} load and mean what their comments say. */
class ExampleScenariosTest {

    private static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("examples/neuron-rest.toml"))) {
                return p.resolve("examples");
            }
        }
        throw new AssertionError("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void neuronRest() {
        Scenario s = ScenarioLoader.load(examples().resolve("neuron-rest.toml"));
        assertEquals("Resting neuron", s.title());
        assertEquals(310.15, s.temperatureK(), 0);
        assertEquals(List.of(new Species("K", 1, 1.96e-9), new Species("Na", 1, 1.33e-9),
                new Species("Cl", -1, 2.03e-9), new Species("A", -1, 1e-9)), s.species());
        assertArrayEquals(new double[] {140, 15, 7, 148}, s.inside().concentrationsMm(), 0);
        assertArrayEquals(new double[] {4, 145, 149, 0}, s.outside().concentrationsMm(), 0);
        assertEquals(1.0, s.inside().widthUm(), 0);
        assertEquals(1.0, s.outside().widthUm(), 0);
        assertEquals(80, s.inside().permittivity(), 0);
        assertEquals(5, s.membrane().thicknessNm(), 0);
        assertEquals(5.6, s.membrane().permittivity(), 0);
        double[] p = s.membrane().permeabilityCmPerS();
        assertEquals(1e-7, p[0], 0);
        assertEquals(0.04, p[1] / p[0], 1e-12);
        assertEquals(0.45, p[2] / p[0], 1e-12);
        assertEquals(0, p[3], 0);
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().inside());
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().outside());
        assertEquals(ClampKind.CURRENT, s.boundary().clamp());
        assertEquals(0, s.boundary().currentAPerM2(), 0);
        assertEquals(RunMode.STEADY, s.run().mode());
        assertEquals(0, s.mesh().cells());
    }

    @Test
    void rundownWithoutPumpIsTheClosedRestingNeuronFor10Hours() {
        Scenario rest = ScenarioLoader.load(examples().resolve("neuron-rest.toml"));
        Scenario s = ScenarioLoader.load(examples().resolve("rundown-no-pump.toml"));
        assertEquals(rest.species(), s.species());
        assertArrayEquals(rest.inside().concentrationsMm(), s.inside().concentrationsMm(), 0);
        assertArrayEquals(rest.outside().concentrationsMm(), s.outside().concentrationsMm(), 0);
        assertArrayEquals(rest.membrane().permeabilityCmPerS(), s.membrane().permeabilityCmPerS(), 0);
        assertEquals(rest.temperatureK(), s.temperatureK(), 0);
        assertEquals(BoundaryKind.WALL, s.boundary().inside());
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().outside());
        assertEquals(0, s.boundary().currentAPerM2(), 0);
        assertEquals(RunMode.TRANSIENT, s.run().mode());
        assertEquals(36000, s.run().endTimeS(), 0);
        assertSame(NaKPump.NONE, s.pump());
    }

    @Test
    void rundownWithPumpBalancesTheRestingNaLeak() {
        Scenario plain = ScenarioLoader.load(examples().resolve("rundown-no-pump.toml"));
        Scenario s = ScenarioLoader.load(examples().resolve("rundown-with-pump.toml"));
        // the same cell as rundown-no-pump.toml
        assertEquals(plain.species(), s.species());
        assertArrayEquals(plain.inside().concentrationsMm(), s.inside().concentrationsMm(), 0);
        assertArrayEquals(plain.outside().concentrationsMm(), s.outside().concentrationsMm(), 0);
        assertArrayEquals(plain.membrane().permeabilityCmPerS(), s.membrane().permeabilityCmPerS(), 0);
        assertEquals(plain.boundary(), s.boundary());
        assertEquals(plain.run(), s.run());
        assertEquals(plain.mesh(), s.mesh());
        assertTrue(s.pump().present());
        assertFalse(s.pump().saturating());
        assertEquals("Na", s.pump().sodium());
        assertEquals("K", s.pump().potassium());
        assertEquals(RunMode.TRANSIENT, s.run().mode());
        assertEquals(36000, s.run().endTimeS(), 0);
        assertEquals(BoundaryKind.WALL, s.boundary().inside());

        // the pump current is F·|J_Na|/3 with J_Na the GHK Na⁺ flux of neuron-rest at its GHK resting potential
        Scenario rest = ScenarioLoader.load(examples().resolve("neuron-rest.toml"));
        int n = rest.speciesCount();
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = rest.membrane().permeabilityMPerS(i);
        }
        double t = rest.temperatureK();
        double v = GhkVoltage.mv(rest.charges(), p, rest.inside().concentrationsMm(), rest.outside().concentrationsMm(), t);
        int na = rest.speciesIndex("Na");
        double jNa = GhkFlux.outwardMolPerM2S(1, p[na], rest.inside().concentrationMm(na), rest.outside().concentrationMm(na), v, t);
        double balance = PhysicalConstants.FARADAY_C_PER_MOL * Math.abs(jNa) / NaKPump.SODIUM_PER_CYCLE;
        double pumpCurrent = PhysicalConstants.FARADAY_C_PER_MOL * s.pump().maxCycleFluxMolPerM2S();
        assertEquals(balance, pumpCurrent, 1e-4 * balance);
    }

    @Test
    void nernstK() {
        Scenario s = ScenarioLoader.load(examples().resolve("nernst-k.toml"));
        assertEquals(310.15, s.temperatureK(), 0);
        int k = s.speciesIndex("K");
        int a = s.speciesIndex("A");
        int cl = s.speciesIndex("Cl");
        assertEquals(140, s.inside().concentrationMm(k), 0);
        assertEquals(140, s.inside().concentrationMm(a), 0);
        assertEquals(0, s.inside().concentrationMm(cl), 0);
        assertEquals(4, s.outside().concentrationMm(k), 0);
        assertEquals(4, s.outside().concentrationMm(cl), 0);
        assertTrue(s.membrane().isPermeant(k));
        assertTrue(!s.membrane().isPermeant(a) && !s.membrane().isPermeant(cl));
        assertEquals(BoundaryKind.WALL, s.boundary().inside());
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().outside());
        assertEquals(RunMode.STEADY, s.run().mode());
    }

    @Test
    void gouyChapman() {
        Scenario s = ScenarioLoader.load(examples().resolve("gouy-chapman.toml"));
        assertEquals(298.15, s.temperatureK(), 0);
        assertEquals(List.of(new Species("Na", 1, 1.33e-9), new Species("Cl", -1, 2.03e-9)), s.species());
        assertArrayEquals(new double[] {150, 150}, s.inside().concentrationsMm(), 0);
        assertArrayEquals(new double[] {150, 150}, s.outside().concentrationsMm(), 0);
        assertEquals(0.2, s.inside().widthUm(), 0);
        assertEquals(0.2, s.outside().widthUm(), 0);
        assertArrayEquals(new double[] {0, 0}, s.membrane().permeabilityCmPerS(), 0);
        assertEquals(0.0, s.membrane().insideSurfaceChargeCPerM2(), 0);
        assertEquals(-0.05, s.membrane().outsideSurfaceChargeCPerM2(), 0);
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().inside());
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().outside());
        assertEquals(ClampKind.CURRENT, s.boundary().clamp());
        assertEquals(0, s.boundary().currentAPerM2(), 0);
    }

    @Test
    void particlesGouyChapmanIsTheGouyChapmanLayerIn20NmBathsWith3000Particles() {
        Scenario gc = ScenarioLoader.load(examples().resolve("gouy-chapman.toml"));
        Scenario s = ScenarioLoader.load(examples().resolve("particles-gouy-chapman.toml"));
        assertEquals(gc.species(), s.species());
        assertEquals(gc.temperatureK(), s.temperatureK(), 0);
        assertArrayEquals(gc.inside().concentrationsMm(), s.inside().concentrationsMm(), 0);
        assertArrayEquals(gc.outside().concentrationsMm(), s.outside().concentrationsMm(), 0);
        assertEquals(0.02, s.inside().widthUm(), 0);
        assertEquals(0.02, s.outside().widthUm(), 0);
        assertEquals(gc.membrane().thicknessNm(), s.membrane().thicknessNm(), 0);
        assertArrayEquals(new double[] {0, 0}, s.membrane().permeabilityCmPerS(), 0);
        assertEquals(-0.05, s.membrane().outsideSurfaceChargeCPerM2(), 0);
        assertEquals(0.0, s.membrane().insideSurfaceChargeCPerM2(), 0);
        assertEquals(gc.boundary(), s.boundary());
        assertEquals(RunMode.STEADY, s.run().mode());
        assertEquals(new ParticleSpec(3000, 1e-12, 2e-9, 20, 1), s.particles());
        // the comment's rms step of Cl: sqrt(2 D dt) = 0.064 nm
        assertEquals(0.064, Math.sqrt(2 * 2.03e-9 * 1e-12) * 1e9, 5e-4);
        assertSame(ParticleSpec.NONE, gc.particles());
    }

    @Test
    void sodiumSurgeIsTheRestingNeuronWithA1MsSodiumSurgeAfterItHasCharged() {
        Scenario rest = ScenarioLoader.load(examples().resolve("neuron-rest.toml"));
        Scenario s = ScenarioLoader.load(examples().resolve("sodium-surge.toml"));
        assertEquals("Sodium surge", s.title());
        assertEquals(rest.species(), s.species());
        assertArrayEquals(rest.inside().concentrationsMm(), s.inside().concentrationsMm(), 0);
        assertArrayEquals(rest.outside().concentrationsMm(), s.outside().concentrationsMm(), 0);
        assertArrayEquals(rest.membrane().permeabilityCmPerS(), s.membrane().permeabilityCmPerS(), 0);
        assertEquals(rest.boundary(), s.boundary());
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().inside());
        assertEquals(rest.temperatureK(), s.temperatureK(), 0);
        assertEquals(RunMode.TRANSIENT, s.run().mode());
        assertEquals(1.5, s.run().endTimeS(), 0);
        assertEquals(1, s.schedules().size());
        Schedule surge = s.schedules().get(0);
        assertEquals("membrane.permeability_cm_s.Na", surge.key());
        double pK = s.membrane().permeabilityCmPerS()[s.speciesIndex("K")];
        double pNa = s.membrane().permeabilityCmPerS()[s.speciesIndex("Na")];
        assertEquals(pNa, surge.valueAt(0), 0);
        assertEquals(pNa, surge.valueJustBefore(1.0), 0, "at rest until 1 s");
        assertEquals(20 * pK, surge.valueAt(1.0), 1e-20, "a step up at 1 s");
        assertEquals(20 * pK, surge.valueAt(1.0005), 1e-20, "20 P_K during the surge");
        assertEquals(pNa, surge.valueAt(1.001), 0, "back to rest after 1 ms (a step down)");
        assertEquals(1.001 - 1.0, surge.timesS()[3] - surge.timesS()[1], 1e-12, "a 1 ms surge");
    }

    @Test
    void nernstKColdIsNernstKAt6Point3Celsius() {
        Scenario warm = ScenarioLoader.load(examples().resolve("nernst-k.toml"));
        Scenario cold = ScenarioLoader.load(examples().resolve("nernst-k-cold.toml"));
        assertEquals(279.45, cold.temperatureK(), 1e-12);
        assertEquals(warm.species(), cold.species());
        assertArrayEquals(warm.inside().concentrationsMm(), cold.inside().concentrationsMm(), 0);
        assertArrayEquals(warm.outside().concentrationsMm(), cold.outside().concentrationsMm(), 0);
        assertEquals(warm.inside().widthUm(), cold.inside().widthUm(), 0);
        assertEquals(warm.outside().widthUm(), cold.outside().widthUm(), 0);
        assertArrayEquals(warm.membrane().permeabilityCmPerS(), cold.membrane().permeabilityCmPerS(), 0);
        assertEquals(warm.boundary(), cold.boundary());
        assertEquals(warm.run(), cold.run());
        assertEquals(List.of(), cold.schedules());
    }

    @Test
    void nernstCaHasTheRatioOfNernstKWithADivalentIon() {
        Scenario k = ScenarioLoader.load(examples().resolve("nernst-k.toml"));
        Scenario s = ScenarioLoader.load(examples().resolve("nernst-ca.toml"));
        assertEquals(310.15, s.temperatureK(), 0);
        assertEquals(new Species("Ca", 2, 0.79e-9), s.species().get(0));
        int ca = s.speciesIndex("Ca");
        assertEquals(0.1, s.inside().concentrationMm(ca), 0);
        assertEquals(3.5, s.outside().concentrationMm(ca), 0);
        int kk = k.speciesIndex("K");
        double ratioK = k.inside().concentrationMm(kk) / k.outside().concentrationMm(kk);
        assertEquals(ratioK, s.outside().concentrationMm(ca) / s.inside().concentrationMm(ca), 1e-12, "the same ratio, 35");
        for (int i = 0; i < s.speciesCount(); i++) {
            assertEquals(i == ca, s.membrane().isPermeant(i), s.species().get(i).name());
        }
        assertEquals(BoundaryKind.WALL, s.boundary().inside());
        assertEquals(BoundaryKind.RESERVOIR, s.boundary().outside());
        assertEquals(0, s.boundary().currentAPerM2(), 0);
        assertEquals(10.0, s.inside().widthUm(), 0);
        assertEquals(RunMode.STEADY, s.run().mode());
    }
}
