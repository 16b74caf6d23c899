package org.membranepnp.solver;

import java.util.Arrays;
import org.membranepnp.engine.result.TimeSeries;
import org.membranepnp.engine.units.PhysicalConstants;
import org.membranepnp.solver.fv.PnpAssembler;
import org.membranepnp.solver.fv.PnpModel;

/** Collects V_m and the membrane current of each species at accepted time steps, in growable primitive arrays. */
final class TimeSeriesRecorder {
    private final PnpModel model;
    private final PnpAssembler assembler;
    private final int[] membraneEdges;
    private double[] time = new double[256];
    private double[] vm = new double[256];
    private double[][] current;
    private int size;

    /** Records states of {@code model}, with their currents through the middle of the membrane. */
    TimeSeriesRecorder(PnpModel model, PnpAssembler assembler) {
        this.model = model;
        this.assembler = assembler;
        this.membraneEdges = model.midMembraneEdges();
        this.current = new double[model.s][256];
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** One sample at dimensionless time {@code timeNd}: V_m and the outward membrane current density of each species (A/m²). */
    void record(double timeNd, double[] u) {
        grow();
        time[size] = timeNd * model.scales.timeS;
        vm[size] = model.scales.potentialToMv(u[0] - u[(model.nx - 1) * model.m]);
        assembler.evaluateFluxes(u);
        double fluxScale = model.scales.fluxMolPerM2S() * PhysicalConstants.FARADAY_C_PER_MOL / model.membraneArea;
        for (int i = 0; i < model.s; i++) {
            current[i][size] = model.z[i] * fluxScale * assembler.speciesFlux(membraneEdges, i);
        }
        size++;
    }

    private void grow() {
        if (size == time.length) {
            time = Arrays.copyOf(time, 2 * size);
            vm = Arrays.copyOf(vm, 2 * size);
            for (int i = 0; i < current.length; i++) {
                current[i] = Arrays.copyOf(current[i], 2 * size);
            }
        }
    }

    /** Replaces the samples by those of {@code series}. */
    void restore(TimeSeries series) {
        int n = series.sampleCount();
        time = Arrays.copyOf(series.timeS(), Math.max(256, 2 * n));
        vm = Arrays.copyOf(series.membranePotentialMv(), time.length);
        for (int i = 0; i < current.length; i++) {
            current[i] = Arrays.copyOf(series.currentsAPerM2()[i], time.length);
        }
        size = n;
    }

    TimeSeries build() {
        double[][] c = new double[current.length][];
        for (int i = 0; i < current.length; i++) {
            c[i] = Arrays.copyOf(current[i], size);
        }
        return new TimeSeries(Arrays.copyOf(time, size), Arrays.copyOf(vm, size), c);
    }
}
