package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.result.AtomicFiles;
import org.membranepnp.engine.result.CsvTable;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.Summary;

/**
 * The charging of the membrane, from the profile snapshots of a transient ({@code snapshots/index.csv} and its
 * {@code profile-NNNN.csv}): one picture per snapshot in {@code frames/frame-0001.png}, … and all of them as the
 * looping animation {@code charging.gif}. Each frame is the membrane zoom of {@code profile.png} (±10 Debye lengths:
 * the potential, the concentrations and the net charge density), with the time and V_m written large. The axes are
 * the same in every frame (each y range spans all frames), so the charge layers visibly grow.
 */
final class ChargingAnimation {
    static final String SNAPSHOTS = "snapshots";
    static final String INDEX = "index.csv";
    static final String FRAMES = "frames";
    static final String GIF = "charging.gif";
    /** Frames are this fraction of the figure size (1600×1000 gives 960×600), to keep the GIF small. */
    static final double FRAME_SCALE = 0.6;
    static final int FRAME_DELAY_MS = 200;
    /** The last frame (the settled membrane) is held this long before the loop starts again. */
    static final int LAST_FRAME_DELAY_MS = 2500;

    /** One snapshot. */
    record Frame(double timeS, double membranePotentialMv, NamedProfiles data) {
    }

    /** One drawn frame and its three plots (φ, c, ρ). */
    record Drawn(Scene scene, Panel potential, Panel concentrations, Panel charge) {
    }

    private ChargingAnimation() {
    }

    /** True if {@code dir} holds profile snapshots. */
    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(SNAPSHOTS).resolve(INDEX));
    }

    /** The frame size for figures of {@code options}' size. */
    static FigureStyle frameStyle(RenderOptions options) {
        int w = Math.max(RenderOptions.MIN_WIDTH, (int) Math.round(options.width() * FRAME_SCALE));
        int h = Math.max(RenderOptions.MIN_HEIGHT, (int) Math.round(options.height() * FRAME_SCALE));
        return FigureStyle.of(w, h);
    }

    /**
     * Draws {@code dir/frames/frame-NNNN.png} and {@code dir/charging.gif}; frame files left from an earlier render
     * with more snapshots are removed.
     *
     * @return the files written: the frames in order, then the GIF
     */
    static List<Path> write(Path dir, RenderOptions options) {
        List<Frame> frames = read(dir);
        JsonNode summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        List<Drawn> drawn = draw(frames, summary, frameStyle(options), options.logConcentrations());
        Path out = dir.resolve(FRAMES);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserInputException("cannot create " + out + ": " + e.getMessage());
        }
        List<Path> written = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            BufferedImage img = FigureRenderer.render(drawn.get(i).scene());
            images.add(img);
            written.add(PngFiles.write(out, frameName(i + 1), img));
        }
        removeStaleFrames(out, drawn.size());
        written.add(AtomicFiles.write(dir, GIF, gif(images, FRAME_DELAY_MS, LAST_FRAME_DELAY_MS)));
        return written;
    }

    static String frameName(int frame) {
        return String.format(Locale.ROOT, "frame-%04d.png", frame);
    }

    /**
     * The snapshots of the run folder {@code dir}, on the mesh (and with the membrane faces) of its profiles.csv.
     *
     * @throws UserInputException with one line if the index or a snapshot is missing or malformed
     */
    static List<Frame> read(Path dir) {
        NamedProfiles mesh = ResultReader.profiles(dir);
        Path folder = dir.resolve(SNAPSHOTS);
        Path indexFile = folder.resolve(INDEX);
        CsvTable index = CsvTable.read(indexFile);
        int fileColumn = index.column("file");
        if (fileColumn < 0 || index.column("time_s") < 0 || index.column("membrane_potential_mV") < 0) {
            throw new UserInputException("cannot read " + indexFile
                    + ": expected the columns frame, time_s, membrane_potential_mV, file");
        }
        if (index.rowCount() == 0) {
            throw new UserInputException("cannot read " + indexFile + ": it lists no snapshots");
        }
        double[] t = index.numbers("time_s");
        double[] vm = index.numbers("membrane_potential_mV");
        List<Frame> frames = new ArrayList<>();
        for (int r = 0; r < index.rowCount(); r++) {
            String name = index.text(r, fileColumn);
            Path file = folder.resolve(name).normalize();
            if (!file.startsWith(folder.normalize())) {
                throw new UserInputException("cannot read " + indexFile + ": " + name + " is outside " + folder);
            }
            frames.add(new Frame(t[r], vm[r], ResultReader.profilesOnMesh(file, mesh)));
        }
        return frames;
    }

    /** The frames drawn on common axes. */
    static List<Drawn> draw(List<Frame> frames, JsonNode summary, FigureStyle style, boolean logC) {
        Profiles mesh = frames.get(0).data().profiles();
        List<String> species = frames.get(0).data().species();
        int n = mesh.nodeCount();
        int a = mesh.membraneStartNode();
        int b = mesh.membraneEndNode();
        double[] xNm = mesh.xNm();
        double lin = ProfileFigure.sub(summary, Summary.DEBYE_LENGTH_NM, Summary.INSIDE);
        double lout = ProfileFigure.sub(summary, Summary.DEBYE_LENGTH_NM, Summary.OUTSIDE);
        double zoomLo = -ProfileFigure.ZOOM_DEBYE_LENGTHS * (Double.isFinite(lin) ? lin : 1);
        double zoomHi = xNm[b] - xNm[a] + ProfileFigure.ZOOM_DEBYE_LENGTHS * (Double.isFinite(lout) ? lout : 1);
        double[] xs = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = xNm[k] - xNm[a];
        }
        int k0 = ProfileFigure.window(xs, zoomLo, true);
        int k1 = ProfileFigure.window(xs, zoomHi, false);

        // y ranges over all frames, so that the axes stay put
        double phiLo = 0;
        double phiHi = 0;
        double rhoLo = 0;
        double rhoHi = 0;
        double cLo = Double.POSITIVE_INFINITY;
        double cHi = 0;
        for (Frame f : frames) {
            Profiles p = f.data().profiles();
            phiLo = ProfileFigure.min(p.potentialMv(), k0, k1, phiLo);
            phiHi = ProfileFigure.max(p.potentialMv(), k0, k1, phiHi);
            rhoLo = ProfileFigure.min(p.chargeDensityCPerM3(), k0, k1, rhoLo);
            rhoHi = ProfileFigure.max(p.chargeDensityCPerM3(), k0, k1, rhoHi);
            for (double[] c : p.concentrationsMm()) {
                for (int k = k0; k <= k1; k++) {
                    boolean water = k <= a || k >= b;
                    if (Double.isFinite(c[k]) && (!logC || (water && c[k] > 0))) {
                        cLo = Math.min(cLo, c[k]);
                        cHi = Math.max(cHi, c[k]);
                    }
                }
            }
        }

        SpeciesColors colors = new SpeciesColors(species);
        String title = ProfileFigure.title(summary) + ": the membrane charging";
        List<Drawn> out = new ArrayList<>();
        for (Frame f : frames) {
            Profiles p = f.data().profiles();
            Scene scene = new Scene(style.width(), style.height(), FigureStyle.BACKGROUND);
            Legend legend = new Legend(style).line("potential φ", ProfileFigure.POTENTIAL, null);
            for (String s : species) {
                legend.line(SpeciesLabels.of(summary, s), 0xff000000 | colors.rgb(s), null);
            }
            legend.patch("ρ > 0", ProfileFigure.chargeColor(true)).patch("ρ < 0", ProfileFigure.chargeColor(false))
                    .patch("lipid membrane", FigureStyle.MEMBRANE);
            double top = FigureHeader.draw(scene, style, title, "", legend);
            double margin = FigureHeader.margin(style);
            float big = style.title() * 1.5f;
            scene.add(Label.at(time(f.timeS()), margin, top, big, FigureStyle.INK, 0, 0).inBold());
            scene.add(Label.at("V_{m} = " + NumberText.fixed(f.membranePotentialMv(), 1) + " mV",
                    style.width() - margin, top, big, FigureStyle.INK, 1, 0).inBold());
            float[] box = RichText.box(big, true);
            double plotTop = top + box[0] + box[1] + style.pad();

            double rowGap = Math.max(style.pad() * 1.2, style.small() * 1.3);
            double rowH = (style.height() - margin - Panel.xAxisRoom(style) - plotTop - 2 * rowGap) / 3;
            int yTicks = (int) Math.max(2, Math.min(5, rowH / (style.small() * 3.2)));
            Scale[] ys = {
                Scale.padded(phiLo, phiHi, yTicks, ProfileFigure.MARGIN),
                logC ? (Double.isFinite(cLo) && cHi > 0 ? Scale.log(cLo, cHi, true) : Scale.log(1, 10, true))
                        : Scale.padded(0, cHi > 0 ? cHi : 1, yTicks, ProfileFigure.MARGIN),
                Scale.padded(rhoLo, rhoHi, yTicks, ProfileFigure.MARGIN)};
            double tickRoom = 0;
            for (Scale s : ys) {
                tickRoom = Math.max(tickRoom, Panel.yTickRoom(style, s));
            }
            double left = margin + Panel.yLabelRoom(style) + tickRoom;
            double right = style.width() - margin;
            Scale x = Scale.linear(zoomLo, zoomHi, (int) Math.max(3, (right - left) / (style.small() * 7)), false);
            right -= Math.max(0, Panel.xTickOverhang(style, x) - margin + style.pad() * 0.3);

            Panel[] panels = new Panel[3];
            for (int r = 0; r < 3; r++) {
                double pt = plotTop + r * (rowH + rowGap);
                Panel panel = new Panel(scene, style, left, pt, right, pt + rowH, x, ys[r]);
                panels[r] = panel;
                panel.xBand(xs[a], xs[b], FigureStyle.MEMBRANE, Math.max(3, style.line() * 1.5));
                panel.grid();
                switch (r) {
                    case 0 -> {
                        float[] dash = {style.line() * 2.5f, style.line() * 2f};
                        panel.hLine(0, FigureStyle.ZERO, style.thin(), dash);
                        panel.line(xs, p.potentialMv(), ProfileFigure.POTENTIAL, style.line(), null);
                        panel.yLabel("φ (mV)", margin);
                    }
                    case 1 -> {
                        for (int i = 0; i < species.size(); i++) {
                            double[][] st = ProfileFigure.stepped(xs, p.concentrationsMm()[i], a, b);
                            panel.line(st[0], st[1], 0xff000000 | colors.rgb(species.get(i)), style.line(), null);
                        }
                        panel.yLabel("c (mM)", margin);
                    }
                    default -> {
                        double[] rho = p.chargeDensityCPerM3();
                        double[] pos = new double[n];
                        double[] neg = new double[n];
                        for (int k = 0; k < n; k++) {
                            pos[k] = Math.max(0, rho[k]);
                            neg[k] = Math.min(0, rho[k]);
                        }
                        double[][] sp = ProfileFigure.stepped(xs, pos, a, b);
                        double[][] sn = ProfileFigure.stepped(xs, neg, a, b);
                        double[][] all = ProfileFigure.stepped(xs, rho, a, b);
                        double[] zeros = new double[sp[0].length];
                        panel.area(sp[0], sp[1], zeros, ProfileFigure.chargeColor(true));
                        panel.area(sn[0], zeros, sn[1], ProfileFigure.chargeColor(false));
                        panel.hLine(0, FigureStyle.ZERO, style.thin(), null);
                        panel.line(all[0], all[1], FigureStyle.MUTED, Math.max(1f, style.line() * 0.5f), null);
                        int e = ys[r].exponent();
                        panel.yLabel(e == 0 ? "ρ (C/m^{3})" : "ρ (10^{" + Scale.number(e, 0) + "} C/m^{3})", margin);
                    }
                }
                panel.frame(r == 2, true);
                if (r == 2) {
                    panel.xLabel("distance from the inside face (nm)");
                }
            }
            out.add(new Drawn(scene, panels[0], panels[1], panels[2]));
        }
        return out;
    }

    /** "t = 1.0 ns": the time in s, ms, µs, ns or ps, whichever puts it at 1 or more. */
    static String time(double s) {
        if (s == 0 || !Double.isFinite(s)) {
            return "t = " + (s == 0 ? "0" : "—");
        }
        String[] units = {"s", "ms", "µs", "ns", "ps"};
        double v = s;
        int u = 0;
        while (Math.abs(v) < 0.9995 && u < units.length - 1) {
            v *= 1e3;
            u++;
        }
        return "t = " + NumberText.fixed(v, Math.abs(v) < 9.95 ? 1 : 0) + " " + units[u];
    }

    /**
     * An animated GIF of {@code images}, looping for ever (the NETSCAPE2.0 extension), each shown {@code delayMs}
     * and the last {@code lastDelayMs}.
     */
    static byte[] gif(List<BufferedImage> images, int delayMs, int lastDelayMs) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no GIF writer in this Java");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < images.size(); i++) {
                BufferedImage img = images.get(i);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("transparentColorIndex", "0");
                int ms = i == images.size() - 1 ? lastDelayMs : delayMs;
                control.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(ms / 10f))));
                if (i == 0) {
                    IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
                    loop.setAttribute("applicationID", "NETSCAPE");
                    loop.setAttribute("authenticationCode", "2.0");
                    loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0, for ever
                    child(root, "ApplicationExtensions").appendChild(loop);
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(img, null, meta), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The child of {@code root} named {@code name}, added if missing. */
    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    private static void removeStaleFrames(Path folder, int count) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "frame-*.png")) {
            for (Path f : files) {
                String digits = f.getFileName().toString().replaceAll("\\D", "");
                if (!digits.isEmpty() && digits.length() < 9 && Integer.parseInt(digits) > count) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot tidy " + folder + ": " + e.getMessage());
        }
    }
}
