package org.membranepnp.solver.newton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.membranepnp.solver.fv.EquationKind;

/**
 * The damped update on small hand-made states laid out as (ψ̂, ĉ_1 … ĉ_s) per node: λ from the formula
 * min(1, 0.9 c/|δc| over free concentrations whose full step would reach zero or below, MAX_POTENTIAL_STEP/max|δψ|),
 * and the scaled norm max(|λδψ|, |λδc|/max(|c_new|, floor)) with round-off negatives set to 0.
 */
class NewtonStepTest {
    private static final double EXACT = 0.0;
    private static final double ULP = 1e-15;

    private static EquationKind[] balance(int size) {
        EquationKind[] kind = new EquationKind[size];
        Arrays.fill(kind, EquationKind.BALANCE);
        return kind;
    }

    /** A small update that keeps every concentration positive and ψ within the limit is taken whole: λ = 1. */
    @Test
    void aHarmlessUpdateIsNotDamped() {
        double[] u = {0.0, 1.0, 2.0, 0.5, 1.0, 2.0};
        double[] du = {-7.9, -0.99, 1.0, 7.9, -0.5, -1.9};
        assertEquals(1.0, NewtonStep.damping(u, du, balance(6), 2, 3), EXACT);
    }

    /** A concentration that the full step would take below zero stops at 0.1 of its value: λ = 0.9 c/|δc|. */
    @Test
    void aConcentrationGoesAtMostNineTenthsOfTheWayToZero() {
        double[] u = {0.0, 2.0, 1.0};
        double[] du = {0.0, -4.0, 0.0};
        double lambda = NewtonStep.damping(u, du, balance(3), 1, 3);
        assertEquals(0.45, lambda, ULP);
        NewtonStep.apply(u, du, lambda, 1, 3);
        assertEquals(0.1 * 2.0, u[1], ULP);
    }

    /** A full step that would land a concentration exactly on zero is damped too: it must stay positive. */
    @Test
    void aStepOntoZeroIsDamped() {
        double[] u = {0.0, 3.0};
        double[] du = {0.0, -3.0};
        double lambda = NewtonStep.damping(u, du, balance(2), 1, 2);
        assertEquals(0.9, lambda, ULP);
        NewtonStep.apply(u, du, lambda, 1, 2);
        assertEquals(0.3, u[1], ULP);
    }

    /** The most restrictive concentration decides, whatever node or species it is (min over all, not first or last). */
    @Test
    void theMostRestrictiveConcentrationDecides() {
        // ratios 0.9 c/|δc|: node 0 species 1 → 0.9, node 1 species 2 → 0.09, node 2 species 1 → 0.45
        double[] u = {0.0, 1.0, 5.0, 0.0, 4.0, 0.1, 0.0, 1.0, 3.0};
        double[] du = {0.0, -1.0, 1.0, 0.0, -1.0, -1.0, 0.0, -2.0, 0.0};
        assertEquals(0.09, NewtonStep.damping(u, du, balance(9), 3, 3), ULP);
    }

    /** A concentration already at zero does not stall the step (0.9·0/|δc| would give λ = 0); apply keeps it at 0. */
    @Test
    void aZeroConcentrationPushedDownDoesNotLimitTheStep() {
        double[] u = {0.0, 0.0, 1.0};
        double[] du = {0.0, -1.0, -0.5};
        double lambda = NewtonStep.damping(u, du, balance(3), 1, 3);
        assertEquals(1.0, lambda, EXACT);
        NewtonStep.apply(u, du, lambda, 1, 3);
        assertEquals(0.0, u[1], EXACT);
        assertEquals(0.5, u[2], EXACT);
    }

    /** Rows whose equation is INACTIVE (ĉ = 0 imposed) are not free concentrations and never limit λ. */
    @Test
    void inactiveRowsDoNotLimitTheStep() {
        double[] u = {0.0, 1.0, 1.0, 0.0, 1.0, 1.0};
        double[] du = {0.0, -10.0, 0.0, 0.0, -2.0, 0.0};
        EquationKind[] kind = balance(6);
        kind[1] = EquationKind.INACTIVE;
        // only node 1's species 1 counts: 0.9·1/2
        assertEquals(0.45, NewtonStep.damping(u, du, kind, 2, 3), ULP);
        kind[4] = EquationKind.INACTIVE;
        assertEquals(1.0, NewtonStep.damping(u, du, kind, 2, 3), EXACT);
    }

    /** No potential moves by more than MAX_POTENTIAL_STEP thermal voltages: λ = 8/max|δψ| over all nodes, either sign. */
    @Test
    void thePotentialStepIsLimited() {
        double[] u = new double[6];
        Arrays.fill(u, 1.0);
        double[] du = {4.0, 0.0, 0.0, -20.0, 0.0, 0.0};
        assertEquals(NewtonSolver.MAX_POTENTIAL_STEP / 20.0, NewtonStep.damping(u, du, balance(6), 2, 3), ULP);
        double[] up = {20.0, 0.0, 0.0, -4.0, 0.0, 0.0};
        assertEquals(NewtonSolver.MAX_POTENTIAL_STEP / 20.0, NewtonStep.damping(u, up, balance(6), 2, 3), ULP);
        // exactly at the limit: a whole step
        double[] atLimit = {0.0, 0.0, 0.0, NewtonSolver.MAX_POTENTIAL_STEP, 0.0, 0.0};
        assertEquals(1.0, NewtonStep.damping(u, atLimit, balance(6), 2, 3), EXACT);
        // a concentration on the ψ slot of the layout is not a potential: m = 2, the potential is index 0 and 2
        double[] m2 = {1.0, 1.0, 1.0, 1.0};
        double[] dm2 = {0.0, 30.0, 0.0, 30.0};
        assertEquals(1.0, NewtonStep.damping(m2, dm2, balance(4), 2, 2), EXACT);
    }

    /**
     * Both limits together: the potential is limited after the concentration damping, i.e. only if λ_c·max|δψ| still
     * exceeds the limit.
     */
    @Test
    void thePotentialLimitAppliesToTheAlreadyDampedStep() {
        double[] u = {0.0, 2.0};
        // λ_c = 0.45; 0.45 · 10 = 4.5 < 8: stays 0.45
        assertEquals(0.45, NewtonStep.damping(u, new double[] {10.0, -4.0}, balance(2), 1, 2), ULP);
        // 0.45 · 20 = 9 > 8: 8/20
        assertEquals(0.4, NewtonStep.damping(u, new double[] {-20.0, -4.0}, balance(2), 1, 2), ULP);
    }

    /** u += λδ on every entry; the norm is max(|λδψ|, |λδc|/max(|c_new|, floor)) over all nodes. */
    @Test
    void applyAddsTheDampedUpdateAndReturnsTheScaledNorm() {
        double[] u = {1.0, 2.0, 1e-10, -3.0, 4.0, 1.0};
        double[] du = {0.3, -1.0, 1e-10, 0.1, 2.0, 0.5};
        double lambda = 0.5;
        double norm = NewtonStep.apply(u, du, lambda, 2, 3);
        assertArrayEquals(new double[] {1.15, 1.5, 1.5e-10, -2.95, 5.0, 1.25}, u, ULP);
        // candidates: 0.15, 0.5/1.5, 0.5e-10/1e-8 (floor), 0.05, 1/5, 0.25/1.25
        assertEquals(0.5 / 1.5, norm, ULP);
        // the potential wins when it is largest, wherever it is
        double[] v = {0.0, 1.0, 0.0, 1.0};
        assertEquals(0.7, NewtonStep.apply(v, new double[] {0.1, 0.1, -0.7, 0.0}, 1.0, 2, 2), ULP);
        assertArrayEquals(new double[] {0.1, 1.1, -0.7, 1.0}, v, ULP);
    }

    /** A tiny concentration is measured against the floor 1e-8, not its own size: |δc|/1e-8. */
    @Test
    void smallConcentrationsAreMeasuredAgainstTheFloor() {
        double[] u = {0.0, 2e-10};
        double norm = NewtonStep.apply(u, new double[] {0.0, 1e-10}, 1.0, 1, 2);
        assertEquals(1e-10 / NewtonStep.CONCENTRATION_FLOOR, norm, 1e-12);
        assertEquals(3e-10, u[1], 1e-25);
        // above the floor its own size counts: 1e-6 / 2e-6
        double[] w = {0.0, 1e-6};
        assertEquals(0.5, NewtonStep.apply(w, new double[] {0.0, 1e-6}, 1.0, 1, 2), ULP);
    }

    /** A concentration that round-off takes below zero is set to 0 and its change is measured against the floor. */
    @Test
    void roundOffNegativesAreClampedToZero() {
        double[] u = {0.0, 1.0, 1.0};
        double[] du = {0.0, -1.0 - 1e-12, -0.25};
        double norm = NewtonStep.apply(u, du, 1.0, 1, 3);
        assertEquals(0.0, u[1], EXACT);
        assertEquals(0.75, u[2], EXACT);
        assertEquals((1.0 + 1e-12) / NewtonStep.CONCENTRATION_FLOOR, norm, 1e-6);
        // a potential is never clamped
        double[] p = {0.5, 1.0};
        NewtonStep.apply(p, new double[] {-2.0, 0.0}, 1.0, 1, 2);
        assertEquals(-1.5, p[0], EXACT);
    }

    /** An undamped update strictly below tol converges; exactly tol does not; a damped one never does. */
    @Test
    void anUndampedUpdateBelowTheToleranceConverges() {
        assertEquals("converged", NewtonStep.acceptance(1.0, 0.99e-8, Double.POSITIVE_INFINITY, 1e-8));
        assertEquals(null, NewtonStep.acceptance(1.0, 1e-8, Double.POSITIVE_INFINITY, 1e-8));
        assertEquals(null, NewtonStep.acceptance(Math.nextDown(1.0), 1e-12, Double.POSITIVE_INFINITY, 1e-8));
        assertEquals(null, NewtonStep.acceptance(Math.nextDown(1.0), 1e-5, 1e-5, 1e-8));
    }

    /**
     * Round-off acceptance: an undamped update below ROUNDOFF_ACCEPTANCE·tol that is more than a quarter
     * of the previous one is accepted; at exactly 1e4·tol or exactly a quarter it is not.
     */
    @Test
    void aStalledUpdateBelowTenThousandTolerancesIsAcceptedAsRoundOff() {
        double tol = 1e-10;
        double limit = NewtonSolver.ROUNDOFF_ACCEPTANCE * tol;
        assertEquals(1e-6, limit, 1e-21);
        assertEquals("converged to round-off", NewtonStep.acceptance(1.0, 0.5e-6, 1e-6, tol));
        assertEquals("converged to round-off", NewtonStep.acceptance(1.0, 0.5e-6, 0.5e-6, tol));
        // still shrinking fast (to a quarter or less): wait for the next iteration
        assertEquals(null, NewtonStep.acceptance(1.0, 0.25e-6, 1e-6, tol));
        assertEquals(null, NewtonStep.acceptance(1.0, 0.2e-6, 1e-6, tol));
        // at or above the acceptance limit
        assertEquals(null, NewtonStep.acceptance(1.0, limit, limit, tol));
        assertEquals(null, NewtonStep.acceptance(1.0, 2e-6, 2e-6, tol));
        // no previous undamped update: never on the first
        assertEquals(null, NewtonStep.acceptance(1.0, 0.5e-6, Double.POSITIVE_INFINITY, tol));
        // damped
        assertEquals(null, NewtonStep.acceptance(0.5, 0.5e-6, 1e-6, tol));
    }

    /** λ = MIN_DAMPING itself is still a step; the next smaller double, 0 and NaN are not. */
    @Test
    void theMinimumDampingIsTheSmallestAcceptedStep() {
        assertEquals(false, NewtonStep.stuck(NewtonSolver.MIN_DAMPING));
        assertEquals(false, NewtonStep.stuck(1.0));
        assertEquals(true, NewtonStep.stuck(Math.nextDown(NewtonSolver.MIN_DAMPING)));
        assertEquals(true, NewtonStep.stuck(0.0));
        assertEquals(true, NewtonStep.stuck(Double.NaN));
    }
}
