package org.membranepnp.engine.units;

/** CODATA 2018 exact or recommended values, SI units (see shared/reference/physics.md). */
public final class PhysicalConstants {
    /** Faraday constant F, C/mol. */
    public static final double FARADAY_C_PER_MOL = 96485.33212;
    /** Molar gas constant R, J/(mol K). */
    public static final double GAS_CONSTANT_J_PER_MOL_K = 8.314462618;
    /** Vacuum permittivity ε0, F/m. */
    public static final double VACUUM_PERMITTIVITY_F_PER_M = 8.8541878128e-12;
    /** Elementary charge e, C. */
    public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;
    /** Avogadro constant N_A, 1/mol. */
    public static final double AVOGADRO_PER_MOL = 6.02214076e23;
    /** 0 °C in kelvin. */
    public static final double ZERO_CELSIUS_K = 273.15;

    private PhysicalConstants() {
    }

    /** Thermal voltage V_T = RT/F in volts. */
    public static double thermalVoltageV(double temperatureK) {
        return GAS_CONSTANT_J_PER_MOL_K * temperatureK / FARADAY_C_PER_MOL;
    }

    /** Thermal voltage V_T = RT/F in millivolts. */
    public static double thermalVoltageMv(double temperatureK) {
        return 1e3 * thermalVoltageV(temperatureK);
    }
}
