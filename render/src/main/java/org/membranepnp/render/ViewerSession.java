package org.membranepnp.render;

import com.jogamp.newt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The state of {@code pnp view}: which figure is shown, which snapshot frame, whether the frames play and whether
 * concentrations are on a log axis. Keys change it through {@link #press}, which says what the window must do
 * next; nothing here touches a window or OpenGL, so it is tested without a display.
 *
 * <p>Keys: 1, 2, 3 the views (in the order of {@link #views()}), Left/Right a snapshot frame back/forward (Home/End
 * the first/last), Space play/pause the frames, L log concentrations, S save a screenshot, Q or Escape close.
 */
final class ViewerSession {
    /** The figures the viewer can show. */
    enum View {
        PROFILE("profile"), TIME_SERIES("time series"), CHARGING("charging");

        private final String label;

        View(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** What the window does after a key. */
    enum Action {
        /** Nothing changed. */
        NONE,
        /** The picture changed: draw it again. */
        REDRAW,
        /** Save a screenshot of the window. */
        SAVE,
        /** Close the window. */
        CLOSE
    }

    /** What a picture depends on: the view, the frame (0-based) and the concentration axis. */
    record State(View view, int frame, boolean logConcentrations) {
    }

    /** The time one frame is shown while playing, ms. */
    static final int FRAME_MS = ChargingAnimation.FRAME_DELAY_MS;

    private final List<View> views;
    private final int frameCount;
    private View view;
    private int frame;
    private boolean playing;
    private boolean logConcentrations;

    /**
     * @param views      the views this folder allows, in key order (not empty)
     * @param frameCount snapshot frames (0 without snapshots; then {@code views} has no CHARGING)
     */
    ViewerSession(List<View> views, int frameCount, boolean logConcentrations) {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("no views");
        }
        this.views = List.copyOf(views);
        this.frameCount = frameCount;
        this.view = views.get(0);
        this.logConcentrations = logConcentrations;
    }

    List<View> views() {
        return views;
    }

    View view() {
        return view;
    }

    /** The snapshot frame, 0-based. */
    int frame() {
        return frame;
    }

    /** The state the picture depends on. */
    State state() {
        return new State(view, frame, logConcentrations);
    }

    int frameCount() {
        return frameCount;
    }

    boolean playing() {
        return playing;
    }

    boolean logConcentrations() {
        return logConcentrations;
    }

    private boolean hasFrames() {
        return frameCount > 0 && views.contains(View.CHARGING);
    }

    /** Handles a key (a NEWT {@link KeyEvent} key code). */
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
                return step(frame - 1);
            case KeyEvent.VK_RIGHT:
                return step(frame + 1);
            case KeyEvent.VK_HOME:
                return step(0);
            case KeyEvent.VK_END:
                return step(frameCount - 1);
            case KeyEvent.VK_SPACE:
                if (!hasFrames()) {
                    return Action.NONE;
                }
                playing = !playing;
                if (playing && frame == frameCount - 1) {
                    frame = 0;
                }
                view = View.CHARGING;
                return Action.REDRAW;
            case KeyEvent.VK_L:
                logConcentrations = !logConcentrations;
                return view == View.TIME_SERIES ? Action.NONE : Action.REDRAW;
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

    /** Shows frame {@code f} (clamped), on the charging view, paused. */
    private Action step(int f) {
        if (!hasFrames()) {
            return Action.NONE;
        }
        int to = Math.max(0, Math.min(frameCount - 1, f));
        boolean changed = to != frame || view != View.CHARGING || playing;
        frame = to;
        view = View.CHARGING;
        playing = false;
        return changed ? Action.REDRAW : Action.NONE;
    }

    /**
     * One tick of the play timer: the next frame while playing (after the last, the first again).
     *
     * @return true if the picture changed
     */
    boolean tick() {
        if (!playing || !hasFrames() || view != View.CHARGING) {
            return false;
        }
        frame = (frame + 1) % frameCount;
        return true;
    }

    /** "[1] profile  (log c)" etc.: the view part of the window title. */
    String viewTitle() {
        StringBuilder s = new StringBuilder();
        s.append('[').append(views.indexOf(view) + 1).append("] ").append(view.label());
        if (view == View.CHARGING) {
            s.append(' ').append(frame + 1).append('/').append(frameCount).append(playing ? " ▶" : " ❚❚");
        }
        if (logConcentrations && view != View.TIME_SERIES) {
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
