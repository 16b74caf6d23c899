package org.membranepnp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.render.Figures;
import org.membranepnp.render.RenderOptions;
import org.membranepnp.solver.tour.PhysicsTour;
import org.membranepnp.solver.tour.TourStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pnp tour}: the guided tour of how a cell builds and keeps its voltage — each step's claim, the analytic
 * value, the simulated one and their difference.
 */
@Command(name = "tour",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {"A guided tour of the physics, each claim simulated and compared with its analytic value:",
            "Nernst (per ion, with temperature and valence), driving forces, the GHK resting potential, the ions "
                    + "that charge the membrane, the charge layer, the Na+/K+ pump, the sodium surge."},
        footerHeading = "%nExamples:%n",
        footer = {"  pnp tour", "  pnp tour --json > tour.json", "  xvfb-run -a pnp tour --render tour-figures"})
final class TourCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the steps as a JSON list instead of the story.")
    private boolean json;

    @Option(names = "--render", paramLabel = "DIR",
            description = "Also write each step's results and figures into DIR/NN-<step>/ (needs an X display; "
                    + "DIR must not exist or be empty, unless --force).")
    private Path renderDir;

    @Option(names = {"-f", "--force"}, description = "With --render: overwrite the files in an existing DIR.")
    private boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (renderDir != null) {
            ResultWriter.checkOutputFolder(renderDir, force);
            Figures.requireDisplay(); // before the simulations, not after
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int[] chapter = {0};
        List<TourStep> steps = PhysicsTour.run(s -> {
            if (json) {
                rows.add(row(s));
                return;
            }
            if (s.chapter() != chapter[0]) {
                chapter[0] = s.chapter();
                out.printf(Locale.ROOT, "%n%d. %s%n", s.chapter(), chapterTitle(s));
            }
            out.printf(Locale.ROOT, "  %s%n", s.claim());
            out.printf(Locale.ROOT, "    analytic %s %s   simulated %s %s   difference %s %s   %s%n",
                    Fmt.num(s.analytic(), 6), s.unit(), Fmt.num(s.simulated(), 6), s.unit(),
                    Fmt.num(s.difference(), 2), s.unit(), s.agrees() ? "agrees" : "DISAGREES");
            out.printf(Locale.ROOT, "    (%s)%n", s.note());
            out.flush();
        });
        if (renderDir != null) {
            for (int k = 0; k < steps.size(); k++) {
                TourStep s = steps.get(k);
                Path dir = renderDir.resolve(String.format(Locale.ROOT, "%02d-%s", k + 1, slug(s.title())));
                ResultWriter.writeAll(dir, s.result(), Map.of("tour_step", s.title(), "claim", s.claim()), true);
                List<Path> figures = Figures.render(dir, RenderOptions.defaults());
                if (!json) {
                    out.printf(Locale.ROOT, "  %-44s %s%n", s.title(), figures.isEmpty() ? dir : figures.get(0));
                }
            }
        }
        long agreeing = steps.stream().filter(TourStep::agrees).count();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            out.printf(Locale.ROOT, "%n%d of %d claims agree with the simulation.%n", agreeing, steps.size());
        }
        out.flush();
        return agreeing == steps.size() ? 0 : 1;
    }

    /** "Nernst potential of K+" → "nernst-potential-of-k". */
    static String slug(String title) {
        String t = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return t.length() > 40 ? t.substring(0, 40).replaceAll("-$", "") : t;
    }

    private static String chapterTitle(TourStep s) {
        return switch (s.chapter()) {
            case 1 -> "Equilibrium: the Nernst potential";
            case 2 -> "Driving forces at rest";
            case 3 -> "The resting potential";
            case 4 -> "The membrane is a capacitor";
            case 5 -> "Where the charge sits";
            case 6 -> "The Na+/K+ pump";
            case 7 -> "The sodium surge";
            case 8 -> "One channel charges the whole membrane (2-D)";
            default -> s.title();
        };
    }

    private static Map<String, Object> row(TourStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chapter", s.chapter());
        m.put("title", s.title());
        m.put("claim", s.claim());
        m.put("analytic", s.analytic());
        m.put("simulated", s.simulated());
        m.put("difference", s.difference());
        m.put("unit", s.unit());
        m.put("tolerance", s.tolerance());
        m.put("agrees", s.agrees());
        m.put("note", s.note());
        return m;
    }
}
