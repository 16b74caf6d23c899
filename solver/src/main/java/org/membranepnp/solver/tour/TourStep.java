package org.membranepnp.solver.tour;

/**
 * One step of the guided tour: a textbook claim, its analytic value and the simulated one.
 *
 * @param chapter   which part of the story (1 … 7)
 * @param title     short title of the chapter
 * @param claim     the claim, in words
 * @param analytic  the analytic value
 * @param simulated the simulated value
 * @param unit      their unit
 * @param tolerance the largest |simulated − analytic| that keeps the claim, in {@code unit}
 * @param note      how each was obtained
 * @param result    the simulation behind the step (for its result files and figures)
 */
public record TourStep(int chapter, String title, String claim, double analytic, double simulated, String unit,
                       double tolerance, String note, org.membranepnp.engine.result.RunResult result) {
    /** True if the simulation keeps the claim within the tolerance. */
    public boolean agrees() {
        return Math.abs(simulated - analytic) <= tolerance;
    }

    /** simulated − analytic. */
    public double difference() {
        return simulated - analytic;
    }
}
