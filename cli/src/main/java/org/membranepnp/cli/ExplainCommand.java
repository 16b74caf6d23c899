package org.membranepnp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pnp explain}: the analytic story of a scenario (Nernst, GHK, driving forces, the membrane capacitor,
 * Debye lengths), computed from its bulk concentrations by the engine's analytic classes; no mesh, no solver.
 */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Explains a scenario with the textbook formulas, instantly (no mesh, no solver).",
            "",
            "In order: each ion's Nernst potential; the GHK resting potential and the permeability ratios; "
                    + "the driving force V_m − E, ΔG and the direction of each ion at that V_m; the membrane "
                    + "capacitance, alone and in series with the diffuse layers; the charge that holds V_m and how "
                    + "many ions it takes on a spherical cell; the Debye lengths of the baths."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pnp explain examples/neuron-rest.toml",
            "  pnp explain examples/neuron-rest.toml --cell-radius-um 50",
            "  pnp explain examples/neuron-rest.toml --set membrane.permeability_cm_s.Na=1e-7",
            "  pnp explain examples/nernst-k.toml --json > nernst-k.json"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (TOML).")
    private Path file;

    @Option(names = "--cell-radius-um", paramLabel = "R", defaultValue = "10",
            description = "Radius of the spherical cell for the ion count, µm (default: ${DEFAULT-VALUE}).")
    private double cellRadiusUm;

    @Mixin
    private ScenarioOverrides overrides;

    @Option(names = "--json", description = "Print the values as one JSON object instead of the report.")
    private boolean json;

    @Override
    public Integer call() {
        if (!(cellRadiusUm > 0) || Double.isInfinite(cellRadiusUm)) {
            throw new ParameterException(spec.commandLine(),
                    "--cell-radius-um must be a positive number of µm, got " + cellRadiusUm);
        }
        Scenario scenario = ScenarioLoader.load(file, overrides.values());
        Explanation explanation = Explanation.of(scenario, cellRadiusUm);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ExplainReport.json(explanation).toPrettyString());
        } else {
            ExplainReport.print(out, explanation);
        }
        out.flush();
        return 0;
    }
}
