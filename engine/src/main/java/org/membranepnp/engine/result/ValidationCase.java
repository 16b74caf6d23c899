package org.membranepnp.engine.result;

/**
 * One line of the validation table: a simulated value against an analytic or independent reference.
 *
 * @param name       what is checked
 * @param expected   the reference value
 * @param actual     the simulated value
 * @param unit       unit of both values
 * @param tolerance  allowed |actual − expected| (in {@code unit}, or relative where the name says so)
 * @param pass       whether the check passed
 * @param note       a short explanation (may be empty)
 */
public record ValidationCase(String name, double expected, double actual, String unit, double tolerance,
                             boolean pass, String note) {
}
