package org.membranepnp.engine.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.DrivingForce;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.MembraneCapacitor;
import org.membranepnp.engine.analytic.MullinsNoda;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.units.PhysicalConstants;

/**
 * The machine-readable summary of one run, written as {@code summary.json}. Its keys (the constants below,
 * in this order) are a public contract. Numbers that are NaN or infinite are stored as {@code null}.
 *
 * <p>Per-species objects are keyed by species name in scenario order. Analytic references (Nernst, GHK,
 * driving force, ΔG) use the final bulk concentrations; Debye lengths use the initial bath concentrations.
 */
public final class Summary {
    public static final String TITLE = "title";
    public static final String MEMBRANE_POTENTIAL_MV = "membrane_potential_mV";
    public static final String NERNST_MV = "nernst_mV";
    public static final String GHK_MV = "ghk_mV";
    public static final String DRIVING_FORCE_MV = "driving_force_mV";
    public static final String DELTA_G_J_MOL = "delta_G_J_mol";
    public static final String DEBYE_LENGTH_NM = "debye_length_nm";
    public static final String MEMBRANE_CAPACITANCE_UF_CM2 = "membrane_capacitance_uF_cm2";
    public static final String SEPARATED_CHARGE_C_M2 = "separated_charge_C_m2";
    public static final String BULK_CONCENTRATIONS_MM = "bulk_concentrations_mM";
    public static final String BULK_ELECTRONEUTRALITY = "bulk_electroneutrality";
    public static final String CONSERVATION_ERROR = "conservation_error";
    public static final String NEWTON_ITERATIONS = "newton_iterations";
    public static final String TIME_STEPS = "time_steps";
    public static final String WALL_TIME_S = "wall_time_s";
    public static final String CELLS = "cells";
    public static final String DISCRETISATION_ERROR_MV = "discretisation_error_mV";
    public static final String TEMPERATURE_K = "temperature_K";
    public static final String INTRAMEMBRANE_DROP_MV = "intramembrane_drop_mV";
    public static final String SURFACE_CONCENTRATIONS_MM = "surface_concentrations_mM";
    public static final String MEMBRANE_CURRENT_A_M2 = "membrane_current_A_m2";
    public static final String PUMP_CURRENT_A_M2 = "pump_current_A_m2";
    public static final String MULLINS_NODA_MV = "mullins_noda_mV";
    public static final String GHK_WITH_PUMP_MV = "ghk_with_pump_mV";
    public static final String GEOMETRY = "geometry";
    public static final String PARTICLE_COUNT = "particle_count";
    public static final String PARTICLE_TIME_STEP_S = "particle_time_step_s";
    public static final String PROVENANCE = "provenance";
    public static final String CHANNEL_CURRENT_A = "channel_current_A";
    /** Sub-keys of the inside/outside objects. */
    public static final String INSIDE = "inside";
    public static final String OUTSIDE = "outside";

    /** Every top-level key, in the order written. */
    public static final List<String> KEYS = List.of(TITLE, MEMBRANE_POTENTIAL_MV, NERNST_MV, GHK_MV,
            DRIVING_FORCE_MV, DELTA_G_J_MOL, DEBYE_LENGTH_NM, MEMBRANE_CAPACITANCE_UF_CM2, SEPARATED_CHARGE_C_M2,
            BULK_CONCENTRATIONS_MM, BULK_ELECTRONEUTRALITY, CONSERVATION_ERROR, NEWTON_ITERATIONS, TIME_STEPS,
            WALL_TIME_S, CELLS, TEMPERATURE_K, INTRAMEMBRANE_DROP_MV, SURFACE_CONCENTRATIONS_MM,
            MEMBRANE_CURRENT_A_M2, PUMP_CURRENT_A_M2, MULLINS_NODA_MV, GHK_WITH_PUMP_MV, PROVENANCE, GEOMETRY,
            PARTICLE_COUNT, PARTICLE_TIME_STEP_S, DISCRETISATION_ERROR_MV, CHANNEL_CURRENT_A);

    private static Map<String, Object> geometry(RunResult r) {
        Scenario s = r.scenario();
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("dimension", s.dimension());
        double x0 = s.inside().widthUm() * 1e3;
        g.put("membrane_nm", List.of(num(x0), num(x0 + s.membrane().thicknessNm())));
        if (s.isTwoDimensional()) {
            g.put("height_nm", num(s.lateral().heightNm()));
            g.put("lateral_geometry", s.lateral().geometry().name().toLowerCase(java.util.Locale.ROOT));
            List<Object> channels = new java.util.ArrayList<>();
            for (org.membranepnp.engine.model.Channel c : s.lateral().channels()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", c.name());
                one.put("y_nm", List.of(num(s.lateral().poreLowerNm(c)), num(s.lateral().poreUpperNm(c))));
                channels.add(one);
            }
            g.put("channels", channels);
            g.put("channel_current_unit", s.lateral().axisymmetric() ? "A" : "A/m (per metre of depth)");
            List<Object> patches = new java.util.ArrayList<>();
            for (org.membranepnp.engine.model.SurfacePatch p : s.lateral().surfacePatches()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("side", p.side().name().toLowerCase(java.util.Locale.ROOT));
                one.put("from_nm", num(p.fromNm()));
                one.put("to_nm", num(p.toNm()));
                one.put("charge_C_m2", num(p.chargeCPerM2()));
                patches.add(one);
            }
            g.put("surface_patches", patches);
        }
        return g;
    }

    /** Per pore and species, the outward current through it (2-D results that computed it), else null. */
    private static Map<String, Object> channelCurrents(RunResult r) {
        if (r.fields() == null || r.fields().channelCurrentA().length == 0) {
            return null;
        }
        Scenario s = r.scenario();
        Map<String, Object> all = new LinkedHashMap<>();
        for (int c = 0; c < r.fields().channelCurrentA().length; c++) {
            all.put(s.lateral().channels().get(c).name(), perSpecies(s.species(), r.fields().channelCurrentA()[c]));
        }
        return all;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> values;

    private Summary(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Computes the summary of a run.
     *
     * <ul>
     * <li>nernst_mV: E_i = (V_T/z_i) ln(c_out/c_in) from the final bulk concentrations (null where a side has none);</li>
     * <li>ghk_mV: the root of Σ_i I_GHK,i(V) = 0 with the final bulk concentrations (null without permeant species);</li>
     * <li>driving_force_mV: V_m − E_i; delta_G_J_mol: z_i F (V_m − E_i), moving the ion inward;</li>
     * <li>debye_length_nm: λ_D of each initial bath; membrane_capacitance_uF_cm2: ε0 ε_m / d;</li>
     * <li>membrane_current_A_m2: z_i F J_i with J_i the outward membrane flux;</li>
     * <li>pump_current_A_m2: the pump's net outward current F·J, J from {@link NaKPump#cycleFluxMolPerM2S} at the
     * final surface concentrations (inside Na⁺, outside K⁺);</li>
     * <li>mullins_noda_mV: {@link MullinsNoda#mv} with r = 3/2, P_K and P_Na of the pump's species and the final bulk
     * concentrations (null unless both pump species are permeant);</li>
     * <li>ghk_with_pump_mV: the root of Σ_i I_GHK,i(V) + I_pump = 0 with the final bulk concentrations.</li>
     * </ul>
     * The three pump keys are always written, null when the scenario has no pump. In 2-D, ghk_mV uses the
     * permeabilities averaged over the membrane area (lipid and pores), and geometry holds the dimension, the
     * membrane faces (membrane_nm, x) and, in 2-D, height_nm, lateral_geometry ("planar" or "axisymmetric") and each
     * pore's name and y_nm range (axisymmetric: [0, pore radius]), and surface_patches (each
     * {@code [[surface_patch]]}'s side, from_nm, to_nm and charge_C_m2; empty if none).
     * Also always written: particle_count (the
     * particles of the Brownian particle mode, {@code particles.csv}) and particle_time_step_s (its time step, s),
     * null without a {@code [particles]} table.
     *
     * @param r          the run
     * @param provenance scenario file, command line, code version, … (copied; may be null)
     */
    public static Summary of(RunResult r, Map<String, Object> provenance) {
        Scenario s = r.scenario();
        List<Species> species = s.species();
        int n = species.size();
        int[] z = s.charges();
        double t = s.temperatureK();
        Membrane m = s.membrane();
        double vm = r.membranePotentialMv();
        double[] cIn = r.insideBulkMm();
        double[] cOut = r.outsideBulkMm();

        Map<String, Object> v = new LinkedHashMap<>();
        v.put(TITLE, s.title());
        v.put(MEMBRANE_POTENTIAL_MV, num(vm));

        double[] nernst = new double[n];
        for (int i = 0; i < n; i++) {
            nernst[i] = NernstPotential.mv(z[i], cOut[i], cIn[i], t);
        }
        v.put(NERNST_MV, perSpecies(species, nernst));

        double[] pMPerS = s.areaAveragedPermeabilitiesMPerS();
        v.put(GHK_MV, num(GhkVoltage.mv(z, pMPerS, cIn, cOut, t)));

        double[] drive = new double[n];
        double[] deltaG = new double[n];
        for (int i = 0; i < n; i++) {
            drive[i] = DrivingForce.mv(vm, nernst[i]);
            deltaG[i] = DrivingForce.deltaGJPerMol(z[i], vm, nernst[i]);
        }
        v.put(DRIVING_FORCE_MV, perSpecies(species, drive));
        v.put(DELTA_G_J_MOL, perSpecies(species, deltaG));

        Map<String, Object> debye = new LinkedHashMap<>();
        debye.put(INSIDE, num(debyeNm(s.inside(), z, t)));
        debye.put(OUTSIDE, num(debyeNm(s.outside(), z, t)));
        v.put(DEBYE_LENGTH_NM, debye);

        v.put(MEMBRANE_CAPACITANCE_UF_CM2, num(MembraneCapacitor.capacitanceUfPerCm2(m.permittivity(), m.thicknessNm())));
        v.put(SEPARATED_CHARGE_C_M2, num(r.separatedChargeCPerM2()));
        v.put(BULK_CONCENTRATIONS_MM, sides(species, cIn, cOut));
        v.put(BULK_ELECTRONEUTRALITY, num(r.bulkElectroneutrality()));
        v.put(CONSERVATION_ERROR, num(r.conservationError()));
        v.put(NEWTON_ITERATIONS, r.newtonIterations());
        v.put(TIME_STEPS, r.timeSteps());
        v.put(WALL_TIME_S, num(r.wallTimeS()));
        v.put(CELLS, r.cells());
        v.put(TEMPERATURE_K, num(t));
        v.put(INTRAMEMBRANE_DROP_MV, num(r.intramembraneDropMv()));
        v.put(SURFACE_CONCENTRATIONS_MM, sides(species, r.insideSurfaceMm(), r.outsideSurfaceMm()));

        double[] current = new double[n];
        double[] flux = r.membraneFluxMolPerM2S();
        for (int i = 0; i < n; i++) {
            current[i] = z[i] * PhysicalConstants.FARADAY_C_PER_MOL * flux[i];
        }
        v.put(MEMBRANE_CURRENT_A_M2, perSpecies(species, current));

        NaKPump pump = s.pump();
        int na = s.speciesIndex(pump.sodium());
        int k = s.speciesIndex(pump.potassium());
        double pumpCurrent = Double.NaN;
        double mullinsNoda = Double.NaN;
        double ghkWithPump = Double.NaN;
        if (pump.present() && na >= 0 && k >= 0) {
            pumpCurrent = PhysicalConstants.FARADAY_C_PER_MOL
                    * pump.cycleFluxMolPerM2S(r.insideSurfaceMm()[na], r.outsideSurfaceMm()[k]);
            if (m.isPermeant(na) && m.isPermeant(k)) {
                mullinsNoda = MullinsNoda.mv(pMPerS[k], pMPerS[na], cIn[k], cOut[k], cIn[na], cOut[na],
                        MullinsNoda.NA_K_PUMP_RATIO, t);
            }
            if (Double.isFinite(pumpCurrent)) {
                ghkWithPump = GhkVoltage.mv(z, pMPerS, cIn, cOut, t, pumpCurrent);
            }
        }
        v.put(PUMP_CURRENT_A_M2, num(pumpCurrent));
        v.put(MULLINS_NODA_MV, num(mullinsNoda));
        v.put(GHK_WITH_PUMP_MV, num(ghkWithPump));
        v.put(PROVENANCE, provenance == null ? new LinkedHashMap<String, Object>() : new LinkedHashMap<>(provenance));
        v.put(GEOMETRY, geometry(r));
        ParticleSpec particles = s.particles();
        v.put(PARTICLE_COUNT, particles.present() ? Integer.valueOf(particles.count()) : null);
        v.put(PARTICLE_TIME_STEP_S, particles.present() ? num(particles.timeStepS()) : null);
        v.put(DISCRETISATION_ERROR_MV, num(r.discretisationErrorMv()));
        v.put(CHANNEL_CURRENT_A, channelCurrents(r));
        return new Summary(v);
    }

    /** The ordered key → value map (values: String, Integer, Double, nested maps, or null). Unmodifiable. */
    public Map<String, Object> values() {
        return values;
    }

    /** One top-level value, or null. */
    public Object get(String key) {
        return values.get(key);
    }

    /** A top-level number, NaN where it is null or not a number. */
    public double number(String key) {
        return values.get(key) instanceof Number x ? x.doubleValue() : Double.NaN;
    }

    /** A number inside a per-species or per-side object ({@code nernst_mV}/"K"), NaN where it is null. */
    public double number(String key, String subKey) {
        return values.get(key) instanceof Map<?, ?> sub && sub.get(subKey) instanceof Number x
                ? x.doubleValue() : Double.NaN;
    }

    /** The summary as a JSON tree; non-finite numbers (also inside provenance) become null. */
    public JsonNode toJsonNode() {
        return sanitize(MAPPER.valueToTree(values));
    }

    /** Pretty-printed JSON text. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(toJsonNode());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize summary: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return toJson();
    }

    private static double debyeNm(Bath b, int[] z, double t) {
        return DebyeLength.nm(b.permittivity(), z, b.concentrationsMm(), t);
    }

    private static Map<String, Object> perSpecies(List<Species> species, double[] x) {
        if (x.length != species.size()) {
            throw new IllegalArgumentException("expected " + species.size() + " per-species values, got " + x.length);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            map.put(species.get(i).name(), num(x[i]));
        }
        return map;
    }

    private static Map<String, Object> sides(List<Species> species, double[] in, double[] out) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(INSIDE, perSpecies(species, in));
        map.put(OUTSIDE, perSpecies(species, out));
        return map;
    }

    /** A finite double (−0.0 written as 0.0), or null. */
    private static Double num(double x) {
        return Double.isFinite(x) ? x + 0.0 : null;
    }

    private static JsonNode sanitize(JsonNode node) {
        if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(sanitize(e.getValue()));
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, sanitize(arr.get(i)));
            }
        }
        return node;
    }
}
