package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.model.RunSpec;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;

/**
 * The charging animation of a synthetic transient with four snapshots whose Debye layers grow from nothing to the
 * final profile (runs under Xvfb: xvfb-run -a mvn test).
 */
class ChargingAnimationTest {
    static final double[] GROWTH = {0, 0.3, 0.6, 1};
    static final double[] TIMES = {0, 1e-9, 1e-8, 1e-6};
    static final double[] VMS = {0, -20, -45, -60};

    @TempDir
    static Path dir;
    static List<Path> written;
    static List<ChargingAnimation.Drawn> drawn;
    static List<BufferedImage> frames = new ArrayList<>();

    @BeforeAll
    static void render() throws IOException {
        SyntheticResults.writeRun(dir, true);
        writeSnapshots(dir);
        Files.createDirectories(dir.resolve("frames"));
        Files.writeString(dir.resolve("frames/frame-0009.png"), "left from a longer run");
        written = Figures.render(dir, RenderOptions.defaults());
        JsonNode summary = ResultWriter.readSummary(dir.resolve("summary.json"));
        drawn = ChargingAnimation.draw(ChargingAnimation.read(dir), summary,
                ChargingAnimation.frameStyle(RenderOptions.defaults()), false);
        for (int i = 1; i <= GROWTH.length; i++) {
            frames.add(ImageIO.read(dir.resolve("frames").resolve(ChargingAnimation.frameName(i)).toFile()));
        }
    }

    /** Snapshots on the run's mesh: the final layers scaled by GROWTH (0: flat baths, no charge). */
    static void writeSnapshots(Path run) throws IOException {
        Path snaps = Files.createDirectories(run.resolve("snapshots"));
        Profiles p = ResultReader.profiles(run).profiles();
        int n = p.nodeCount();
        int a = p.membraneStartNode();
        int b = p.membraneEndNode();
        StringBuilder index = new StringBuilder("frame,time_s,membrane_potential_mV,file\n");
        for (int f = 0; f < GROWTH.length; f++) {
            double s = GROWTH[f];
            double[] phi = new double[n];
            double[] rho = new double[n];
            double[][] c = new double[p.concentrationsMm().length][n];
            for (int k = 0; k < n; k++) {
                phi[k] = s * p.potentialMv()[k];
                rho[k] = s * p.chargeDensityCPerM3()[k];
                for (int i = 0; i < c.length; i++) {
                    double[] ci = p.concentrationsMm()[i];
                    double bulk = k <= a ? ci[0] : ci[n - 1];
                    c[i][k] = k > a && k < b ? ci[k] : bulk + s * (ci[k] - bulk);
                }
            }
            String name = String.format(Locale.ROOT, "profile-%04d.csv", f + 1);
            Files.writeString(snaps.resolve(name), ResultWriter.profilesCsv(
                    SyntheticResults.scenario(RunSpec.steady()).species(), new Profiles(p.xNm(), phi, c, rho, a, b)));
            index.append(f + 1).append(',').append(TIMES[f]).append(',').append(VMS[f]).append(',').append(name)
                    .append('\n');
        }
        Files.writeString(snaps.resolve("index.csv"), index.toString());
    }

    @Test
    void writesOneFramePerSnapshotAndTheGif() {
        for (int i = 1; i <= GROWTH.length; i++) {
            Path f = dir.resolve("frames").resolve(ChargingAnimation.frameName(i));
            assertTrue(Files.isRegularFile(f), f.toString());
            assertTrue(written.contains(f), "listed: " + f);
        }
        assertTrue(written.contains(dir.resolve("charging.gif")));
        assertTrue(written.contains(dir.resolve("profile.png")));
        assertTrue(!Files.exists(dir.resolve("frames/frame-0009.png")), "a stale frame is removed");
        assertEquals(960, frames.get(0).getWidth());
        assertEquals(600, frames.get(0).getHeight());
    }

    @Test
    void gifHasEveryFrameLoopsAndHoldsTheLast() throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("charging.gif").toFile())) {
            reader.setInput(in);
            assertEquals(GROWTH.length, reader.getNumImages(true));
            String format = "javax_imageio_gif_image_1.0";
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(format);
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertTrue(app != null, "the loop extension");
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertEquals("2.0", app.getAttribute("authenticationCode"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(1, loop[0]);
            assertEquals(0, loop[1] | loop[2], "loops for ever");
            int d0 = delay(first);
            int dLast = delay((IIOMetadataNode) reader.getImageMetadata(GROWTH.length - 1).getAsTree(format));
            assertTrue(d0 >= 15 && d0 <= 30, "frame delay " + d0 + " cs");
            assertTrue(dLast > d0, "the last frame is held longer: " + dLast + " cs");
            BufferedImage g = reader.read(GROWTH.length - 1);
            assertEquals(960, g.getWidth());
            Panel rho = drawn.get(0).charge();
            double x = rho.xPx(SyntheticResults.MEMBRANE_NM + 0.3 * SyntheticResults.debyeNm(SyntheticResults.OUTSIDE_MM));
            double y = (rho.yPx(0) + rho.top()) / 2;
            assertTrue(Pixels.nearest(g, x, rho.yPx(0) - 4, 2, ProfileFigure.chargeColor(true) & 0xffffff) <= 24,
                    "the last GIF frame shows the positive layer near " + x + ", " + y);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void axesAreFixedAcrossFrames() {
        Panel first = drawn.get(0).charge();
        double lin = SyntheticResults.debyeNm(SyntheticResults.INSIDE_MM);
        double x = first.xPx(-8 * lin);
        if (!ProfileFigureTest.clearOfGrid(first, x)) {
            x += 6;
        }
        int row0 = -1;
        for (int i = 0; i < GROWTH.length; i++) {
            ChargingAnimation.Drawn d = drawn.get(i);
            for (Panel p : new Panel[] {d.potential(), d.concentrations(), d.charge()}) {
                assertEquals(p == d.charge() ? first.top() : p.top(), p.top());
            }
            assertEquals(first.left(), d.charge().left());
            assertEquals(first.top(), d.charge().top());
            assertEquals(first.bottom(), d.charge().bottom());
            assertEquals(first.yPx(0), d.charge().yPx(0), 1e-9);
            assertEquals(drawn.get(0).potential().yPx(-60), d.potential().yPx(-60), 1e-9);
            int row = darkestRow(frames.get(i), x, first);
            if (i == 0) {
                row0 = row;
            }
            assertEquals(row0, row, "pixel row of ρ = 0 in frame " + (i + 1));
        }
        assertEquals(first.yPx(0), row0 + 0.5, 1.5);
    }

    @Test
    void chargeFillGrowsFromFirstToLastFrame() {
        int[] fill = new int[GROWTH.length];
        for (int i = 0; i < GROWTH.length; i++) {
            fill[i] = fillPixels(frames.get(i), drawn.get(i).charge());
        }
        assertTrue(fill[0] < 20, "no layer at t = 0: " + fill[0]);
        assertTrue(fill[1] > fill[0] && fill[2] > fill[1] && fill[3] > fill[2],
                "fill grows: " + java.util.Arrays.toString(fill));
        assertTrue(fill[3] > 300, "the final layers fill: " + fill[3]);
    }

    @Test
    void timeIsWrittenInTheUnitThatFits() {
        assertEquals("t = 0", ChargingAnimation.time(0));
        assertEquals("t = 1.0 ns", ChargingAnimation.time(1e-9));
        assertEquals("t = 32 µs", ChargingAnimation.time(3.16e-5));
        assertEquals("t = 1.0 s", ChargingAnimation.time(1));
        assertEquals("t = 100 ps", ChargingAnimation.time(1e-10));
        List<String> labels = drawn.get(1).scene().labels().stream().map(Label::text).toList();
        assertTrue(labels.contains("t = 1.0 ns"), labels.toString());
        assertTrue(labels.contains("V_{m} = -20.0 mV") || labels.contains("V_{m} = −20.0 mV"), labels.toString());
    }

    private static int darkestRow(BufferedImage img, double x, Panel p) {
        int best = -1;
        int min = 256;
        for (int y = (int) p.top() + 3; y < p.bottom() - 3; y++) {
            int v = Pixels.brightness(Pixels.rgb(img, x, y));
            if (v < min) {
                min = v;
                best = y;
            }
        }
        return best;
    }

    private static int fillPixels(BufferedImage img, Panel p) {
        int pos = ProfileFigure.chargeColor(true) & 0xffffff;
        int neg = ProfileFigure.chargeColor(false) & 0xffffff;
        int n = 0;
        for (int y = (int) p.top() + 2; y < p.bottom() - 2; y++) {
            for (int x = (int) p.left() + 2; x < p.right() - 2; x++) {
                int c = img.getRGB(x, y) & 0xffffff;
                if (Pixels.distance(c, pos) <= 10 || Pixels.distance(c, neg) <= 10) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int delay(IIOMetadataNode root) {
        IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
        return Integer.parseInt(gce.getAttribute("delayTime"));
    }
}
