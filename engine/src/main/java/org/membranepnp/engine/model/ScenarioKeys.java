package org.membranepnp.engine.model;

/**
 * The table names and keys of the scenario format (TOML), each written once here: a public contract, so never
 * renamed. Where each may appear, and the range of each number, is declared in the engine's {@code KeySchema};
 * a constant names the key exactly ({@code THICKNESS_NM = "thickness_nm"}). A key used in several tables has one
 * constant.
 */
public final class ScenarioKeys {
    // top level
    public static final String TITLE = "title";
    public static final String DIMENSION = "dimension";
    public static final String TEMPERATURE_K = "temperature_K";
    public static final String TEMPERATURE_C = "temperature_C";

    /** The {@code [[species]]} tables, one per ion. */
    public static final String SPECIES = "species";
    /** A species' name, or a pore's label in {@code [[channel]]}. */
    public static final String NAME = "name";
    /** A species' valence z. */
    public static final String CHARGE = "charge";
    public static final String DIFFUSION_M2_S = "diffusion_m2_s";

    /**
     * The inside bath's table; also a key of {@code [membrane.surface_charge_C_m2]} (the inside face) and of
     * {@code [boundary]} (the inside end).
     */
    public static final String INSIDE = "inside";
    /** The outside bath's table, and the outside face or end as {@link #INSIDE} is the inside one. */
    public static final String OUTSIDE = "outside";
    /** A bath's width. */
    public static final String WIDTH_UM = "width_um";
    /** The relative permittivity of a bath, the membrane's lipid core or a pore. */
    public static final String PERMITTIVITY = "permittivity";
    /** A bath's table of species concentrations. */
    public static final String CONCENTRATIONS_MM = "concentrations_mM";

    public static final String MEMBRANE = "membrane";
    public static final String THICKNESS_NM = "thickness_nm";
    /** The table of species permeabilities, of the membrane or of a pore. */
    public static final String PERMEABILITY_CM_S = "permeability_cm_s";
    /** The membrane's table of fixed charge densities on its {@link #INSIDE} and {@link #OUTSIDE} faces. */
    public static final String SURFACE_CHARGE_C_M2 = "surface_charge_C_m2";
    /** The fraction of the surface concentration that enters the lipid. */
    public static final String PARTITION_COEFFICIENT = "partition_coefficient";

    /** The Na⁺/K⁺ pump's table. */
    public static final String PUMP = "pump";
    public static final String TURNOVER_PER_S_UM2 = "turnover_per_s_um2";
    /** The pump's outward current at full rate, or the clamp current in {@code [boundary]}. */
    public static final String CURRENT_A_M2 = "current_A_m2";
    /** Whether the pump rate follows Michaelis–Menten kinetics. */
    public static final String SATURATING = "saturating";
    public static final String KM_K_OUT_MM = "km_K_out_mM";
    public static final String KM_NA_IN_MM = "km_Na_in_mM";
    /** The name of the species the pump moves out. */
    public static final String SODIUM = "sodium";
    /** The name of the species the pump moves in. */
    public static final String POTASSIUM = "potassium";

    public static final String BOUNDARY = "boundary";
    /** The clamp kind, current or voltage. */
    public static final String CLAMP = "clamp";
    public static final String VOLTAGE_MV = "voltage_mV";

    public static final String MESH = "mesh";
    public static final String CELLS = "cells";
    public static final String TOLERANCE_MV = "tolerance_mV";

    public static final String RUN = "run";
    /** Steady or transient. */
    public static final String MODE = "mode";
    public static final String END_TIME_S = "end_time_s";
    public static final String RELATIVE_TOLERANCE = "relative_tolerance";

    /** The {@code [[schedule]]} tables, each a parameter that changes in time. */
    public static final String SCHEDULE = "schedule";
    /** The dotted key a schedule changes (see {@link Schedule#VALID_KEYS}). */
    public static final String KEY = "key";
    public static final String TIME_S = "time_s";
    /** A schedule's values, one per time. */
    public static final String VALUE = "value";

    /** The 2-D slab's table. */
    public static final String LATERAL = "lateral";
    public static final String HEIGHT_NM = "height_nm";
    /** Planar or axisymmetric. */
    public static final String GEOMETRY = "geometry";
    /** The {@code [[channel]]} tables, one per pore. */
    public static final String CHANNEL = "channel";
    public static final String CENTER_NM = "center_nm";
    public static final String WIDTH_NM = "width_nm";
    public static final String FIXED_CHARGE_MM = "fixed_charge_mM";
    /** The {@code [[surface_patch]]} tables, charged stretches of a membrane face. */
    public static final String SURFACE_PATCH = "surface_patch";
    /** The membrane face a patch lies on. */
    public static final String SIDE = "side";
    public static final String FROM_NM = "from_nm";
    public static final String TO_NM = "to_nm";
    /** A patch's charge density. */
    public static final String CHARGE_C_M2 = "charge_C_m2";

    /** The table of the particle tracer. */
    public static final String PARTICLES = "particles";
    public static final String COUNT = "count";
    public static final String TIME_STEP_S = "time_step_s";
    public static final String DURATION_S = "duration_s";
    public static final String SNAPSHOTS = "snapshots";
    public static final String SEED = "seed";

    private ScenarioKeys() {
    }
}
