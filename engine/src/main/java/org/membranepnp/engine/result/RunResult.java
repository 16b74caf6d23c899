package org.membranepnp.engine.result;

import org.membranepnp.engine.model.Scenario;

/**
 * Everything a solver reports about one run; the summary and the result files are computed from this.
 *
 * @param scenario                       the scenario that was run
 * @param profiles                       final field profiles
 * @param timeSeries                     samples of a transient run, or null for a steady state
 * @param membranePotentialMv            V_m = φ(inside bulk) − φ(outside bulk), mV (bulk = far-end node)
 * @param intramembraneDropMv            φ(inside face) − φ(outside face), the drop inside the lipid, mV
 * @param insideBulkMm                   final bulk concentrations of the inside bath (far-end node), mM
 * @param outsideBulkMm                  final bulk concentrations of the outside bath (far-end node), mM
 * @param insideSurfaceMm                final concentrations in the water at the inside membrane face, mM
 * @param outsideSurfaceMm               final concentrations in the water at the outside membrane face, mM
 * @param membraneFluxMolPerM2S          outward flux of each species through the membrane, mol/(m² s)
 * @param separatedChargeCPerM2          net ionic charge per area on the inside of the membrane (inside bath), C/m²
 * @param bulkElectroneutrality          max |Σ z c| / Σ |z| c over nodes farther than 10 Debye lengths from any interface
 * @param conservationError              max relative change of a species' total amount in a closed compartment (NaN if none)
 * @param newtonIterations               total Newton iterations
 * @param lastResidual                   scaled residual norm at the end
 * @param timeSteps                      accepted time steps (0 for a direct steady solve)
 * @param wallTimeS                      wall-clock time of the solve, s
 * @param cells                          number of mesh cells (nodes of the 2-D mesh in 2-D)
 * @param fields                         the 2-D fields, or null for a 1-D run (whose {@code profiles} are then the
 *                                       fields averaged along the membrane)
 * @param discretisationErrorMv          estimated discretisation error of V_m on the mesh used, mV (from the same
 *                                       problem on the nested mesh with every cell halved); NaN if not estimated
 */
public record RunResult(Scenario scenario, Profiles profiles, TimeSeries timeSeries,
                        double membranePotentialMv, double intramembraneDropMv,
                        double[] insideBulkMm, double[] outsideBulkMm,
                        double[] insideSurfaceMm, double[] outsideSurfaceMm,
                        double[] membraneFluxMolPerM2S,
                        double separatedChargeCPerM2, double bulkElectroneutrality,
                        double conservationError, int newtonIterations, double lastResidual,
                        int timeSteps, double wallTimeS, int cells, Fields2D fields,
                        double discretisationErrorMv) {

    /** A run whose discretisation error is not estimated. */
    public RunResult(Scenario scenario, Profiles profiles, TimeSeries timeSeries,
                     double membranePotentialMv, double intramembraneDropMv,
                     double[] insideBulkMm, double[] outsideBulkMm,
                     double[] insideSurfaceMm, double[] outsideSurfaceMm,
                     double[] membraneFluxMolPerM2S,
                     double separatedChargeCPerM2, double bulkElectroneutrality,
                     double conservationError, int newtonIterations, double lastResidual,
                     int timeSteps, double wallTimeS, int cells, Fields2D fields) {
        this(scenario, profiles, timeSeries, membranePotentialMv, intramembraneDropMv, insideBulkMm, outsideBulkMm,
                insideSurfaceMm, outsideSurfaceMm, membraneFluxMolPerM2S, separatedChargeCPerM2, bulkElectroneutrality,
                conservationError, newtonIterations, lastResidual, timeSteps, wallTimeS, cells, fields, Double.NaN);
    }

    /** A 1-D run. */
    public RunResult(Scenario scenario, Profiles profiles, TimeSeries timeSeries,
                     double membranePotentialMv, double intramembraneDropMv,
                     double[] insideBulkMm, double[] outsideBulkMm,
                     double[] insideSurfaceMm, double[] outsideSurfaceMm,
                     double[] membraneFluxMolPerM2S,
                     double separatedChargeCPerM2, double bulkElectroneutrality,
                     double conservationError, int newtonIterations, double lastResidual,
                     int timeSteps, double wallTimeS, int cells) {
        this(scenario, profiles, timeSeries, membranePotentialMv, intramembraneDropMv, insideBulkMm, outsideBulkMm,
                insideSurfaceMm, outsideSurfaceMm, membraneFluxMolPerM2S, separatedChargeCPerM2, bulkElectroneutrality,
                conservationError, newtonIterations, lastResidual, timeSteps, wallTimeS, cells, null);
    }

    /** This result with the discretisation error estimate of V_m (mV) and the solver work of the whole estimate. */
    public RunResult withDiscretisationError(double errorMv, int newtonIterations, int timeSteps, double wallTimeS) {
        return new RunResult(scenario, profiles, timeSeries, membranePotentialMv, intramembraneDropMv, insideBulkMm,
                outsideBulkMm, insideSurfaceMm, outsideSurfaceMm, membraneFluxMolPerM2S, separatedChargeCPerM2,
                bulkElectroneutrality, conservationError, newtonIterations, lastResidual, timeSteps, wallTimeS, cells,
                fields, errorMv);
    }
}
