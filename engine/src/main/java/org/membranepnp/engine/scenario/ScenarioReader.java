package org.membranepnp.engine.scenario;

import static org.membranepnp.engine.model.ScenarioKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Channel;
import org.membranepnp.engine.model.Lateral;
import org.membranepnp.engine.model.LateralGeometry;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.Boundary;
import org.membranepnp.engine.model.BoundaryKind;
import org.membranepnp.engine.model.ClampKind;
import org.membranepnp.engine.model.Membrane;
import org.membranepnp.engine.model.MembraneSide;
import org.membranepnp.engine.model.MeshSpec;
import org.membranepnp.engine.model.NaKPump;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.model.RunMode;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.model.Schedule;
import org.membranepnp.engine.model.Species;
import org.membranepnp.engine.model.SurfacePatch;
import org.membranepnp.engine.units.PhysicalConstants;

/** Turns the (overridden) TOML tree into a validated {@link Scenario}, failing on the first problem. */
final class ScenarioReader {
    /** Relative tolerance of the electroneutrality check, times Σ|z|c. */
    static final double NEUTRALITY_TOLERANCE = 1e-9;
    /** The prefix of a permeability schedule's key; the species name follows. */
    static final String PERMEABILITY_SCHEDULE = Schedule.PERMEABILITY_KEY_PREFIX;
    /** The key of a clamp-current schedule. */
    static final String CURRENT_SCHEDULE = Schedule.CURRENT_KEY;
    /** The key of a clamp-voltage schedule. */
    static final String VOLTAGE_SCHEDULE = Schedule.VOLTAGE_KEY;
    /** Particles when {@code [particles]} gives no count. */
    static final int PARTICLE_COUNT = 2000;
    /** Integrator time step when {@code [particles]} gives none, s. */
    static final double PARTICLE_TIME_STEP_S = 1e-12;
    /** Simulated time when {@code [particles]} gives none, s. */
    static final double PARTICLE_DURATION_S = 1e-9;
    /** Snapshots when {@code [particles]} gives none. */
    static final int PARTICLE_SNAPSHOTS = 10;
    /** The most rows particles.csv may get: count × (snapshots + 1) (about 50 bytes each). */
    static final long MAX_PARTICLE_ROWS = 10_000_000L;
    /** The most integrator steps a run may ask for: duration_s / time_step_s. */
    static final long MAX_PARTICLE_STEPS = 100_000_000L;
    /** The largest rms step sqrt(2 D dt) of the fastest species, nm: finer than a Debye layer (0.8 nm at 150 mM). */
    static final double MAX_PARTICLE_RMS_STEP_NM = 0.5;
    /** Seed of the particle generator when {@code [particles]} gives none. */
    static final long PARTICLE_SEED = 1;
    private static final Pattern SPECIES_NAME = Pattern.compile("[A-Za-z0-9_+-]+");

    private final Diagnostics diag;
    private final String defaultTitle;

    ScenarioReader(Diagnostics diag, String defaultTitle) {
        this.diag = diag;
        this.defaultTitle = defaultTitle;
    }

    /** Reads and checks the whole scenario. */
    Scenario read(JsonNode root) {
        KeySchema.checkKnownKeys(root, diag);
        Section top = new Section(root, "", diag);
        int dimension = readDimension(top);
        String title = top.text(TITLE, defaultTitle, "a short description in quotes, e.g. title = \"Resting neuron\"");
        if (title.isBlank()) {
            title = defaultTitle;
        }
        double temperatureK = readTemperature(top);
        List<Species> species = readSpecies(top);
        Bath inside = readBath(top, INSIDE, species);
        Bath outside = readBath(top, OUTSIDE, species);
        Membrane membrane = readMembrane(top, species);
        Boundary boundary = readBoundary(top, membrane);
        MeshSpec mesh = readMesh(top);
        RunSpec run = readRun(top);
        NaKPump pump = readPump(top, species);
        List<Schedule> schedules = readSchedules(top, species, membrane, boundary, run);
        Lateral lateral = readLateral(top, dimension, species);
        ParticleSpec particles = readParticles(top, species);
        return new Scenario(title, dimension, temperatureK, species, inside, outside, membrane, boundary, mesh, run, pump,
                schedules, lateral, particles);
    }

    private static int readDimension(Section top) {
        return top.integer(DIMENSION, 1,
                "1 is a slab across the membrane, 2 a slab with an extent along the membrane, and pores");
    }

    /**
     * The 2-D geometry: {@code [lateral]} height_nm, the {@code [[channel]]} pores and the
     * {@code [[surface_patch]]} charged stretches of the membrane's faces. All belong to 2-D scenarios only; a 2-D
     * scenario takes walls and reservoirs, clamps, the pump and schedules as in 1-D.
     */
    private Lateral readLateral(Section top, int dimension, List<Species> species) {
        if (dimension == 1) {
            for (String key : List.of(LATERAL, CHANNEL, SURFACE_PATCH)) {
                if (top.has(key)) {
                    String table = key.equals(LATERAL) ? "[" + key + "]" : "[[" + key + "]]";
                    throw top.fail(key, "only allowed with dimension = 2 (a 1-D slab has no extent along the membrane); "
                            + "set dimension = 2, or remove " + table);
                }
            }
            return Lateral.NONE;
        }
        Section lat = top.table(LATERAL, true, "height_nm, the slab's extent along the membrane");
        String heightHint = "the slab's extent along the membrane in nm, e.g. height_nm = 20";
        if (!lat.has(HEIGHT_NM)) {
            throw lat.missing(HEIGHT_NM, "20 (" + heightHint + ")");
        }
        double height = lat.number(HEIGHT_NM, heightHint, "20");
        LateralGeometry geometry = lat.choice(GEOMETRY, LateralGeometry.PLANAR, LateralGeometry.class);
        boolean axisymmetric = geometry == LateralGeometry.AXISYMMETRIC;
        String axisymmetricNeeds = "with lateral.geometry = \"axisymmetric\" ";
        if (axisymmetric && top.has(PARTICLES)) {
            throw diag.error(PARTICLES, null, "not available " + axisymmetricNeeds
                    + "yet; use geometry = \"planar\" or remove [particles]");
        }
        JsonNode array = top.get(CHANNEL);
        List<Channel> channels = new ArrayList<>();
        if (array != null) {
            String needs = "[[channel]] tables, each with center_nm, width_nm and permeability_cm_s, e.g. center_nm = 10, "
                    + "width_nm = 1, permeability_cm_s = { K = 1 }";
            if (!array.isArray()) {
                throw top.fail(CHANNEL, "expected [[channel]] tables, got " + ValueText.kind(array) + "; write " + needs);
            }
            for (int i = 0; i < array.size(); i++) {
                String path = KeyLines.item(CHANNEL, i + 1);
                JsonNode item = array.get(i);
                if (!item.isObject()) {
                    throw diag.error(path, item, "expected a table; write " + needs);
                }
                Section c = new Section(item, path, diag);
                if (axisymmetric && i > 0) {
                    throw diag.error(path, null, "a second pore " + axisymmetricNeeds + "(y is the radius around the "
                            + "one pore's axis); give exactly one [[channel]], or set geometry = \"planar\"");
                }
                channels.add(readChannel(c, i + 1, height, axisymmetric, species, channels));
            }
        }
        if (axisymmetric && channels.isEmpty()) {
            throw diag.error(CHANNEL, null, "missing; " + axisymmetricNeeds + "give exactly one [[channel]] on the "
                    + "axis, e.g. center_nm = 0, width_nm = 1 (the pore's diameter), permeability_cm_s = { K = 1 }");
        }
        List<SurfacePatch> patches = readSurfacePatches(top, height, axisymmetric);
        return new Lateral(height, channels, geometry, patches);
    }

    /**
     * The optional {@code [[surface_patch]]} tables (absent: none): side, from_nm, to_nm (radii if axisymmetric,
     * 0 ≤ from &lt; to ≤ height) and charge_C_m2, added to the face's uniform charge. Patches may overlap (they add).
     */
    private List<SurfacePatch> readSurfacePatches(Section top, double heightNm, boolean axisymmetric) {
        JsonNode array = top.get(SURFACE_PATCH);
        if (array == null) {
            return List.of();
        }
        String needs = "[[surface_patch]] tables, each with side, from_nm, to_nm and charge_C_m2, e.g. side = \"inside\", "
                + "from_nm = 0, to_nm = " + ValueText.rounded(heightNm / 2, 6) + ", charge_C_m2 = -0.05";
        if (!array.isArray()) {
            throw top.fail(SURFACE_PATCH, "expected [[surface_patch]] tables, got " + ValueText.kind(array)
                    + "; write " + needs);
        }
        List<SurfacePatch> patches = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = KeyLines.item(SURFACE_PATCH, i + 1);
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw diag.error(path, item, "expected a table; write " + needs);
            }
            patches.add(readSurfacePatch(new Section(item, path, diag), heightNm, axisymmetric));
        }
        return patches;
    }

    private static SurfacePatch readSurfacePatch(Section p, double heightNm, boolean axisymmetric) {
        if (!p.has(SIDE)) {
            throw p.missing(SIDE, "\"inside\" (the membrane face the patch lies on: \"inside\" or \"outside\")");
        }
        MembraneSide side = p.choice(SIDE, MembraneSide.INSIDE, MembraneSide.class);
        String h = ValueText.rounded(heightNm, 6);
        String along = axisymmetric ? "radius" : "y";
        String fromHint = "the " + along + " where the patch starts in nm, from 0 to below to_nm, e.g. from_nm = 0";
        String toHint = "the " + along + " where the patch ends in nm, above from_nm and at most lateral.height_nm = " + h
                + ", e.g. to_nm = " + h;
        if (!p.has(FROM_NM)) {
            throw p.missing(FROM_NM, "0 (" + fromHint + ")");
        }
        double from = p.number(FROM_NM, fromHint, "0");
        if (!p.has(TO_NM)) {
            throw p.missing(TO_NM, h + " (" + toHint + ")");
        }
        double to = p.number(TO_NM, toHint, h);
        // from_nm ≥ 0 is the key's range (KeySchema), checked when it is read
        if (to > heightNm) {
            throw p.fail(TO_NM, "is beyond lateral.height_nm = " + h + " (the patch must lie in [0, " + h + "] nm); "
                    + toHint);
        }
        if (from >= to) {
            throw p.fail(FROM_NM, "is not below to_nm = " + ValueText.rounded(to, 6) + " (an empty patch); give "
                    + "from_nm < to_nm, e.g. from_nm = 0, to_nm = " + h);
        }
        String chargeHint = "the patch's charge density in C/m², added to the face's uniform surface charge, e.g. "
                + "charge_C_m2 = -0.05 for acidic lipids";
        if (!p.has(CHARGE_C_M2)) {
            throw p.missing(CHARGE_C_M2, "-0.05 (" + chargeHint + ")");
        }
        double charge = p.number(CHARGE_C_M2, chargeHint, "-0.05");
        return new SurfacePatch(side, from, to, charge);
    }

    private Channel readChannel(Section c, int number, double heightNm, boolean axisymmetric, List<Species> species,
                               List<Channel> before) {
        String name = c.text(NAME, "channel " + number, "a label in quotes, e.g. name = \"K channel\"");
        String centerHint = axisymmetric
                ? "y of the pore axis in nm, which is 0 with lateral.geometry = \"axisymmetric\": center_nm = 0"
                : "y of the pore axis in nm, between 0 and lateral.height_nm = "
                        + ValueText.rounded(heightNm, 6) + ", e.g. center_nm = " + ValueText.rounded(heightNm / 2, 6);
        String centerExample = axisymmetric ? "0" : ValueText.rounded(heightNm / 2, 6);
        if (!c.has(CENTER_NM)) {
            throw c.missing(CENTER_NM, centerExample + " (" + centerHint + ")");
        }
        double center = c.number(CENTER_NM, centerHint, "");
        if (axisymmetric && center != 0) {
            throw c.fail(CENTER_NM, "must be 0 with lateral.geometry = \"axisymmetric\" (the pore's axis is at "
                    + "r = 0); set center_nm = 0");
        }
        String widthHint = axisymmetric ? "the pore's diameter in nm, e.g. width_nm = 1"
                : "pore width along the membrane in nm, e.g. width_nm = 1";
        if (!c.has(WIDTH_NM)) {
            throw c.missing(WIDTH_NM, "1 (" + widthHint + ")");
        }
        double width = c.number(WIDTH_NM, widthHint, "1");
        if (axisymmetric && width / 2 > heightNm) {
            throw c.fail(WIDTH_NM, "the pore's radius " + ValueText.rounded(width / 2, 6) + " nm is larger than the "
                    + "membrane disc's radius lateral.height_nm = " + ValueText.rounded(heightNm, 6) + " nm (r in [0, "
                    + ValueText.rounded(width / 2, 6) + "] must lie in [0, " + ValueText.rounded(heightNm, 6)
                    + "]); make width_nm at most " + ValueText.rounded(2 * heightNm, 6) + " or height_nm larger");
        }
        double lower = axisymmetric ? 0 : center - width / 2;
        double upper = axisymmetric ? width / 2 : center + width / 2;
        if (lower < 0 || upper > heightNm) {
            throw c.fail(CENTER_NM, "the pore [" + ValueText.rounded(lower, 6) + ", " + ValueText.rounded(upper, 6)
                    + "] nm sticks out of the slab [0, " + ValueText.rounded(heightNm, 6) + "] nm; move center_nm or make "
                    + "width_nm smaller");
        }
        for (Channel other : before) {
            if (lower < other.upperNm() && upper > other.lowerNm()) {
                throw c.fail(CENTER_NM, "the pore [" + ValueText.rounded(lower, 6) + ", " + ValueText.rounded(upper, 6)
                        + "] nm overlaps " + other.name() + " [" + ValueText.rounded(other.lowerNm(), 6) + ", "
                        + ValueText.rounded(other.upperNm(), 6) + "] nm; give each pore its own place");
            }
        }
        double eps = c.number(PERMITTIVITY, 80.0, "relative permittivity of the water in the pore, e.g. permittivity = 80");
        double[] p = perSpecies(c, PERMEABILITY_CM_S, species,
                "the pore's permeability in cm/s per unit pore area (a species left out cannot enter)",
                "{ K = 1 } (cm/s per unit pore area)");
        double largest = 0;
        for (double v : p) {
            largest = Math.max(largest, v);
        }
        if (largest == 0) {
            throw c.fail(PERMEABILITY_CM_S, "no species passes this pore; give at least one a permeability > 0, "
                    + "e.g. permeability_cm_s = { " + species.get(0).name() + " = 1 }");
        }
        double fixed = c.number(FIXED_CHARGE_MM, 0.0, "the pore walls' fixed charge as a volume density in mM of "
                + "elementary charges, e.g. fixed_charge_mM = -100 for a cation channel's acidic lining");
        return new Channel(name, center, width, eps, p, fixed);
    }

    private double readTemperature(Section top) {
        boolean kelvin = top.has(TEMPERATURE_K);
        boolean celsius = top.has(TEMPERATURE_C);
        if (kelvin && celsius) {
            String at = diag.line(TEMPERATURE_K).map(l -> " (line " + l + ")").orElse("");
            throw top.fail(TEMPERATURE_C, "temperature_K is also given" + at
                    + "; give only one of temperature_K and temperature_C");
        }
        if (!kelvin && !celsius) {
            throw diag.error(TEMPERATURE_K, null, "missing; add temperature_K = 310.15 (or temperature_C = 37) "
                    + top.placeHint());
        }
        if (kelvin) {
            return top.number(TEMPERATURE_K, "absolute temperature in kelvin, e.g. temperature_K = 310.15 (37 °C)", "310.15");
        }
        double c = top.number(TEMPERATURE_C, "temperature in °C, e.g. temperature_C = 37", "37");
        return c + PhysicalConstants.ZERO_CELSIUS_K;
    }

    private List<Species> readSpecies(Section top) {
        String needs = "one [[species]] block per ion, with name, charge and diffusion_m2_s";
        JsonNode array = top.get(SPECIES);
        if (array == null || (array.isArray() && array.isEmpty())) {
            throw diag.error(SPECIES, array, "missing; add " + needs);
        }
        if (!array.isArray()) {
            throw top.fail(SPECIES, "expected [[species]] tables, got " + ValueText.kind(array) + "; write " + needs);
        }
        List<Species> species = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = KeyLines.item(SPECIES, i + 1);
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw diag.error(path, item, "expected a table with name, charge and diffusion_m2_s; write " + needs);
            }
            Section s = new Section(item, path, diag);
            species.add(readOneSpecies(s, seen, i + 1));
        }
        return species;
    }

    private Species readOneSpecies(Section s, Map<String, Integer> seen, int number) {
        if (!s.has(NAME)) {
            throw s.missing(NAME, "\"K\" (the name used in the concentration and permeability tables)");
        }
        String name = s.text(NAME, "", "the name used in the concentration tables, e.g. name = \"K\"");
        if (!SPECIES_NAME.matcher(name).matches()) {
            throw s.fail(NAME, "a species name is letters, digits, _, + or - with no spaces or dots; e.g. name = \"K\" or name = \"Ca2+\"");
        }
        Integer other = seen.putIfAbsent(name, number);
        if (other != null) {
            String at = diag.line(KeyLines.join(KeyLines.item(SPECIES, other), NAME)).map(l -> ", line " + l).orElse("");
            throw s.fail(NAME, "duplicate species name (also species[" + other + "]" + at + "); give each species a different name");
        }
        String chargeHint = "the valence z is a non-zero integer: charge = 1 for K+, -1 for Cl-, 2 for Ca2+";
        if (!s.has(CHARGE)) {
            throw s.missing(CHARGE, "1 (the valence z: 1 for K+, -1 for Cl-, 2 for Ca2+)");
        }
        int z = s.integer(CHARGE, 0, chargeHint);
        if (z == 0) {
            throw s.fail(CHARGE, "must not be 0 (an uncharged species does not feel the field); " + chargeHint);
        }
        double d = s.number(DIFFUSION_M2_S, "diffusion coefficient in water, m²/s, e.g. diffusion_m2_s = 1.96e-9 for K+",
                "1.96e-9 (diffusion coefficient in water, m²/s)");
        return new Species(name, z, d);
    }

    private Bath readBath(Section top, String side, List<Species> species) {
        Section b = top.table(side, true, "width_um, permittivity and concentrations_mM");
        double width = b.number(WIDTH_UM, "bath width in µm, e.g. width_um = 1.0", "1.0 (bath width, µm)");
        double eps = b.number(PERMITTIVITY, "relative permittivity, e.g. permittivity = 80 for water",
                "80 (relative permittivity of water)");
        double[] c = perSpecies(b, CONCENTRATIONS_MM, species, "a concentration in mM (a species left out is 0)",
                "{ K = 140, Cl = 140 } (mM; a species left out is 0)");
        checkNeutral(b, side, species, c);
        return new Bath(width, eps, c);
    }

    private void checkNeutral(Section bath, String side, List<Species> species, double[] c) {
        double cations = 0;
        double anions = 0;
        for (int i = 0; i < c.length; i++) {
            double q = species.get(i).charge() * c[i];
            if (q > 0) {
                cations += q;
            } else {
                anions -= q;
            }
        }
        double net = cations - anions;
        String key = CONCENTRATIONS_MM;
        if (cations + anions == 0) {
            throw bath.fail(key, side + " bath holds no ions; give at least one cation and one anion a concentration > 0");
        }
        if (Math.abs(net) > NEUTRALITY_TOLERANCE * (cations + anions)) {
            String fix = net > 0 ? "add " + ValueText.rounded(net, 6) + " mM of a monovalent anion or remove cations"
                    : "add " + ValueText.rounded(-net, 6) + " mM of a monovalent cation or remove anions";
            throw bath.fail(key, String.format(Locale.ROOT,
                    "%s bath is not electroneutral: Σ z·c = %+.3f mM (cations %.3f, anions %.3f mM); %s",
                    side, net, cations, anions, fix));
        }
    }

    private Membrane readMembrane(Section top, List<Species> species) {
        Section m = top.table(MEMBRANE, true, "thickness_nm, permittivity and permeability_cm_s");
        double d = m.number(THICKNESS_NM, "membrane thickness in nm, e.g. thickness_nm = 5", "5 (membrane thickness, nm)");
        double eps = m.number(PERMITTIVITY, "relative permittivity of the lipid core, 2 to 5.6, e.g. permittivity = 5.6",
                "5.6 (relative permittivity of the lipid core)");
        double[] p = perSpecies(m, PERMEABILITY_CM_S, species, "a permeability in cm/s (a species left out is impermeant)",
                "{ K = 1e-7 } (cm/s; {} if no ion crosses)");
        Section sigma = m.table(SURFACE_CHARGE_C_M2, false, "inside and outside in C/m², e.g. { inside = 0.0, outside = -0.05 }");
        String sigmaHint = "fixed charge density on that face, C/m², e.g. -0.05";
        double sigmaIn = sigma.number(INSIDE, 0.0, sigmaHint);
        double sigmaOut = sigma.number(OUTSIDE, 0.0, sigmaHint);
        double beta = m.number(PARTITION_COEFFICIENT, Membrane.DEFAULT_PARTITION_COEFFICIENT,
                "the fraction β of the surface concentration that enters the lipid, e.g. partition_coefficient = 1e-6");
        return new Membrane(d, eps, p, sigmaIn, sigmaOut, beta);
    }

    private Boundary readBoundary(Section top, Membrane membrane) {
        Section b = top.table(BOUNDARY, false, "inside, outside and clamp");
        BoundaryKind inside = b.choice(INSIDE, BoundaryKind.WALL, BoundaryKind.class);
        BoundaryKind outside = b.choice(OUTSIDE, BoundaryKind.RESERVOIR, BoundaryKind.class);
        ClampKind clamp = b.choice(CLAMP, ClampKind.CURRENT, ClampKind.class);
        double current = 0;
        double voltage = 0;
        if (clamp == ClampKind.VOLTAGE) {
            if (inside == BoundaryKind.WALL || outside == BoundaryKind.WALL) {
                String side = inside == BoundaryKind.WALL ? INSIDE : OUTSIDE;
                throw b.fail(CLAMP, "a voltage clamp needs reservoirs on both sides (the electrodes sit in them), but boundary."
                        + side + " is \"wall\"; set boundary.inside = \"reservoir\" and boundary.outside = \"reservoir\", or use clamp = \"current\"");
            }
            // current_A_m2 = 0 (the default) is harmless, so a current-clamp file can be switched with --set
            if (b.number(CURRENT_A_M2, 0.0, "only 0 (or nothing) with clamp = \"voltage\"") != 0) {
                throw b.fail(CURRENT_A_M2, "not allowed with clamp = \"voltage\" (only 0); remove it, or use clamp = \"current\"");
            }
            if (!b.has(VOLTAGE_MV)) {
                throw b.missing(VOLTAGE_MV, "-60 (φ(inside end) − φ(outside end) in mV; required with clamp = \"voltage\")");
            }
            voltage = b.number(VOLTAGE_MV, "the clamped potential φ(inside end) − φ(outside end) in mV, e.g. voltage_mV = -60", "-60");
        } else {
            if (b.has(VOLTAGE_MV)) {
                throw b.fail(VOLTAGE_MV, "only allowed with clamp = \"voltage\"; remove it, or set clamp = \"voltage\"");
            }
            current = b.number(CURRENT_A_M2, 0.0, "outward current density injected at the inside end, A/m², e.g. current_A_m2 = 0.0");
            if (current != 0 && inside == BoundaryKind.WALL) {
                throw b.fail(CURRENT_A_M2, "a current needs boundary.inside = \"reservoir\" (it enters through an electrode in the inside "
                        + "reservoir), but boundary.inside is \"wall\"; set boundary.inside = \"reservoir\" or current_A_m2 = 0");
            }
            if (current != 0 && outside == BoundaryKind.WALL) {
                throw b.fail(CURRENT_A_M2, "a current needs boundary.outside = \"reservoir\" (it leaves through an electrode in the outside "
                        + "reservoir), but boundary.outside is \"wall\"; set boundary.outside = \"reservoir\" or current_A_m2 = 0");
            }
        }
        if (inside == BoundaryKind.WALL && outside == BoundaryKind.WALL) {
            checkClosedSlabNeutral(top, membrane);
        }
        return new Boundary(inside, outside, clamp, current, voltage);
    }

    /** With walls on both sides nothing can enter, so the fixed surface charges must cancel. */
    private void checkClosedSlabNeutral(Section top, Membrane membrane) {
        double in = membrane.insideSurfaceChargeCPerM2();
        double out = membrane.outsideSurfaceChargeCPerM2();
        double sum = in + out;
        if (sum != 0 && Math.abs(sum) > NEUTRALITY_TOLERANCE * (Math.abs(in) + Math.abs(out))) {
            String path = KeyLines.join(MEMBRANE, SURFACE_CHARGE_C_M2);
            JsonNode node = top.get(MEMBRANE).get(SURFACE_CHARGE_C_M2);
            throw diag.error(path, node, "with boundary.inside and boundary.outside both \"wall\" the slab is closed and "
                    + "cannot be neutral: the surface charges sum to " + ValueText.rounded(sum, 6) + " C/m²; make them cancel "
                    + "(inside = " + ValueText.rounded(-out, 6) + "), or open a side with boundary.outside = \"reservoir\"");
        }
    }

    /** {@code [mesh]}: cells (0 or absent: automatic) and tolerance_mV (the target discretisation error of V_m). */
    private static MeshSpec readMesh(Section top) {
        Section m = top.table(MESH, false, "cells and tolerance_mV");
        int cells = m.integer(CELLS, 0, "the approximate number of mesh cells; fewer than 40 cannot resolve the "
                + "Debye layers; leave cells out (or 0) for the automatic resolution");
        double toleranceMv = m.number(TOLERANCE_MV, MeshSpec.DEFAULT_TOLERANCE_MV, "the target discretisation "
                + "error of V_m in mV, e.g. tolerance_mV = " + ValueText.number(MeshSpec.DEFAULT_TOLERANCE_MV));
        return new MeshSpec(cells, toleranceMv);
    }

    private static RunSpec readRun(Section top) {
        Section r = top.table(RUN, false, "mode");
        RunMode mode = r.choice(MODE, RunMode.STEADY, RunMode.class);
        double tol = r.number(RELATIVE_TOLERANCE, RunSpec.DEFAULT_RELATIVE_TOLERANCE,
                "local error tolerance of the time stepping, e.g. relative_tolerance = 1e-4");
        if (mode == RunMode.STEADY) {
            if (r.has(END_TIME_S)) {
                throw r.fail(END_TIME_S, "only allowed with mode = \"transient\"; remove it, or set mode = \"transient\"");
            }
            return new RunSpec(RunMode.STEADY, 0.0, tol);
        }
        if (!r.has(END_TIME_S)) {
            throw r.missing(END_TIME_S, "1e-3 (simulated time in s; required with mode = \"transient\")");
        }
        double end = r.number(END_TIME_S, "the simulated time in s, e.g. end_time_s = 1e-3", "1e-3");
        return new RunSpec(RunMode.TRANSIENT, end, tol);
    }

    /**
     * The optional {@code [pump]} table (absent: {@link NaKPump#NONE}). The rate is given as exactly one of
     * turnover_per_s_um2 and current_A_m2 (the net outward current at full rate, converted with
     * {@link NaKPump#turnoverForCurrent}); km_K_out_mM and km_Na_in_mM are always allowed and used only with
     * saturating = true; sodium and potassium name declared species of charge +1.
     */
    private NaKPump readPump(Section top, List<Species> species) {
        if (!top.has(PUMP)) {
            return NaKPump.NONE;
        }
        Section p = top.table(PUMP, false, "turnover_per_s_um2 or current_A_m2");
        String turnoverHint = "maximal pump cycles per second per µm² of membrane, e.g. turnover_per_s_um2 = 3000 "
                + "(for no pump, leave out the [pump] table)";
        String currentHint = "the pump's net outward current density at full rate, A/m², e.g. current_A_m2 = 5e-4 "
                + "(for no pump, leave out the [pump] table)";
        boolean hasTurnover = p.has(TURNOVER_PER_S_UM2);
        boolean hasCurrent = p.has(CURRENT_A_M2);
        if (hasTurnover && hasCurrent) {
            String at = diag.line(p.pathOf(TURNOVER_PER_S_UM2)).map(l -> " (line " + l + ")").orElse("");
            throw p.fail(CURRENT_A_M2, "turnover_per_s_um2 is also given" + at
                    + "; give only one of turnover_per_s_um2 (cycles/(s µm²)) and current_A_m2 (A/m²)");
        }
        if (!hasTurnover && !hasCurrent) {
            throw diag.error(p.pathOf(TURNOVER_PER_S_UM2), null, "missing; add turnover_per_s_um2 = 3000 "
                    + "(pump cycles per second per µm²) or current_A_m2 = 5e-4 (the pump's outward current at full rate, "
                    + "A/m²) " + p.placeHint());
        }
        double turnover;
        if (hasTurnover) {
            turnover = p.number(TURNOVER_PER_S_UM2, turnoverHint, "3000");
        } else {
            double current = p.number(CURRENT_A_M2, currentHint, "5e-4");
            turnover = NaKPump.turnoverForCurrent(current);
        }
        boolean saturating = p.flag(SATURATING, false, "saturating = true makes the rate depend on [K]_out and [Na]_in "
                + "(Michaelis–Menten), saturating = false (the default) keeps it constant");
        double kmK = p.number(KM_K_OUT_MM, NaKPump.NONE.kmKOutMm(), "half-saturation constant for outside K⁺ in mM, "
                + "e.g. km_K_out_mM = 1.5 (used only with saturating = true)");
        double kmNa = p.number(KM_NA_IN_MM, NaKPump.NONE.kmNaInMm(), "half-saturation constant for inside Na⁺ in mM, "
                + "e.g. km_Na_in_mM = 10 (used only with saturating = true)");
        String sodium = pumpSpecies(p, SODIUM, NaKPump.NONE.sodium(), species, "moves out, 3 per cycle");
        String potassium = pumpSpecies(p, POTASSIUM, NaKPump.NONE.potassium(), species, "moves in, 2 per cycle");
        if (sodium.equals(potassium)) {
            throw p.fail(POTASSIUM, "the same species as pump.sodium; the pump moves two different ions, "
                    + "e.g. sodium = \"Na\" and potassium = \"K\"");
        }
        return new NaKPump(turnover, saturating, kmK, kmNa, sodium, potassium);
    }

    /** A pump species name: a declared species with charge +1. */
    private static String pumpSpecies(Section p, String key, String fallback, List<Species> species, String role) {
        String hint = "the name of the species the pump " + role + ", e.g. " + key + " = \"" + fallback + "\"";
        String name = p.text(key, fallback, hint);
        List<String> names = new ArrayList<>();
        for (Species s : species) {
            names.add(s.name());
        }
        int i = names.indexOf(name);
        if (i < 0) {
            String guess = DidYouMean.phrase(name, names);
            String what = p.has(key) ? "unknown species" : "no species " + name + " (the default)";
            throw p.fail(key, what + "; " + (guess.isEmpty() ? "" : guess + " ") + "declared species: "
                    + String.join(", ", names) + "; " + key + " names the species the pump " + role);
        }
        int z = species.get(i).charge();
        if (z != 1) {
            throw p.fail(key, "species " + name + (p.has(key) ? "" : " (the default)") + " has charge " + z
                    + ", but the Na⁺/K⁺ pump moves monovalent cations; name a species with charge = 1, e.g. "
                    + key + " = \"" + fallback + "\"");
        }
        return name;
    }

    /**
     * The optional {@code [particles]} table (absent: {@link ParticleSpec#NONE}): count (default
     * {@value #PARTICLE_COUNT}), time_step_s (default 1e-12 s; the rms step sqrt(2 D dt) of the fastest species at most
     * {@value #MAX_PARTICLE_RMS_STEP_NM} nm), duration_s (default 1e-9 s; at least one step, at most
     * {@value #MAX_PARTICLE_STEPS} steps), snapshots (at most the number of steps, default {@value #PARTICLE_SNAPSHOTS})
     * and seed (a whole number, default {@value #PARTICLE_SEED}); each also in its range in {@link KeySchema}.
     */
    private static ParticleSpec readParticles(Section top, List<Species> species) {
        if (!top.has(PARTICLES)) {
            return ParticleSpec.NONE;
        }
        Section p = top.table(PARTICLES, false, "count, time_step_s, duration_s, snapshots and seed");
        int count = p.integer(COUNT, PARTICLE_COUNT, "the number of particles drawn from the concentrations, "
                + "e.g. count = " + PARTICLE_COUNT + " (for no particles, leave out the [particles] table)");
        double dMax = 0;
        String fastest = "";
        for (Species s : species) {
            if (s.diffusionM2PerS() > dMax) {
                dMax = s.diffusionM2PerS();
                fastest = s.name();
            }
        }
        // the largest dt whose rms step sqrt(2 D dt) stays within MAX_PARTICLE_RMS_STEP_NM for the fastest species
        double dtMax = Math.pow(MAX_PARTICLE_RMS_STEP_NM * 1e-9, 2) / (2 * dMax);
        String stepHint = "the integrator time step in s, at most " + ValueText.rounded(dtMax, 2) + " s (an rms step "
                + "sqrt(2 D dt) of at most " + ValueText.number(MAX_PARTICLE_RMS_STEP_NM) + " nm for " + fastest
                + "), e.g. time_step_s = " + ValueText.number(PARTICLE_TIME_STEP_S);
        double dt = p.number(TIME_STEP_S, PARTICLE_TIME_STEP_S, stepHint);
        if (dt > dtMax) {
            double rmsNm = Math.sqrt(2 * dMax * dt) * 1e9;
            throw p.fail(TIME_STEP_S, "too coarse: " + fastest + " would move " + ValueText.rounded(rmsNm, 3)
                    + " nm rms per step, more than " + ValueText.number(MAX_PARTICLE_RMS_STEP_NM)
                    + " nm (a Debye layer is about 0.8 nm at 150 mM); " + stepHint);
        }
        String durationHint = "the simulated time in s, at least one time step and at most " + MAX_PARTICLE_STEPS
                + " time steps, e.g. duration_s = " + ValueText.number(PARTICLE_DURATION_S);
        double duration = p.number(DURATION_S, PARTICLE_DURATION_S, durationHint);
        double steps = Math.rint(duration / dt);
        if (steps < 1) {
            throw p.fail(DURATION_S, "is shorter than one time step (time_step_s = " + ValueText.number(dt) + "); "
                    + durationHint);
        }
        if (steps > MAX_PARTICLE_STEPS) {
            throw p.fail(DURATION_S, "takes " + ValueText.rounded(steps, 3) + " time steps of " + ValueText.number(dt)
                    + " s, more than " + MAX_PARTICLE_STEPS + "; " + durationHint);
        }
        String snapshotHint = "the number of particle snapshots after the start (the positions at t = 0 are written "
                + "too), at most the number of time steps, e.g. snapshots = " + PARTICLE_SNAPSHOTS;
        int snapshots = p.integer(SNAPSHOTS, PARTICLE_SNAPSHOTS, snapshotHint);
        if (snapshots > steps) {
            throw p.fail(SNAPSHOTS, "is more than the " + (long) steps + " time steps of duration_s / time_step_s; "
                    + snapshotHint);
        }
        long rows = (long) count * (snapshots + 1);
        if (rows > MAX_PARTICLE_ROWS) {
            throw p.fail(SNAPSHOTS, "with count = " + count + " makes " + rows + " rows of particles.csv, more than "
                    + MAX_PARTICLE_ROWS + "; give fewer snapshots or particles (count × (snapshots + 1) <= "
                    + MAX_PARTICLE_ROWS + ")");
        }
        long seed = readSeed(p);
        return new ParticleSpec(count, dt, duration, snapshots, seed);
    }

    /** The particle seed: a whole number from 0 to 2^63 − 1. */
    private static long readSeed(Section p) {
        String hint = "the seed of the random generator, a whole number (the same seed gives the same particles), "
                + "e.g. seed = " + PARTICLE_SEED;
        JsonNode v = p.get(SEED);
        if (v == null) {
            return PARTICLE_SEED;
        }
        long seed;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            seed = v.longValue();
        } else if (v.isIntegralNumber()) {
            throw p.fail(SEED, "must be " + KeySchema.rangeOf(p.pathOf(SEED)).text() + "; " + hint);
        } else {
            double x = p.number(SEED, hint, String.valueOf(PARTICLE_SEED));
            if (x != Math.rint(x)) {
                throw p.fail(SEED, "must be a whole number; " + hint);
            }
            if (Math.abs(x) > 9.007199254740992e15) {
                throw p.fail(SEED, "is too large to be exact as a float; write it as an integer without a "
                        + "decimal point or exponent; " + hint);
            }
            seed = (long) x;
        }
        p.checkRange(SEED, seed, hint);
        return seed;
    }

    /**
     * The optional {@code [[schedule]]} tables (absent: none). Each has key
     * ({@link #PERMEABILITY_SCHEDULE}{@code <species>}, {@link #CURRENT_SCHEDULE} or {@link #VOLTAGE_SCHEDULE}),
     * time_s (non-decreasing, s) and value (one per time, in the key's unit). A key may be scheduled once;
     * schedules need a transient run and the clamp or permeability they change.
     */
    private List<Schedule> readSchedules(Section top, List<Species> species, Membrane membrane, Boundary boundary,
                                         RunSpec run) {
        JsonNode array = top.get(SCHEDULE);
        if (array == null) {
            return List.of();
        }
        String needs = "[[schedule]] tables, each with key, time_s and value, e.g. key = \"" + PERMEABILITY_SCHEDULE
                + "Na\", time_s = [0, 1e-3, 1e-3], value = [4e-9, 4e-9, 2e-6]";
        if (!array.isArray()) {
            throw top.fail(SCHEDULE, "expected [[schedule]] tables, got " + ValueText.kind(array) + "; write " + needs);
        }
        List<String> names = new ArrayList<>();
        for (Species sp : species) {
            names.add(sp.name());
        }
        List<Schedule> schedules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = KeyLines.item(SCHEDULE, i + 1);
            JsonNode item = array.get(i);
            if (!item.isObject()) {
                throw diag.error(path, item, "expected a table with key, time_s and value; write " + needs);
            }
            Section s = new Section(item, path, diag);
            String key = scheduleKey(s, names, membrane, boundary);
            if (run.mode() == RunMode.STEADY) {
                throw s.fail(KEY, "schedules act only in transient runs, but [run] mode is \"steady\"; set mode = "
                        + "\"transient\" and end_time_s under [run], or remove the [[schedule]] tables");
            }
            Integer other = seen.putIfAbsent(key, i + 1);
            if (other != null) {
                String at = diag.line(KeyLines.join(KeyLines.item(SCHEDULE, other), KEY)).map(l -> ", line " + l).orElse("");
                throw s.fail(KEY, "already scheduled by [[schedule]] #" + other + at + "; give each key one [[schedule]] "
                        + "table and put all its times in one time_s and value");
            }
            schedules.add(readScheduleTable(s, key));
        }
        return schedules;
    }

    /** A schedule's key: one of the three forms, naming a permeant species or a clamp the boundary has. */
    private String scheduleKey(Section s, List<String> names, Membrane membrane, Boundary boundary) {
        String forms = "a schedule changes " + PERMEABILITY_SCHEDULE + "<species> (species: " + String.join(", ", names)
                + "), " + CURRENT_SCHEDULE + " or " + VOLTAGE_SCHEDULE;
        if (!s.has(KEY)) {
            throw s.missing(KEY, "\"" + PERMEABILITY_SCHEDULE + "Na\" (the parameter that changes; " + forms + ")");
        }
        String key = s.text(KEY, "", forms + ", e.g. key = \"" + PERMEABILITY_SCHEDULE + "Na\"");
        if (key.startsWith(PERMEABILITY_SCHEDULE)) {
            String name = key.substring(PERMEABILITY_SCHEDULE.length());
            int i = names.indexOf(name);
            if (i < 0) {
                List<String> close = DidYouMean.closest(name, names);
                String guess = close.isEmpty() ? "" : "did you mean " + PERMEABILITY_SCHEDULE + close.get(0) + "? ";
                throw s.fail(KEY, "unknown species " + (name.isEmpty() ? "(none after the last dot)" : name) + "; " + guess
                        + "declared species: " + String.join(", ", names) + " (add a [[species]] block for a new ion)");
            }
            if (!membrane.isPermeant(i)) {
                throw s.fail(KEY, name + " is impermeant (no permeability in [membrane]), and a schedule can only change a "
                        + "permeability that is there; give it a permeability in [membrane] permeability_cm_s first, e.g. "
                        + name + " = 1e-9");
            }
        } else if (key.equals(CURRENT_SCHEDULE)) {
            if (boundary.clamp() != ClampKind.CURRENT) {
                throw s.fail(KEY, "needs a current clamp, but boundary.clamp is \"voltage\"; schedule " + VOLTAGE_SCHEDULE
                        + " instead, or set clamp = \"current\" under [boundary]");
            }
            if (boundary.inside() != BoundaryKind.RESERVOIR || boundary.outside() != BoundaryKind.RESERVOIR) {
                String side = boundary.inside() != BoundaryKind.RESERVOIR ? INSIDE : OUTSIDE;
                throw s.fail(KEY, "needs a current clamp at an inside reservoir (the current enters through an electrode there "
                        + "and leaves through one in the outside reservoir), but boundary." + side + " is \"wall\"; set "
                        + "boundary.inside = \"reservoir\" and boundary.outside = \"reservoir\"");
            }
        } else if (key.equals(VOLTAGE_SCHEDULE)) {
            if (boundary.clamp() != ClampKind.VOLTAGE) {
                throw s.fail(KEY, "needs a voltage clamp, but boundary.clamp is \"current\"; set clamp = \"voltage\" and "
                        + "voltage_mV under [boundary] (with reservoirs on both sides), or schedule " + CURRENT_SCHEDULE);
            }
        } else {
            String guess = scheduleKeyGuess(key, names);
            String fixed = KeySchema.ROOT.find(key) != null || isPerSpeciesKey(key)
                    ? "cannot change in time" : "unknown schedule key";
            throw s.fail(KEY, fixed + "; " + (guess.isEmpty() ? "" : guess + " ") + forms);
        }
        return key;
    }

    /** True for a key such as {@code outside.concentrations_mM.K} (a per-species table and a name). */
    private static boolean isPerSpeciesKey(String key) {
        int dot = key.lastIndexOf('.');
        KeySchema parent = dot < 0 ? null : KeySchema.ROOT.find(key.substring(0, dot));
        return parent != null && parent.kind == KeySchema.Kind.SPECIES_TABLE;
    }

    /** "did you mean …?" for a misspelt schedule key: the close forms, else a guess from the words in it, else "". */
    private static String scheduleKeyGuess(String key, List<String> names) {
        List<String> forms = new ArrayList<>();
        for (String n : names) {
            forms.add(PERMEABILITY_SCHEDULE + n);
        }
        forms.add(CURRENT_SCHEDULE);
        forms.add(VOLTAGE_SCHEDULE);
        String close = DidYouMean.phrase(key, forms);
        if (!close.isEmpty()) {
            return close;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.contains("perm")) {
            List<String> species = DidYouMean.closest(key.substring(key.lastIndexOf('.') + 1), names);
            return species.isEmpty() ? "" : "did you mean " + PERMEABILITY_SCHEDULE + species.get(0) + "?";
        } else if (lower.contains("current")) {
            return "did you mean " + CURRENT_SCHEDULE + "?";
        } else if (lower.contains("volt")) {
            return "did you mean " + VOLTAGE_SCHEDULE + "?";
        }
        return "";
    }

    /** time_s and value of one schedule whose key has been checked. */
    private static Schedule readScheduleTable(Section s, String key) {
        boolean permeability = key.startsWith(PERMEABILITY_SCHEDULE);
        String unit = permeability ? "cm/s" : key.equals(CURRENT_SCHEDULE) ? "A/m²" : "mV";
        String example = permeability ? "[4e-9, 4e-9, 2e-6, 2e-6, 4e-9]"
                : key.equals(CURRENT_SCHEDULE) ? "[0, 0, 0.01, 0.01, 0]" : "[-70, -70, 0, 0, -70]";
        String timeHint = "the times in s, non-decreasing (two equal times make a step), e.g. time_s = [0, 1e-3, 1e-3, 2e-3, 2e-3]";
        String valueHint = "one value per time, in " + unit + ", e.g. value = " + example;
        double[] t = numberArray(s, TIME_S, timeHint, "[0, 1e-3, 1e-3, 2e-3, 2e-3] (times in s)",
                KeySchema.rangeOf(s.pathOf(TIME_S)), "a time");
        for (int k = 1; k < t.length; k++) {
            if (t[k] < t[k - 1]) {
                throw s.fail(TIME_S, "times must not decrease, but element " + (k + 1) + " (" + ValueText.number(t[k])
                        + ") is before element " + k + " (" + ValueText.number(t[k - 1]) + "); " + timeHint);
            }
        }
        double[] v = numberArray(s, VALUE, valueHint, example + " (" + unit + ", one per time)",
                KeySchema.rangeOf(key), key);
        if (v.length != t.length) {
            throw s.fail(VALUE, "has " + v.length + (v.length == 1 ? " value" : " values") + " but time_s has " + t.length
                    + (t.length == 1 ? " time" : " times") + "; " + valueHint);
        }
        return new Schedule(key, t, v);
    }

    /**
     * A required, non-empty array of finite numbers, each in {@code range}; {@code what} names an element in
     * messages ("a time", "boundary.voltage_mV").
     */
    private static double[] numberArray(Section s, String key, String hint, String example, ValidRange range,
                                        String what) {
        JsonNode a = s.get(key);
        if (a == null) {
            throw s.missing(key, example);
        }
        if (!a.isArray()) {
            String single = a.isNumber() ? "write a single point as [" + ValueText.of(a) + "]; " : "";
            throw s.fail(key, "expected an array of numbers, got " + ValueText.kind(a) + "; " + single + hint);
        }
        if (a.isEmpty()) {
            throw s.fail(key, "is empty; give at least one number, " + hint);
        }
        double[] out = new double[a.size()];
        for (int k = 0; k < out.length; k++) {
            JsonNode x = a.get(k);
            if (!x.isNumber()) {
                String quoted = x.isTextual() && isNumberText(x.textValue())
                        ? " (write it without quotes: " + x.textValue().strip() + ")" : "";
                throw s.fail(key, "element " + (k + 1) + " is " + ValueText.kind(x) + quoted + ", expected a number; " + hint);
            }
            out[k] = x.doubleValue();
            if (!Double.isFinite(out[k]) || !range.contains(out[k])) {
                throw s.fail(key, "element " + (k + 1) + " is " + ValueText.of(x) + ", but " + what + " must be "
                        + (Double.isFinite(out[k]) ? "" : "a finite number ") + range.text() + "; " + hint);
            }
        }
        return out;
    }

    private static boolean isNumberText(String t) {
        try {
            Double.parseDouble(t.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A table keyed by species name; species left out are 0; values must be in the table's range. */
    private double[] perSpecies(Section parent, String key, List<Species> species, String hint, String example) {
        JsonNode t = parent.get(key);
        if (t == null) {
            throw parent.missing(key, example);
        }
        if (!t.isObject()) {
            throw parent.fail(key, "expected a table of species = value, got " + ValueText.kind(t) + "; e.g. " + key + " = " + example);
        }
        List<String> names = new ArrayList<>();
        for (Species s : species) {
            names.add(s.name());
        }
        Section table = new Section(t, parent.pathOf(key), diag);
        double[] out = new double[species.size()];
        var it = t.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            int i = names.indexOf(name);
            if (i < 0) {
                String guess = DidYouMean.phrase(name, names);
                throw table.fail(name, "unknown species; " + (guess.isEmpty() ? "" : guess + " ")
                        + "declared species: " + String.join(", ", names) + " (add a [[species]] block for a new ion)");
            }
            out[i] = table.number(name, hint, "");
        }
        return out;
    }
}
