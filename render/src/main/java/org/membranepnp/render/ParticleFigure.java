package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.membranepnp.engine.model.ParticleSpec;
import org.membranepnp.engine.result.AtomicFiles;
import org.membranepnp.engine.result.FieldFiles;
import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.ParticleFiles;
import org.membranepnp.engine.result.ParticleSnapshots;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;

/**
 * The particles of a run folder ({@code particles.csv}) over its potential: the 1-D profile of φ extended over the
 * particle domain's height as a field map (diverging map centred on 0 mV, contour lines, the membrane outlined, x
 * widened about the membrane in a micrometre domain) with each particle a point in its species' colour. Writes
 * {@code particles.png} (the last snapshot) and {@code particles.gif} (every snapshot, at most
 * {@value #MAX_GIF_FRAMES} evenly spread, at {@link ChargingAnimation#FRAME_SCALE} of the figure size).
 */
final class ParticleFigure {
    static final String PNG = "particles.png";
    static final String GIF = "particles.gif";
    static final int MAX_GIF_FRAMES = 40;
    static final int FRAME_DELAY_MS = 150;
    static final int LAST_FRAME_DELAY_MS = 2000;

    private ParticleFigure() {
    }

    /** True if {@code dir} holds particle snapshots. */
    static boolean present(Path dir) {
        return ParticleFiles.present(dir);
    }

    /**
     * Draws {@code dir/particles.png} and {@code dir/particles.gif}.
     *
     * @return the files written
     * @throws org.membranepnp.engine.UserInputException with one line if a result file is missing or malformed
     */
    static List<Path> write(Path dir, RenderOptions options) {
        NamedProfiles profiles = ResultReader.profiles(dir);
        JsonNode summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        ParticleSnapshots particles = ParticleFiles.read(dir);
        Fields2D fields = FieldFiles.present(dir) ? FieldFiles.read(dir) : null;
        List<Path> written = new ArrayList<>();
        int last = particles.snapshotCount() - 1;
        FieldMapFigure f = draw(fields, profiles, summary, particles, last, options.style());
        written.add(PngFiles.write(dir, PNG, FigureRenderer.render(f.scene())));
        FigureStyle frameStyle = ChargingAnimation.frameStyle(options);
        List<BufferedImage> frames = new ArrayList<>();
        for (int k : gifSnapshots(particles.snapshotCount())) {
            frames.add(FigureRenderer.render(draw(fields, profiles, summary, particles, k, frameStyle).scene()));
        }
        written.add(AtomicFiles.write(dir, GIF, ChargingAnimation.gif(frames, FRAME_DELAY_MS, LAST_FRAME_DELAY_MS)));
        return written;
    }

    /** The snapshots the GIF shows: all, or {@value #MAX_GIF_FRAMES} evenly spread with the first and the last. */
    static int[] gifSnapshots(int count) {
        int n = Math.min(count, MAX_GIF_FRAMES);
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = n == 1 ? count - 1 : (int) Math.round((double) i * (count - 1) / (n - 1));
        }
        return k;
    }

    /** The field map of φ (of the 2-D fields where there are some) with the particles of snapshot {@code k} on it. */
    static FieldMapFigure draw(Fields2D fields, NamedProfiles named, JsonNode summary, ParticleSnapshots particles,
                               int k, FigureStyle style) {
        FieldMap map = fields == null ? map(named.profiles(), summary, particles, k) : map(fields, summary, particles, k);
        FieldMapFigure f = FieldMapFigure.of(map, style);
        ParticleOverlay.draw(f, layers(particles, k, summary), style);
        return f;
    }

    /** The particle domain's height: the 1-D height, or more if a particle lies higher. */
    static double heightNm(ParticleSnapshots particles) {
        double h = ParticleSpec.HEIGHT_1D_NM;
        for (double[] y : particles.yNm()) {
            for (double v : y) {
                h = Math.max(h, v);
            }
        }
        return h;
    }

    /** φ(x) over the nodes of the profile × {0, height}, the membrane between its face nodes. */
    static FieldMap map(Profiles p, JsonNode summary, ParticleSnapshots particles, int k) {
        int n = p.nodeCount();
        double[][] phi = new double[n][2];
        for (int i = 0; i < n; i++) {
            phi[i][0] = p.potentialMv()[i];
            phi[i][1] = p.potentialMv()[i];
        }
        String title = ProfileFigure.title(summary) + ": " + particles.particleCount() + " ions, "
                + ChargingAnimation.time(particles.timeS()[k]);
        return new FieldMap(title, "potential φ", "mV", p.xNm(), new double[] {0, heightNm(particles)}, phi, phi,
                p.xNm()[p.membraneStartNode()], p.xNm()[p.membraneEndNode()], List.of(), true, true);
    }

    /** φ of a 2-D run with its pores, the title as for 1-D. */
    static FieldMap map(Fields2D f, JsonNode summary, ParticleSnapshots particles, int k) {
        FieldMap phi = FieldFigures.maps(f, "").get(1);
        String title = ProfileFigure.title(summary) + ": " + particles.particleCount() + " ions, "
                + ChargingAnimation.time(particles.timeS()[k]);
        return new FieldMap(title, "potential φ", "mV", phi.xNm(), phi.yNm(), phi.values(), phi.contourField(),
                phi.membraneX0Nm(), phi.membraneX1Nm(), phi.channels(), true, true);
    }

    /** One layer per species with particles, in the file's species order, coloured as in every figure. */
    static List<ParticleLayer> layers(ParticleSnapshots particles, int k, JsonNode summary) {
        SpeciesColors colors = new SpeciesColors(particles.species());
        List<ParticleLayer> out = new ArrayList<>();
        for (int i = 0; i < particles.species().size(); i++) {
            int n = particles.count(i);
            if (n == 0) {
                continue;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            int[] species = particles.speciesIndex();
            for (int p = 0, j = 0; p < species.length; p++) {
                if (species[p] == i) {
                    x[j] = particles.xNm()[k][p];
                    y[j] = particles.yNm()[k][p];
                    j++;
                }
            }
            String name = particles.species().get(i);
            out.add(new ParticleLayer(SpeciesLabels.of(summary, name) + " (" + n + ")", colors.rgb(name), x, y));
        }
        return out;
    }
}
