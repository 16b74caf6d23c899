package org.membranepnp.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.membranepnp.engine.UserInputException;
import org.membranepnp.engine.analytic.DebyeLength;
import org.membranepnp.engine.analytic.GhkVoltage;
import org.membranepnp.engine.analytic.NernstPotential;
import org.membranepnp.engine.model.Bath;
import org.membranepnp.engine.model.Scenario;
import org.membranepnp.engine.result.ChargeBalance;
import org.membranepnp.engine.result.FieldFiles;
import org.membranepnp.engine.result.Fields2D;
import org.membranepnp.engine.result.NamedProfiles;
import org.membranepnp.engine.result.NamedTimeSeries;
import org.membranepnp.engine.result.Profiles;
import org.membranepnp.engine.result.ResultReader;
import org.membranepnp.engine.result.ResultWriter;
import org.membranepnp.engine.result.Summary;
import org.membranepnp.engine.result.TimeSeries;

/**
 * The figures of {@code pnp view}, from a run folder (read once: the profiles, the time series and the snapshot
 * frames where present, the 2-D fields of a 2-D run) or from a running transient ({@link LiveFeed}, pulled by
 * {@link #refresh}). They are drawn at any size with the figures of {@code pnp render} (the field maps with
 * {@link FieldMapFigure}), the {@link ProfileExplorer} and the {@link LectureFigure}, each with its plots so that a
 * pixel can be read back as data ({@link Picture#readout}).
 *
 * <p>Not thread-safe: the viewer uses it from its one worker thread.
 */
final class ViewerFigures {
    /**
     * A drawn figure and the value readout for a pixel of it (empty outside the plots).
     *
     * @param map the field map of the field-map view, null on the other views
     */
    record Picture(BufferedImage image, List<Plot> plots, FieldMapPlot map) {
        Picture(BufferedImage image, List<Plot> plots) {
            this(image, plots, null);
        }

        /** The data under the picture pixel (px, py) as lines, or "" outside every plot. */
        String readout(double px, double py) {
            Plot p = plotAt(px, py);
            if (p == null) {
                return map != null ? map.readout(px, py) : "";
            }
            Panel q = p.panel();
            return p.readout().at(valueAt(q.x(), (px - q.left()) / (q.right() - q.left())));
        }

        /** The plot under picture pixel (px, py), or null. */
        Plot plotAt(double px, double py) {
            for (Plot p : plots) {
                Panel q = p.panel();
                if (px >= q.left() && px <= q.right() && py >= q.top() && py <= q.bottom()) {
                    return p;
                }
            }
            return null;
        }
    }

    /** The readout of a plot's x value: lines separated by '\n'. */
    interface Readout {
        String at(double x);
    }

    /**
     * A plot of the picture, how to read its x axis and, for profiles, its x value as nm from the inside membrane
     * face ({@code toNm}, null for time axes).
     */
    record Plot(Panel panel, Readout readout, DoubleUnaryOperator toNm) {
        /** The x range of the plot in nm from the inside face, {lo, hi}. */
        double[] rangeNm() {
            return new double[] {toNm.applyAsDouble(panel.x().min()), toNm.applyAsDouble(panel.x().max())};
        }
    }

    private final Path dir;
    private final LiveFeed feed;
    private final JsonNode summary;
    private final NamedProfiles profiles;
    private final NamedTimeSeries series;
    private final List<String> species;
    private final int[] z;
    private final double insideDebyeNm;
    private final double outsideDebyeNm;
    private final double fixedChargeCPerM2;
    private final Fields2D fields;
    private final List<FieldMap> maps;
    private List<ChargingAnimation.Frame> frames;
    private ChargingAnimation.Frame latest;
    private double[] traceT;
    private double[] traceVm;
    private LiveFeed.Phase phase = LiveFeed.Phase.FINISHED;
    private String message = "";

    /**
     * Reads the run folder {@code dir}.
     *
     * @throws UserInputException with one line if it is no run folder or a file is malformed
     */
    ViewerFigures(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + " is not a folder; give a run folder (pnp run --out DIR) or a scenario "
                    + "file to run and follow");
        }
        if (!Files.isRegularFile(dir.resolve(ResultWriter.SUMMARY_FILE))
                || !Files.isRegularFile(dir.resolve(ResultWriter.PROFILES_FILE))) {
            throw new UserInputException(dir + " holds no run results to view: expected summary.json and profiles.csv "
                    + "(pnp run)");
        }
        this.dir = dir;
        this.feed = null;
        this.summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        this.profiles = ResultReader.profiles(dir);
        this.series = Files.isRegularFile(dir.resolve(ResultWriter.TIMESERIES_FILE)) ? ResultReader.timeSeries(dir) : null;
        this.frames = ChargingAnimation.present(dir) ? ChargingAnimation.read(dir) : List.of();
        this.species = profiles.species();
        this.z = new int[species.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = SpeciesLabels.charge(summary, species.get(i));
        }
        this.insideDebyeNm = ProfileFigure.sub(summary, Summary.DEBYE_LENGTH_NM, Summary.INSIDE);
        this.outsideDebyeNm = ProfileFigure.sub(summary, Summary.DEBYE_LENGTH_NM, Summary.OUTSIDE);
        // the fixed inside surface charge is what the summary's σ holds beyond the ions of the final profile
        double sigma = ProfileFigure.num(summary, Summary.SEPARATED_CHARGE_C_M2, Double.NaN);
        this.fixedChargeCPerM2 = Double.isFinite(sigma)
                ? sigma - ChargeBalance.insideIonicChargeCPerM2(profiles.profiles()) : 0;
        if (series != null) {
            traceT = series.series().timeS();
            traceVm = series.series().membranePotentialMv();
        }
        this.fields = FieldFiles.present(dir) ? FieldFiles.read(dir) : null;
        this.maps = fields != null ? FieldFigures.maps(fields, title()) : List.of();
    }

    /**
     * Follows the running transient {@code feed}, which must have a first state ({@link LiveFeed#latest}).
     */
    ViewerFigures(LiveFeed feed) {
        LiveFeed.Frame first = feed.latest();
        if (first == null) {
            throw new IllegalStateException("the live run has no state yet");
        }
        Scenario sc = feed.scenario();
        this.dir = null;
        this.feed = feed;
        this.profiles = null;
        this.series = null;
        this.species = sc.species().stream().map(s -> s.name()).toList();
        this.z = sc.charges();
        this.insideDebyeNm = debye(sc, sc.inside());
        this.outsideDebyeNm = debye(sc, sc.outside());
        this.fixedChargeCPerM2 = sc.membrane().insideSurfaceChargeCPerM2();
        this.summary = liveSummary(sc, insideDebyeNm, outsideDebyeNm);
        this.frames = List.of();
        this.fields = null;
        this.maps = List.of();
        refresh();
    }

    /** True for a running transient. */
    boolean live() {
        return feed != null;
    }

    /** The folder screenshots go to (a run folder, or the working directory for a live run). */
    Path dir() {
        return dir != null ? dir : Path.of("").toAbsolutePath();
    }

    /** Pulls the newest frames, state and trace from the live feed (nothing for a folder). */
    void refresh() {
        if (feed == null) {
            return;
        }
        List<LiveFeed.Frame> f = feed.frames();
        if (f.size() != frames.size()) {
            List<ChargingAnimation.Frame> out = new ArrayList<>(frames);
            for (int i = frames.size(); i < f.size(); i++) {
                out.add(named(f.get(i)));
            }
            frames = List.copyOf(out);
        }
        LiveFeed.Frame l = feed.latest();
        if (l != null && (latest == null || l.profiles() != latest.data().profiles())) {
            latest = named(l);
        }
        LiveFeed.Trace t = feed.trace();
        traceT = t.timeS();
        traceVm = t.membranePotentialMv();
        phase = feed.phase();
        message = feed.message();
    }

    LiveFeed.Phase phase() {
        return phase;
    }

    private ChargingAnimation.Frame named(LiveFeed.Frame f) {
        return new ChargingAnimation.Frame(f.timeS(), f.membranePotentialMv(), new NamedProfiles(species, f.profiles()));
    }

    /** The views allowed, in key order. */
    List<ViewerSession.View> views() {
        List<ViewerSession.View> v = new ArrayList<>();
        v.add(ViewerSession.View.PROFILE);
        if (series != null) {
            v.add(ViewerSession.View.TIME_SERIES);
        }
        if (feed == null && !frames.isEmpty()) {
            v.add(ViewerSession.View.CHARGING);
        }
        v.add(ViewerSession.View.LECTURE);
        if (fields != null) {
            v.add(ViewerSession.View.FIELDS);
        }
        return v;
    }

    /** True for a 2-D run folder (fields.csv): it has the field-map view. */
    boolean hasFieldMaps() {
        return fields != null;
    }

    /**
     * The names of the field maps, in the order F shows them: "charge density", "potential", "K concentration", …
     * (empty without 2-D fields).
     */
    List<String> mapNames() {
        List<String> names = new ArrayList<>();
        if (fields != null) {
            names.add("charge density");
            names.add("potential");
            for (String sp : fields.species()) {
                names.add(sp + " concentration");
            }
        }
        return names;
    }

    int frameCount() {
        return frames.size();
    }

    /** The time of frame {@code f} ({@link ViewerSession#LATEST}: the newest state), s. */
    double frameTimeS(int f) {
        return frame(f).timeS();
    }

    /** φ, the species, ρ: the fields of the profile view. */
    List<String> fieldNames() {
        List<String> f = new ArrayList<>();
        f.add("φ");
        f.addAll(species);
        f.add("ρ");
        return f;
    }

    /** The slab's ends in nm from the inside membrane face, {inside far end, outside far end}. */
    double[] slabNm() {
        Profiles p = baseProfiles().profiles();
        double xa = p.xNm()[p.membraneStartNode()];
        return new double[] {p.xNm()[0] - xa, p.xNm()[p.nodeCount() - 1] - xa};
    }

    String title() {
        return ProfileFigure.title(summary);
    }

    /** "V_m = −60.00 mV" or, for a frame, "t = 1.0 ns, V_m = −20.0 mV" (and the phase of a live run). */
    String status(ViewerSession.State s) {
        String text;
        if (feed != null || (s.frame() >= 0 && frames.size() > 0 && (s.view() == ViewerSession.View.CHARGING
                || s.view() == ViewerSession.View.LECTURE))) {
            ChargingAnimation.Frame f = frame(s.frame());
            text = ChargingAnimation.time(f.timeS()) + ", V_m = " + NumberText.fixed(f.membranePotentialMv(), 1) + " mV";
        } else {
            Profiles p = profiles.profiles();
            double vm = ProfileFigure.num(summary, Summary.MEMBRANE_POTENTIAL_MV,
                    p.potentialMv()[0] - p.potentialMv()[p.nodeCount() - 1]);
            text = "V_m = " + NumberText.fixed(vm, 2) + " mV";
        }
        return feed == null ? text : text + " — " + phaseText();
    }

    /** "running", "paused", "finished", "stopped" or "failed: …". */
    String phaseText() {
        return switch (phase) {
            case RUNNING -> "running";
            case PAUSED -> "paused (Space resumes)";
            case FINISHED -> "finished";
            case STOPPED -> "stopped";
            case FAILED -> "failed: " + message;
        };
    }

    /** Frame {@code f}, or the newest state for {@link ViewerSession#LATEST} (a folder: its last frame). */
    private ChargingAnimation.Frame frame(int f) {
        if (f == ViewerSession.LATEST || f >= frames.size()) {
            return latest != null ? latest : frames.get(frames.size() - 1);
        }
        return frames.get(Math.max(0, f));
    }

    /** The profiles the profile view shows: a folder's final profiles, a live run's newest. */
    private NamedProfiles baseProfiles() {
        return profiles != null ? profiles : latest.data();
    }

    /** Draws the figure the session shows at {@code width}×{@code height} on a new surface (tests). */
    Picture draw(ViewerSession.State s, int width, int height) {
        return draw(s, width, height, null);
    }

    /**
     * Draws the figure the session shows at {@code width}×{@code height} (clamped to the figure sizes allowed).
     *
     * @param surface a kept offscreen surface of the clamped size, or null for a new one
     */
    Picture draw(ViewerSession.State s, int width, int height, OffscreenGl.Surface surface) {
        FigureStyle style = style(width, height);
        List<Plot> plots = new ArrayList<>();
        Scene scene;
        FieldMapPlot mapPlot = null;
        switch (s.view()) {
            case FIELDS -> {
                int m = Math.floorMod(s.map(), maps.size());
                FieldMapFigure f = FieldMapFigure.of(maps.get(m), style);
                scene = f.scene();
                mapPlot = new FieldMapPlot(f, fields, maps, m);
            }
            case TIME_SERIES -> {
                TimeSeriesFigure f = TimeSeriesFigure.of(series, summary, style);
                scene = f.scene();
                Readout r = timeReadout(f.panel(0));
                plots.add(new Plot(f.panel(0), r, null));
                plots.add(new Plot(f.panel(1), r, null));
            }
            case CHARGING -> {
                // all frames are laid out together so that the axes are common (one alone would get its own ranges)
                ChargingAnimation.Drawn d = ChargingAnimation.draw(frames, summary, style, s.logConcentrations())
                        .get(s.frame());
                scene = d.scene();
                NamedProfiles data = frames.get(s.frame()).data();
                DoubleUnaryOperator nm = x -> x;
                Readout r = x -> nodeReadout(data, x + faceNm(data));
                plots.add(new Plot(d.potential(), r, nm));
                plots.add(new Plot(d.concentrations(), r, nm));
                plots.add(new Plot(d.charge(), r, nm));
            }
            case LECTURE -> {
                boolean frameShown = feed != null || !frames.isEmpty();
                ChargingAnimation.Frame f = frameShown ? frame(s.frame()) : null;
                NamedProfiles data = f != null ? f.data() : profiles;
                LectureNumbers numbers = numbers(f);
                String status = feed != null ? phaseText() : "";
                LectureFigure l = LectureFigure.of(data, frameSummary(f), style, numbers, traceT, traceVm, status);
                scene = l.scene();
                double xa = faceNm(data);
                plots.add(new Plot(l.slab(), x -> nodeReadout(data, x * 1e3), x -> x * 1e3 - xa));
                DoubleUnaryOperator nm = x -> x;
                plots.add(new Plot(l.lensPotential(), x -> nodeReadout(data, x + xa), nm));
                plots.add(new Plot(l.lensCharge(), x -> nodeReadout(data, x + xa), nm));
                if (l.trace() != null) {
                    plots.add(new Plot(l.trace(), traceReadout(l.trace()), null));
                }
            }
            default -> {
                ChargingAnimation.Frame f = feed != null ? frame(s.frame()) : null;
                NamedProfiles data = f != null ? f.data() : profiles;
                JsonNode sum = frameSummary(f);
                double xa = faceNm(data);
                DoubleUnaryOperator nm = x -> x;
                if (s.explorer()) {
                    ProfileExplorer e = ProfileExplorer.of(data, sum, style, s.logConcentrations(), s.field(),
                            s.xLoNm(), s.xHiNm(), f != null ? ChargingAnimation.time(f.timeS()) : "");
                    scene = e.scene();
                    for (Panel q : e.panels()) {
                        plots.add(new Plot(q, x -> nodeReadout(data, x + xa), nm));
                    }
                } else {
                    ProfileFigure pf = ProfileFigure.of(data, sum, style, s.logConcentrations());
                    scene = pf.scene();
                    for (int r = 0; r < 3; r++) {
                        plots.add(new Plot(pf.panel(0, r), x -> nodeReadout(data, x * 1e3), x -> x * 1e3 - xa));
                        plots.add(new Plot(pf.panel(1, r), x -> nodeReadout(data, x + xa), nm));
                    }
                }
            }
        }
        BufferedImage image = surface == null ? FigureRenderer.render(scene) : FigureRenderer.render(scene, surface);
        return new Picture(image, plots, mapPlot);
    }

    /** The style of a figure of this size, clamped to the sizes allowed. */
    static FigureStyle style(int width, int height) {
        int w = Math.max(RenderOptions.MIN_WIDTH, Math.min(RenderOptions.MAX_WIDTH, width));
        int h = Math.max(RenderOptions.MIN_HEIGHT, Math.min(RenderOptions.MAX_HEIGHT, height));
        return FigureStyle.of(w, h);
    }

    /** The live numbers of frame {@code f} (null: a folder's final state, from its summary). */
    LectureNumbers numbers(ChargingAnimation.Frame f) {
        if (f == null) {
            Profiles p = profiles.profiles();
            return LectureNumbers.of(Double.NaN,
                    ProfileFigure.num(summary, Summary.MEMBRANE_POTENTIAL_MV,
                            p.potentialMv()[0] - p.potentialMv()[p.nodeCount() - 1]),
                    ProfileFigure.num(summary, Summary.SEPARATED_CHARGE_C_M2, Double.NaN),
                    ProfileFigure.num(summary, Summary.BULK_ELECTRONEUTRALITY, Double.NaN));
        }
        return LectureNumbers.of(f.timeS(), f.membranePotentialMv(), f.data().profiles(), fixedChargeCPerM2, z,
                insideDebyeNm, outsideDebyeNm);
    }

    /** The numbers the lecture layout shows for session state {@code s}. */
    LectureNumbers numbers(ViewerSession.State s) {
        return numbers(feed != null || !frames.isEmpty() ? frame(s.frame()) : null);
    }

    /** The summary with V_m and the bulk electroneutrality of frame {@code f} (null: the summary). */
    private JsonNode frameSummary(ChargingAnimation.Frame f) {
        if (f == null) {
            return summary;
        }
        ObjectNode s = ((ObjectNode) summary).deepCopy();
        LectureNumbers n = numbers(f);
        put(s, Summary.MEMBRANE_POTENTIAL_MV, f.membranePotentialMv());
        put(s, Summary.BULK_ELECTRONEUTRALITY, n.bulkElectroneutrality());
        put(s, Summary.SEPARATED_CHARGE_C_M2, n.separatedChargeCPerM2());
        return s;
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /**
     * What the figures read from a summary, for a live run: the title, T, the Debye lengths of the initial baths,
     * their concentrations, the Nernst potentials (which give the species labels their charges) and the GHK voltage.
     */
    static JsonNode liveSummary(Scenario sc, double insideDebyeNm, double outsideDebyeNm) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode s = f.objectNode();
        s.put(Summary.TITLE, sc.title());
        double t = sc.temperatureK();
        int[] z = sc.charges();
        double[] in = sc.inside().concentrationsMm();
        double[] out = sc.outside().concentrationsMm();
        ObjectNode nernst = s.putObject(Summary.NERNST_MV);
        for (int i = 0; i < z.length; i++) {
            put(nernst, sc.species().get(i).name(), NernstPotential.mv(z[i], out[i], in[i], t));
        }
        put(s, Summary.GHK_MV, GhkVoltage.mv(z, sc.membrane().permeabilitiesMPerS(), in, out, t));
        ObjectNode debye = s.putObject(Summary.DEBYE_LENGTH_NM);
        put(debye, Summary.INSIDE, insideDebyeNm);
        put(debye, Summary.OUTSIDE, outsideDebyeNm);
        ObjectNode bulk = s.putObject(Summary.BULK_CONCENTRATIONS_MM);
        ObjectNode bi = bulk.putObject(Summary.INSIDE);
        ObjectNode bo = bulk.putObject(Summary.OUTSIDE);
        for (int i = 0; i < z.length; i++) {
            put(bi, sc.species().get(i).name(), in[i]);
            put(bo, sc.species().get(i).name(), out[i]);
        }
        s.put(Summary.TEMPERATURE_K, t);
        return s;
    }

    private static double debye(Scenario sc, Bath b) {
        return DebyeLength.nm(b.permittivity(), sc.charges(), b.concentrationsMm(), sc.temperatureK());
    }

    private static double faceNm(NamedProfiles data) {
        Profiles p = data.profiles();
        return p.xNm()[p.membraneStartNode()];
    }

    /** The value of scale {@code x} at {@code fraction} of the way from its min to its max. */
    static double valueAt(Scale x, double fraction) {
        if (x.isLog()) {
            return x.min() * Math.pow(x.max() / x.min(), fraction);
        }
        return x.min() + fraction * (x.max() - x.min());
    }

    /**
     * The data at the node nearest {@code xNm}, one quantity a line: "x = 1000.31 nm (node 12)", "φ −58.5 mV",
     * "K 140 mM", …, "ρ 1.2·10^{3} C/m³".
     */
    static String nodeReadout(NamedProfiles data, double xNm) {
        Profiles p = data.profiles();
        int k = nearest(p.xNm(), xNm);
        StringBuilder s = new StringBuilder();
        s.append("x = ").append(NumberText.significant(p.xNm()[k], 6)).append(" nm");
        s.append(" (node ").append(k).append(")\nφ ").append(NumberText.significant(p.potentialMv()[k], 4)).append(" mV");
        for (int i = 0; i < data.species().size(); i++) {
            s.append('\n').append(data.species().get(i)).append(' ')
                    .append(NumberText.significant(p.concentrationsMm()[i][k], 4)).append(" mM");
        }
        s.append("\nρ ").append(NumberText.significant(p.chargeDensityCPerM3()[k], 3)).append(" C/m^{3}");
        return s.toString();
    }

    /** The readout as one line for the title bar: "x = … (node k): φ …, K …, …" without markup. */
    static String titleLine(String readout) {
        String[] lines = readout.split("\n");
        StringBuilder s = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            s.append(i == 1 ? ": " : ", ").append(lines[i]);
        }
        return RichText.plain(s.toString());
    }

    private Readout timeReadout(Panel v) {
        TimeSeries ts = series.series();
        double[] t = ts.timeS();
        return x -> {
            if (t.length == 0) {
                return "";
            }
            // the axis shows seconds (log) or seconds times a unit factor (linear, from the first to the last sample)
            double ts0 = t[0];
            double ts1 = t[t.length - 1];
            double when = v.x().isLog() ? x : ts0 + (x - v.x().min()) / (v.x().max() - v.x().min()) * (ts1 - ts0);
            int k = nearest(t, when);
            double total = 0;
            for (double[] c : ts.currentsAPerM2()) {
                total += c[k] * TimeSeriesFigure.UA_CM2_PER_A_M2;
            }
            return ChargingAnimation.time(t[k]) + "\nV_m " + NumberText.significant(ts.membranePotentialMv()[k], 4)
                    + " mV\ntotal current " + NumberText.significant(total, 3) + " µA/cm^{2}";
        };
    }

    /** The lecture's V_m(t): the sample nearest the cursor's time. */
    private Readout traceReadout(Panel v) {
        double[] t = traceT;
        double[] vm = traceVm;
        double f = v.x().isLog() ? 1 : LectureFigure.unitFactor(t[t.length - 1]);
        return x -> {
            int k = nearest(t, x / f);
            return ChargingAnimation.time(t[k]) + "\nV_m " + NumberText.significant(vm[k], 4) + " mV";
        };
    }

    /** The index of the value of the ascending {@code xs} nearest {@code v}. */
    static int nearest(double[] xs, double v) {
        int best = 0;
        for (int k = 1; k < xs.length; k++) {
            if (Math.abs(xs[k] - v) < Math.abs(xs[best] - v)) {
                best = k;
            }
        }
        return best;
    }
}
