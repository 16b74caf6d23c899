package org.membranepnp.render;

import com.jogamp.newt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The state of {@code pnp view}: which figure is shown, which snapshot frame, whether the frames play, whether
 * concentrations are on a log axis, which field the profile view shows and its x window (zoom and pan), which map the
 * field-map view of a 2-D run shows. Keys change
 * it through {@link #press}, the mouse through {@link #zoomAbout}, {@link #pan} and {@link #select}; each says what
 * the window must do next. Nothing here touches a window or OpenGL, so it is tested without a display.
 *
 * <p>Keys: 1, 2, 3, … the views (in the order of {@link #views()}), V the lecture layout on/off, F the next field of
 * the profile view (all, φ, each concentration, ρ) or, on the field-map view, the next map (charge density,
 * potential, each concentration), + and − zoom, 0 resets the zoom, Left/Right a frame back/forward
 * (Home/End the first/last; on a live run End follows the newest state again), Space plays/pauses the frames (on a
 * live run: pauses/resumes the run), L log concentrations, S save a screenshot, Q or Escape close.
 */
final class ViewerSession {
    /** The figures the viewer can show. */
    enum View {
        PROFILE("profile"), TIME_SERIES("time series"), CHARGING("charging"), LECTURE("lecture"),
        /** The 2-D field maps of a 2-D run folder (fields.csv), one map at a time. */
        FIELDS("field maps");

        private final String label;

        View(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** What the window does after a key or a mouse action. */
    enum Action {
        /** Nothing changed. */
        NONE,
        /** The picture changed: draw it again. */
        REDRAW,
        /** Save a screenshot of the window. */
        SAVE,
        /** Close the window. */
        CLOSE,
        /** Pause or resume the live run. */
        PAUSE_RUN
    }

    /**
     * What a picture depends on.
     *
     * @param view              the figure
     * @param frame             the snapshot frame (0-based), or {@link #LATEST} for the newest state of a live run
     * @param logConcentrations concentrations on a log axis
     * @param field             {@link #ALL_FIELDS} or the field index of {@link #fieldName}
     * @param xLoNm             left end of the profile's x window, nm from the inside face (NaN: not zoomed)
     * @param xHiNm             right end, nm from the inside face (NaN: not zoomed)
     * @param map               the map the field-map view shows (index into the map names)
     */
    record State(View view, int frame, boolean logConcentrations, int field, double xLoNm, double xHiNm, int map) {
        /** The x window is set (zoomed or panned). */
        boolean zoomed() {
            return !Double.isNaN(xLoNm);
        }

        /** The profile view shows one column over the x window (zoomed, or a single field). */
        boolean explorer() {
            return view == View.PROFILE && (zoomed() || field != ALL_FIELDS);
        }
    }

    /** The time one frame is shown while playing, ms. */
    static final int FRAME_MS = ChargingAnimation.FRAME_DELAY_MS;
    /** The frame index of the newest state of a live run. */
    static final int LATEST = -1;
    /** The field index of the three-row profile (φ, all concentrations, ρ). */
    static final int ALL_FIELDS = -1;
    /** Narrowest x window, nm. */
    static final double MIN_SPAN_NM = 0.02;
    /** Window span factor of one zoom-in step (mouse wheel notch or +). */
    static final double ZOOM_STEP = 0.8;

    private final List<View> views;
    private final boolean live;
    private final List<String> fields;
    private final List<String> maps;
    private final double xMinNm;
    private final double xMaxNm;
    private int frameCount;
    private View view;
    private View beforeLecture;
    private int frame;
    private boolean playing;
    private boolean logConcentrations;
    private int field = ALL_FIELDS;
    private double xLoNm = Double.NaN;
    private double xHiNm = Double.NaN;
    private int map;

    /** A session on a result folder with the profile fields φ, K, Na, Cl, ρ over −1000…1005 nm (tests). */
    ViewerSession(List<View> views, int frameCount, boolean logConcentrations) {
        this(views, frameCount, logConcentrations, false, List.of("φ", "K", "Na", "Cl", "ρ"), -1000, 1005, List.of());
    }

    /** A folder session with field maps named {@code maps} (tests). */
    ViewerSession(List<View> views, int frameCount, List<String> maps) {
        this(views, frameCount, false, false, List.of("φ", "K", "Na", "Cl", "ρ"), -1000, 1005, maps);
    }

    /**
     * @param views      the views allowed, in key order (not empty)
     * @param frameCount snapshot frames (0 without; a live run's count grows through {@link #setFrameCount})
     * @param live       a running transient: frames follow the newest state, Space pauses the run
     * @param fields     the names of the profile's fields: φ, the species, ρ
     * @param xMinNm     the slab's inside far end, nm from the inside face
     * @param xMaxNm     the slab's outside far end, nm from the inside face
     * @param maps       the names of the field maps of {@link View#FIELDS} (charge density, potential, each
     *                   concentration); empty without that view
     */
    ViewerSession(List<View> views, int frameCount, boolean logConcentrations, boolean live, List<String> fields,
                  double xMinNm, double xMaxNm, List<String> maps) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("no views");
        }
        if (views.contains(View.FIELDS) == maps.isEmpty()) {
            throw new IllegalArgumentException("the field-map view needs its maps, and maps need the view");
        }
        this.maps = List.copyOf(maps);
        this.views = List.copyOf(views);
        this.frameCount = frameCount;
        this.view = views.get(0);
        this.logConcentrations = logConcentrations;
        this.live = live;
        this.fields = List.copyOf(fields);
        this.xMinNm = xMinNm;
        this.xMaxNm = xMaxNm;
        this.frame = live ? LATEST : 0;
    }

    List<View> views() {
        return views;
    }

    View view() {
        return view;
    }

    int frame() {
        return frame;
    }

    int frameCount() {
        return frameCount;
    }

    boolean playing() {
        return playing;
    }

    boolean live() {
        return live;
    }

    boolean logConcentrations() {
        return logConcentrations;
    }

    int field() {
        return field;
    }

    State state() {
        return new State(view, frame, logConcentrations, field, xLoNm, xHiNm, map);
    }

    /** The map the field-map view shows (index into {@link #mapNames()}). */
    int map() {
        return map;
    }

    /** The names of the field maps, empty without the field-map view. */
    List<String> mapNames() {
        return maps;
    }

    /** Shows {@code v} if it is one of the views (e.g. the field maps first for a 2-D folder). */
    void show(View v) {
        if (views.contains(v)) {
            view = v;
        }
    }

    /** The name of field {@code f} ("all" for {@link #ALL_FIELDS}). */
    String fieldName(int f) {
        return f == ALL_FIELDS ? "all" : fields.get(f);
    }

    /** True if the view shows a snapshot frame (and the time slider selects it). */
    boolean showsFrames(View v) {
        return v == View.LECTURE || (live ? v == View.PROFILE : v == View.CHARGING);
    }

    /** A live run has saved {@code n} frames. */
    void setFrameCount(int n) {
        frameCount = n;
        if (frame != LATEST) {
            frame = Math.max(0, Math.min(frame, n - 1));
        }
    }

    /** Opens the lecture layout (the last frame of a folder's snapshots). */
    void showLecture() {
        if (!views.contains(View.LECTURE)) {
            return;
        }
        if (view != View.LECTURE) {
            beforeLecture = view;
            view = View.LECTURE;
        }
        if (!live && hasFrames()) {
            frame = frameCount - 1;
        }
    }

    boolean hasFrames() {
        return frameCount > 0;
    }

    /**
     * Handles a key.
     *
     * @param keyCode a NEWT {@link KeyEvent} virtual key code
     */
    Action press(short keyCode) {
        if (keyCode >= KeyEvent.VK_1 && keyCode <= KeyEvent.VK_9) {
            int i = keyCode - KeyEvent.VK_1;
            if (i >= views.size() || views.get(i) == view) {
                return Action.NONE;
            }
            view = views.get(i);
            return Action.REDRAW;
        }
        switch (keyCode) {
            case KeyEvent.VK_LEFT:
                return step((frame == LATEST ? frameCount : frame) - 1);
            case KeyEvent.VK_RIGHT:
                return frame == LATEST ? Action.NONE : step(frame + 1);
            case KeyEvent.VK_HOME:
                return step(0);
            case KeyEvent.VK_END:
                return live ? follow() : step(frameCount - 1);
            case KeyEvent.VK_SPACE:
                if (live) {
                    return Action.PAUSE_RUN;
                }
                if (!hasFrames()) {
                    return Action.NONE;
                }
                playing = !playing;
                if (playing && frame == frameCount - 1) {
                    frame = 0;
                }
                toFrameView();
                return Action.REDRAW;
            case KeyEvent.VK_V:
                if (!views.contains(View.LECTURE)) {
                    return Action.NONE;
                }
                if (view == View.LECTURE) {
                    view = beforeLecture != null ? beforeLecture : views.get(0);
                } else {
                    beforeLecture = view;
                    view = View.LECTURE;
                }
                return Action.REDRAW;
            case KeyEvent.VK_F:
                if (view == View.FIELDS) {
                    if (maps.size() < 2) {
                        return Action.NONE;
                    }
                    map = (map + 1) % maps.size();
                    return Action.REDRAW;
                }
                field = field + 1 >= fields.size() ? ALL_FIELDS : field + 1;
                view = View.PROFILE;
                return Action.REDRAW;
            case KeyEvent.VK_0:
                return resetZoom();
            case KeyEvent.VK_PLUS:
            case KeyEvent.VK_EQUALS:
            case KeyEvent.VK_ADD:
                return keyZoom(ZOOM_STEP);
            case KeyEvent.VK_MINUS:
            case KeyEvent.VK_SUBTRACT:
                return keyZoom(1 / ZOOM_STEP);
            case KeyEvent.VK_L:
                logConcentrations = !logConcentrations;
                return view == View.TIME_SERIES || view == View.FIELDS ? Action.NONE : Action.REDRAW;
            case KeyEvent.VK_S:
                return Action.SAVE;
            case KeyEvent.VK_Q:
            case KeyEvent.VK_ESCAPE:
                playing = false;
                return Action.CLOSE;
            default:
                return Action.NONE;
        }
    }

    /** Frame {@code f} picked on the time slider (clamped); on a live run the last one follows the newest state. */
    Action select(int f) {
        if (!hasFrames()) {
            return Action.NONE;
        }
        if (live && f >= frameCount - 1) {
            return follow();
        }
        return step(f);
    }

    /**
     * Zooms the profile's x window about {@code atNm} (nm from the inside face): the window [lo, hi] becomes
     * [at − (at − lo) f, at + (hi − at) f], then is kept within the slab and at least {@value #MIN_SPAN_NM} nm wide.
     *
     * @param factor  the span factor, below 1 zooms in
     * @param fromLoNm the window zoomed from when none is set yet (the range of the plot under the cursor)
     * @param fromHiNm its right end
     */
    Action zoomAbout(double atNm, double factor, double fromLoNm, double fromHiNm) {
        if (view != View.PROFILE || !(factor > 0) || !Double.isFinite(atNm)) {
            return Action.NONE;
        }
        double lo = Double.isNaN(xLoNm) ? fromLoNm : xLoNm;
        double hi = Double.isNaN(xHiNm) ? fromHiNm : xHiNm;
        return setWindow(atNm - (atNm - lo) * factor, atNm + (hi - atNm) * factor);
    }

    /**
     * Moves the profile's x window by {@code shiftNm} (positive: the data moves left, the window right).
     *
     * @param fromLoNm the window moved when none is set yet (the range of the plot under the cursor)
     * @param fromHiNm its right end
     */
    Action pan(double shiftNm, double fromLoNm, double fromHiNm) {
        if (view != View.PROFILE || shiftNm == 0 || !Double.isFinite(shiftNm)) {
            return Action.NONE;
        }
        double lo = Double.isNaN(xLoNm) ? fromLoNm : xLoNm;
        double hi = Double.isNaN(xHiNm) ? fromHiNm : xHiNm;
        return setWindow(lo + shiftNm, hi + shiftNm);
    }

    /** Back to the whole profile. */
    Action resetZoom() {
        if (Double.isNaN(xLoNm)) {
            return Action.NONE;
        }
        xLoNm = Double.NaN;
        xHiNm = Double.NaN;
        return view == View.PROFILE ? Action.REDRAW : Action.NONE;
    }

    private Action keyZoom(double factor) {
        if (view != View.PROFILE) {
            return Action.NONE;
        }
        double lo = Double.isNaN(xLoNm) ? xMinNm : xLoNm;
        double hi = Double.isNaN(xHiNm) ? xMaxNm : xHiNm;
        if (Double.isNaN(xLoNm)) {
            // from the whole slab, zoom towards the membrane (it is where the structure is)
            return zoomAbout(0, factor, lo, hi);
        }
        return zoomAbout((lo + hi) / 2, factor, lo, hi);
    }

    private Action setWindow(double lo, double hi) {
        double full = xMaxNm - xMinNm;
        double span = Math.max(MIN_SPAN_NM, Math.min(full, hi - lo));
        double mid = (lo + hi) / 2;
        lo = mid - span / 2;
        hi = mid + span / 2;
        if (lo < xMinNm) {
            hi += xMinNm - lo;
            lo = xMinNm;
        }
        if (hi > xMaxNm) {
            lo -= hi - xMaxNm;
            hi = xMaxNm;
        }
        lo = Math.max(xMinNm, lo);
        if (lo == xLoNm && hi == xHiNm) {
            return Action.NONE;
        }
        xLoNm = lo;
        xHiNm = hi;
        return Action.REDRAW;
    }

    /** The x window, nm from the inside face: {lo, hi}, NaN when not zoomed. */
    double[] window() {
        return new double[] {xLoNm, xHiNm};
    }

    private void toFrameView() {
        if (!showsFrames(view)) {
            view = live ? View.PROFILE : View.CHARGING;
        }
    }

    /** A live run: show the newest state again. */
    private Action follow() {
        boolean changed = frame != LATEST || !showsFrames(view);
        frame = LATEST;
        toFrameView();
        return changed ? Action.REDRAW : Action.NONE;
    }

    /** Shows frame {@code f} (clamped), on a frame view, paused. */
    private Action step(int f) {
        if (!hasFrames()) {
            return Action.NONE;
        }
        int to = Math.max(0, Math.min(frameCount - 1, f));
        boolean changed = to != frame || !showsFrames(view) || playing;
        frame = to;
        toFrameView();
        playing = false;
        return changed ? Action.REDRAW : Action.NONE;
    }

    /**
     * One tick of the play timer: the next frame while playing (after the last, the first again).
     *
     * @return true if the picture changed
     */
    boolean tick() {
        if (!playing || !hasFrames() || !showsFrames(view)) {
            return false;
        }
        frame = (frame + 1) % frameCount;
        return true;
    }

    /** "[1] profile  (log c)" etc.: the view part of the window title. */
    String viewTitle() {
        StringBuilder s = new StringBuilder();
        s.append('[').append(views.indexOf(view) + 1).append("] ").append(view.label());
        if (showsFrames(view) && (hasFrames() || live)) {
            if (frame == LATEST) {
                s.append(" live");
            } else {
                s.append(' ').append(frame + 1).append('/').append(frameCount);
            }
            if (!live) {
                s.append(playing ? " ▶" : " ❚❚");
            }
        }
        if (view == View.PROFILE && field != ALL_FIELDS) {
            s.append(", ").append(fieldName(field));
        }
        if (view == View.PROFILE && !Double.isNaN(xLoNm)) {
            s.append(", x ").append(NumberText.significant(xLoNm, 4)).append(" to ")
                    .append(NumberText.significant(xHiNm, 4)).append(" nm");
        }
        if (view == View.FIELDS) {
            s.append(", ").append(maps.get(map)).append(" (").append(map + 1).append('/').append(maps.size())
                    .append(", F: next map)");
        }
        if (logConcentrations && view != View.TIME_SERIES && view != View.FIELDS) {
            s.append(", log c");
        }
        return s.toString();
    }

    /** The first free name screenshot-001.png, screenshot-002.png, … in {@code dir}. */
    static String screenshotName(Path dir) {
        for (int i = 1; ; i++) {
            String name = String.format(Locale.ROOT, "screenshot-%03d.png", i);
            if (!Files.exists(dir.resolve(name))) {
                return name;
            }
        }
    }
}
