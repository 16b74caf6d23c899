package org.membranepnp.render;

import com.jogamp.common.nio.Buffers;
import com.jogamp.newt.event.KeyAdapter;
import com.jogamp.newt.event.KeyEvent;
import com.jogamp.newt.event.MouseAdapter;
import com.jogamp.newt.event.MouseEvent;
import com.jogamp.newt.event.WindowAdapter;
import com.jogamp.newt.event.WindowEvent;
import com.jogamp.newt.opengl.GLWindow;
import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2;
import com.jogamp.opengl.GLAutoDrawable;
import com.jogamp.opengl.GLCapabilities;
import com.jogamp.opengl.GLEventListener;
import com.jogamp.opengl.fixedfunc.GLMatrixFunc;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.membranepnp.engine.UserInputException;

/**
 * {@code pnp view}: a window (JOGL NEWT) showing the figures of a finished run folder, or of a transient as it
 * computes ({@link LiveFeed}). The figures are drawn with the offscreen machinery of {@code pnp render} at the
 * window's size on a kept offscreen surface (a live run's without multisampling, for a short frame time), uploaded as
 * a texture and drawn; over them the window draws the time slider (where there are frames) and the box with the
 * values under the cursor.
 *
 * <p>A 2-D run folder (fields.csv) opens on its field maps ({@link ViewerSession.View#FIELDS}; F the next map); its
 * other views show the y-averaged profile of profiles.csv as for a 1-D run.
 *
 * <p>Keys are those of {@link ViewerSession}. Mouse: over a plot or a field map, the values at the nearest node (in a
 * box beside the cursor and in the title bar); on the profile view the wheel zooms about the cursor in x and a drag pans; on the
 * slider a click or drag picks the frame.
 *
 * <p>All OpenGL work (offscreen figures and the window's drawing) runs on one worker thread; NEWT's event thread
 * only changes the session and asks for a redraw.
 */
public final class FigureViewer implements AutoCloseable {
    /** How often a live run is asked for news, ms. */
    static final int LIVE_POLL_MS = 100;

    /**
     * Frame times of the pictures drawn (figure, upload and swap; pictures from the cache not counted).
     *
     * @param frames the pictures drawn
     * @param meanMs their mean time, ms
     * @param maxMs  the longest, ms
     * @param lastMs the last, ms
     */
    public record FrameStats(int frames, double meanMs, double maxMs, double lastMs) {
    }

    private enum Drag { NONE, PAN, SLIDER }

    private final ViewerFigures figures;
    private final ViewerSession session;
    private final LiveFeed feed;
    private final Path screenshotDir;
    private final GLWindow window;
    private final ScheduledExecutorService worker;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch firstDrawn = new CountDownLatch(1);
    private final AtomicBoolean redrawQueued = new AtomicBoolean();
    private final AtomicBoolean overlayQueued = new AtomicBoolean();
    private final Map<String, ViewerFigures.Picture> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final Object overlayLock = new Object();
    private final BufferedImage readoutImage = new BufferedImage(ViewerOverlay.READOUT_MAX_W,
            ViewerOverlay.READOUT_MAX_H, BufferedImage.TYPE_INT_ARGB);
    // shared between the worker, NEWT's thread and the GL callback (which runs under the drawable lock)
    private volatile ViewerFigures.Picture shown;
    private volatile CompletableFuture<BufferedImage> grab;
    private volatile String readout = "";
    private volatile int mouseX = -1;
    private volatile int mouseY = -1;
    private volatile int figureHeight = 1;
    private volatile int sliderHeight;
    private volatile int drawnFrames;
    private BufferedImage sliderImage;
    private boolean sliderDirty;
    private int[] readoutSize = {0, 0};
    private boolean readoutDirty;
    private BufferedImage uploaded;
    private IntBuffer uploadBuffer;
    private final int[] textures = new int[3];
    private OffscreenGl.Surface surface;
    private long lastVersion = Long.MIN_VALUE;
    // frame statistics (worker thread)
    private int statFrames;
    private double statSumMs;
    private double statMaxMs;
    private double statLastMs;
    private volatile int prefetched;
    // mouse drag (NEWT's thread)
    private Drag drag = Drag.NONE;
    private int dragX;
    private double dragNmPerPx;
    private double[] dragRange;

    private FigureViewer(ViewerFigures figures, LiveFeed feed, Path screenshotDir, int width, int height) {
        this.figures = figures;
        this.feed = feed;
        this.screenshotDir = screenshotDir;
        double[] slab = figures.slabNm();
        this.session = new ViewerSession(figures.views(), figures.frameCount(), false, feed != null,
                figures.fieldNames(), slab[0], slab[1], figures.mapNames());
        if (figures.hasFieldMaps()) {
            // a 2-D run: its maps are what the run is about; the y-averaged profile is a key away
            session.show(ViewerSession.View.FIELDS);
        }
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pnp-view");
            t.setDaemon(true);
            return t;
        });
        GLCapabilities caps = new GLCapabilities(GlDisplay.profile());
        caps.setDoubleBuffered(true);
        this.window = GLWindow.create(caps);
        window.setTitle(figures.title());
        window.setSize(width, height);
        window.addGLEventListener(new Painter());
        window.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                short code = e.getKeyCode();
                boolean repeats = code == KeyEvent.VK_LEFT || code == KeyEvent.VK_RIGHT || code == KeyEvent.VK_PLUS
                        || code == KeyEvent.VK_MINUS || code == KeyEvent.VK_EQUALS;
                if (e.isAutoRepeat() && !repeats) {
                    return;
                }
                act(code);
            }
        });
        window.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                pointAt(e.getX(), e.getY());
            }

            @Override
            public void mouseExited(MouseEvent e) {
                pointAt(-1, -1);
            }

            @Override
            public void mousePressed(MouseEvent e) {
                press(e.getX(), e.getY());
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                dragTo(e.getX(), e.getY());
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                drag = Drag.NONE;
            }

            @Override
            public void mouseWheelMoved(MouseEvent e) {
                float[] r = e.getRotation();
                wheel(e.getX(), e.getY(), r[1] != 0 ? r[1] : r[0]);
            }
        });
        window.addWindowListener(new WindowAdapter() {
            @Override
            public void windowResized(WindowEvent e) {
                requestRedraw();
            }

            @Override
            public void windowDestroyed(WindowEvent e) {
                closed.countDown();
            }
        });
    }

    /**
     * Opens the window on the run folder {@code dir} and draws its first figure (returns at once; the figure follows).
     *
     * @throws UserInputException         with one line if {@code dir} is no run folder or a file is malformed
     * @throws RenderUnavailableException if there is no display
     */
    public static FigureViewer open(Path dir, int width, int height) {
        return open(dir, width, height, false);
    }

    /**
     * Opens the window on the run folder {@code dir}, in the lecture layout if {@code lecture}.
     *
     * @throws UserInputException         with one line if {@code dir} is no run folder or a file is malformed
     * @throws RenderUnavailableException if there is no display
     */
    public static FigureViewer open(Path dir, int width, int height, boolean lecture) {
        new RenderOptions(width, height, false); // one line if the size is out of range
        ViewerFigures figures = new ViewerFigures(dir);
        GlDisplay.profile();
        return start(new FigureViewer(figures, null, dir, width, height), lecture);
    }

    /**
     * Opens the window on a running transient: each new frame and V_m(t) are shown as they arrive. The feed must have
     * its first state ({@link LiveFeed#latest}). Screenshots go to {@code screenshotDir}. Closing the window does not
     * stop the run; the caller does ({@link LiveFeed#stop}).
     *
     * @param lecture start in the lecture layout (else the profile view)
     * @throws RenderUnavailableException if there is no display
     */
    public static FigureViewer open(LiveFeed feed, int width, int height, boolean lecture, Path screenshotDir) {
        new RenderOptions(width, height, false);
        GlDisplay.profile();
        ViewerFigures figures = new ViewerFigures(feed);
        return start(new FigureViewer(figures, feed, screenshotDir, width, height), lecture);
    }

    private static FigureViewer start(FigureViewer v, boolean lecture) {
        if (lecture) {
            v.session.showLecture();
        }
        try {
            v.worker.submit(() -> v.window.setVisible(true)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the window", e);
        } catch (ExecutionException e) {
            v.worker.shutdownNow();
            throw new RenderUnavailableException(e.getCause());
        }
        v.requestRedraw();
        v.worker.scheduleAtFixedRate(v::tick, ViewerSession.FRAME_MS, ViewerSession.FRAME_MS, TimeUnit.MILLISECONDS);
        if (v.feed != null) {
            v.worker.scheduleAtFixedRate(v::poll, LIVE_POLL_MS, LIVE_POLL_MS, TimeUnit.MILLISECONDS);
        }
        return v;
    }

    /** Handles a key as if pressed in the window. */
    void act(short keyCode) {
        ViewerSession.Action a;
        synchronized (session) {
            a = session.press(keyCode);
        }
        perform(a);
    }

    private void perform(ViewerSession.Action a) {
        switch (a) {
            case REDRAW -> requestRedraw();
            case SAVE -> worker.execute(() -> {
                try {
                    saveScreenshot();
                } catch (RuntimeException e) {
                    window.setTitle("screenshot failed: " + e.getMessage());
                }
            });
            case CLOSE -> close();
            case PAUSE_RUN -> {
                if (feed != null) {
                    feed.setPaused(feed.phase() == LiveFeed.Phase.RUNNING);
                }
            }
            default -> updateTitle();
        }
    }

    /** The mouse at window pixel (x, y) (−1: outside the window): the readout box follows. */
    void pointAt(int x, int y) {
        mouseX = x;
        mouseY = y;
        updateReadout();
        requestOverlay();
    }

    /** A mouse button pressed at (x, y): on the slider it picks a frame, on a profile plot it starts a pan. */
    void press(int x, int y) {
        drag = Drag.NONE;
        if (sliderHeight > 0 && y >= figureHeight) {
            drag = Drag.SLIDER;
            dragTo(x, y);
            return;
        }
        ViewerFigures.Picture p = shown;
        ViewerFigures.Plot plot = p == null ? null : p.plotAt(x * scaleX(p), y * scaleY(p));
        if (plot == null || plot.toNm() == null) {
            return;
        }
        synchronized (session) {
            if (session.view() != ViewerSession.View.PROFILE) {
                return;
            }
        }
        Panel q = plot.panel();
        dragRange = plot.rangeNm();
        dragNmPerPx = (dragRange[1] - dragRange[0]) / ((q.right() - q.left()) / scaleX(p));
        dragX = x;
        drag = Drag.PAN;
    }

    /** The mouse dragged to (x, y) with the button down. */
    void dragTo(int x, int y) {
        ViewerSession.Action a = ViewerSession.Action.NONE;
        if (drag == Drag.SLIDER) {
            int w = Math.max(1, window.getSurfaceWidth());
            int f = ViewerOverlay.Track.of(w, window.getSurfaceHeight()).frameAt(x, figures.frameCount());
            synchronized (session) {
                a = session.select(f);
            }
        } else if (drag == Drag.PAN) {
            double shift = -(x - dragX) * dragNmPerPx;
            dragX = x;
            synchronized (session) {
                a = session.pan(shift, dragRange[0], dragRange[1]);
            }
        }
        perform(a);
    }

    /** A mouse drag from (x0, y0) to (x1, y1) in one step (tests). */
    void drag(int x0, int y0, int x1, int y1) {
        press(x0, y0);
        dragTo(x1, y1);
        drag = Drag.NONE;
    }

    /**
     * The mouse wheel at (x, y) turned by {@code rotation} notches (positive: away from the user): on a profile plot,
     * zooms in x about the cursor by {@link ViewerSession#ZOOM_STEP} per notch.
     */
    void wheel(int x, int y, float rotation) {
        ViewerFigures.Picture p = shown;
        ViewerFigures.Plot plot = p == null ? null : p.plotAt(x * scaleX(p), y * scaleY(p));
        if (plot == null || plot.toNm() == null || rotation == 0) {
            return;
        }
        Panel q = plot.panel();
        double at = plot.toNm().applyAsDouble(
                ViewerFigures.valueAt(q.x(), (x * scaleX(p) - q.left()) / (q.right() - q.left())));
        double[] range = plot.rangeNm();
        ViewerSession.Action a;
        synchronized (session) {
            a = session.zoomAbout(at, Math.pow(ViewerSession.ZOOM_STEP, rotation), range[0], range[1]);
        }
        perform(a);
    }

    ViewerSession session() {
        return session;
    }

    /** The picture on the screen (tests). */
    ViewerFigures.Picture shownPicture() {
        return shown;
    }

    /** Field maps drawn ahead of F so far (tests). */
    int prefetchedMaps() {
        return prefetched;
    }

    /** Window rows the figure takes (the slider is below it). */
    int figureHeight() {
        return figureHeight;
    }

    /** The slider strip's height, 0 when there is none. */
    int sliderHeight() {
        return sliderHeight;
    }

    /** Waits until the work asked for so far (redraws, overlays) is done. */
    void sync() throws InterruptedException {
        try {
            worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
            worker.submit(() -> { }).get(30, TimeUnit.SECONDS); // a redraw queued by the first
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the first figure is on the screen. */
    public boolean awaitFirstDrawn(long ms) throws InterruptedException {
        return firstDrawn.await(ms, TimeUnit.MILLISECONDS);
    }

    /**
     * A live run: waits until a picture with at least {@code frames} saved frames is on the screen, or the run has
     * ended and its last state is shown.
     *
     * @return true if so within {@code ms}
     */
    public boolean awaitLiveFrames(int frames, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) {
            if (drawnFrames >= frames || (feed != null && lastVersion == feed.version() && ended(feed.phase()))) {
                return true;
            }
            if (closed.await(20, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return false;
    }

    private static boolean ended(LiveFeed.Phase p) {
        return p == LiveFeed.Phase.FINISHED || p == LiveFeed.Phase.STOPPED || p == LiveFeed.Phase.FAILED;
    }

    /** Waits until the window is closed (by a key, the window manager or {@link #close}). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Waits up to {@code ms} for the window to close; true if it did. */
    public boolean awaitClosed(long ms) throws InterruptedException {
        return closed.await(ms, TimeUnit.MILLISECONDS);
    }

    /** The frame times so far. */
    public FrameStats frameStats() {
        try {
            return worker.submit(() -> new FrameStats(statFrames, statFrames == 0 ? Double.NaN : statSumMs / statFrames,
                    statMaxMs, statLastMs)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FrameStats(0, Double.NaN, Double.NaN, Double.NaN);
        } catch (ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            return new FrameStats(0, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * Saves what the window shows as {@code DIR/screenshot-NNN.png} (the first free number), atomically.
     *
     * @return the file written
     */
    public Path screenshot() {
        try {
            return worker.submit(this::saveScreenshot).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving a screenshot", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Closes the window (idempotent). */
    @Override
    public void close() {
        if (!worker.isShutdown()) {
            try {
                worker.submit(() -> {
                    window.destroy();
                    if (surface != null) {
                        surface.close();
                        surface = null;
                    }
                }).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // the window is gone or hangs; nothing more to do
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile
            }
            worker.shutdownNow();
        }
        closed.countDown();
    }

    private Path saveScreenshot() {
        CompletableFuture<BufferedImage> f = new CompletableFuture<>();
        grab = f;
        window.display();
        BufferedImage img = f.getNow(null);
        grab = null;
        if (img == null) {
            throw new IllegalStateException("the window was not drawn");
        }
        Path file = PngFiles.write(screenshotDir, ViewerSession.screenshotName(screenshotDir), img);
        window.setTitle(title() + "   — saved " + file.getFileName());
        return file;
    }

    private void tick() {
        boolean changed;
        synchronized (session) {
            changed = session.tick();
        }
        if (changed) {
            requestRedraw();
        }
    }

    /** On the worker: pulls news from the live run and shows them. */
    private void poll() {
        long v = feed.version();
        if (v == lastVersion) {
            return;
        }
        lastVersion = v;
        figures.refresh();
        synchronized (session) {
            session.setFrameCount(figures.frameCount());
        }
        redrawQueued.set(true);
        redraw();
    }

    private void requestRedraw() {
        if (redrawQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::redraw);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                redrawQueued.set(false);
            }
        }
    }

    private void requestOverlay() {
        if (overlayQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    overlayQueued.set(false);
                    drawReadout();
                    if (window.isRealized()) {
                        window.display();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                overlayQueued.set(false);
            }
        }
    }

    /** On the worker: draws the figure for the current state and size (or takes it from the cache), then shows it. */
    private void redraw() {
        redrawQueued.set(false);
        if (!window.isRealized()) {
            return;
        }
        long t0 = System.nanoTime();
        int w = Math.max(1, window.getSurfaceWidth());
        int h = Math.max(1, window.getSurfaceHeight());
        ViewerSession.State s;
        boolean slider;
        int count;
        synchronized (session) {
            s = session.state();
            count = session.frameCount();
            slider = session.showsFrames(s.view()) && (count > 0 || session.live());
        }
        int sh = slider ? ViewerOverlay.sliderHeight(w, h) : 0;
        int fh = Math.max(1, h - sh);
        String key = cacheKey(s, w, fh);
        ViewerFigures.Picture p = cache.get(key);
        boolean drawn = p == null;
        if (p == null) {
            p = drawIntoCache(s, key, w, fh);
        }
        synchronized (overlayLock) {
            if (slider) {
                if (sliderImage == null || sliderImage.getWidth() != w || sliderImage.getHeight() != sh) {
                    sliderImage = new BufferedImage(w, sh, BufferedImage.TYPE_INT_RGB);
                }
                String label = count == 0 ? "" : (s.frame() == ViewerSession.LATEST ? "live " : "")
                        + ChargingAnimation.time(figures.frameTimeS(s.frame())) + (s.frame() == ViewerSession.LATEST
                        ? "" : "  (" + (s.frame() + 1) + "/" + count + ")");
                ViewerOverlay.drawSlider(sliderImage, ViewerOverlay.Track.of(w, h), ViewerFigures.style(w, h).text(),
                        count, s.frame(), label);
                sliderDirty = true;
            }
        }
        sliderHeight = sh;
        figureHeight = fh;
        shown = p;
        drawnFrames = count;
        updateReadout();
        drawReadout();
        window.display();
        if (drawn) {
            double ms = (System.nanoTime() - t0) / 1e6;
            statFrames++;
            statSumMs += ms;
            statMaxMs = Math.max(statMaxMs, ms);
            statLastMs = ms;
        }
        firstDrawn.countDown();
        if (s.view() == ViewerSession.View.FIELDS) {
            prefetchNextMap(s, w, fh);
        }
    }

    private String cacheKey(ViewerSession.State s, int w, int fh) {
        return s + "/" + w + "x" + fh + (feed != null ? "/" + lastVersion : "");
    }

    /** On the worker: draws the picture of {@code s} at w × fh and keeps it (the oldest pictures make room). */
    private ViewerFigures.Picture drawIntoCache(ViewerSession.State s, String key, int w, int fh) {
        FigureStyle style = ViewerFigures.style(w, fh);
        ViewerFigures.Picture p = figures.draw(s, w, fh, surface(style.width(), style.height()));
        cache.put(key, p);
        int keep = (int) Math.max(4, 48_000_000L / ((long) w * fh));
        while (cache.size() > keep) {
            cache.remove(cache.keySet().iterator().next());
        }
        return p;
    }

    /**
     * On the worker, after a field map is shown: draws the map F shows next into the cache while the user looks, so
     * that F shows it at once. Left out when a redraw is waiting (it goes first) or the state or size has changed.
     */
    private void prefetchNextMap(ViewerSession.State shownState, int w, int fh) {
        int n;
        synchronized (session) {
            n = session.mapNames().size();
        }
        if (n < 2) {
            return;
        }
        ViewerSession.State next = new ViewerSession.State(shownState.view(), shownState.frame(),
                shownState.logConcentrations(), shownState.field(), shownState.xLoNm(), shownState.xHiNm(),
                (shownState.map() + 1) % n);
        String key = cacheKey(next, w, fh);
        if (cache.containsKey(key)) {
            return;
        }
        try {
            worker.execute(() -> {
                boolean same;
                synchronized (session) {
                    same = session.state().equals(shownState);
                }
                if (redrawQueued.get() || !same || cache.containsKey(key) || !window.isRealized()
                        || window.getSurfaceWidth() != w || figureHeight != fh) {
                    return;
                }
                drawIntoCache(next, key, w, fh);
                prefetched++;
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** The kept offscreen surface of this size (a live run's without multisampling or supersampling). */
    private OffscreenGl.Surface surface(int w, int h) {
        if (surface != null && surface.width() == w && surface.height() == h) {
            return surface;
        }
        if (surface != null) {
            surface.close();
        }
        surface = feed != null ? new OffscreenGl.Surface(w, h, 1, false)
                : new OffscreenGl.Surface(w, h, FigureRenderer.supersample(w, h), true);
        return surface;
    }

    private double scaleX(ViewerFigures.Picture p) {
        return p.image().getWidth() / (double) Math.max(1, window.getSurfaceWidth());
    }

    private double scaleY(ViewerFigures.Picture p) {
        return p.image().getHeight() / (double) Math.max(1, figureHeight);
    }

    private void updateReadout() {
        ViewerFigures.Picture p = shown;
        int x = mouseX;
        int y = mouseY;
        if (p == null || x < 0 || y >= figureHeight) {
            readout = "";
        } else {
            readout = p.readout(x * scaleX(p), y * scaleY(p));
        }
        updateTitle();
    }

    /** On the worker: the readout box for the current text. */
    private void drawReadout() {
        String r = readout;
        synchronized (overlayLock) {
            float size = Math.max(11f, ViewerFigures.style(Math.max(1, window.getSurfaceWidth()),
                    Math.max(1, figureHeight)).small());
            readoutSize = ViewerOverlay.drawReadout(readoutImage, r, size);
            readoutDirty = true;
        }
    }

    private String title() {
        synchronized (session) {
            return figures.title() + " — " + session.viewTitle() + " — " + figures.status(session.state());
        }
    }

    private void updateTitle() {
        String r = readout;
        window.setTitle(r.isEmpty() ? title() : title() + "   |   " + ViewerFigures.titleLine(r));
    }

    /** Draws the picture, the slider and the readout box; reads the window back when a grab is asked. */
    private final class Painter implements GLEventListener {
        @Override
        public void init(GLAutoDrawable d) {
            GL2 gl = d.getGL().getGL2();
            gl.glGenTextures(textures.length, textures, 0);
            uploaded = null;
            synchronized (overlayLock) {
                sliderDirty = true;
                readoutDirty = true;
            }
        }

        @Override
        public void dispose(GLAutoDrawable d) {
            d.getGL().glDeleteTextures(textures.length, textures, 0);
        }

        @Override
        public void reshape(GLAutoDrawable d, int x, int y, int width, int height) {
            // display() sets the viewport from the surface size
        }

        @Override
        public void display(GLAutoDrawable d) {
            GL2 gl = d.getGL().getGL2();
            int w = d.getSurfaceWidth();
            int h = d.getSurfaceHeight();
            gl.glViewport(0, 0, w, h);
            gl.glClearColor(1, 1, 1, 1);
            gl.glClear(GL.GL_COLOR_BUFFER_BIT);
            gl.glMatrixMode(GLMatrixFunc.GL_PROJECTION);
            gl.glLoadIdentity();
            gl.glOrtho(0, w, h, 0, -1, 1);
            gl.glMatrixMode(GLMatrixFunc.GL_MODELVIEW);
            gl.glLoadIdentity();
            gl.glEnable(GL.GL_TEXTURE_2D);
            gl.glColor4f(1, 1, 1, 1);
            ViewerFigures.Picture p = shown;
            int fh = Math.min(h, figureHeight);
            if (p != null) {
                BufferedImage img = p.image();
                gl.glBindTexture(GL.GL_TEXTURE_2D, textures[0]);
                if (img != uploaded) {
                    upload(gl, img, false);
                    uploaded = img;
                }
                quad(gl, 0, 0, w, fh, 1, 1);
            }
            synchronized (overlayLock) {
                if (sliderHeight > 0 && sliderImage != null) {
                    gl.glBindTexture(GL.GL_TEXTURE_2D, textures[1]);
                    if (sliderDirty) {
                        upload(gl, sliderImage, false);
                        sliderDirty = false;
                    }
                    quad(gl, 0, fh, w, h, 1, 1);
                }
                int bw = readoutSize[0];
                int bh = readoutSize[1];
                if (bw > 0 && mouseX >= 0) {
                    gl.glBindTexture(GL.GL_TEXTURE_2D, textures[2]);
                    if (readoutDirty) {
                        upload(gl, readoutImage, true);
                        readoutDirty = false;
                    }
                    int off = 18;
                    int x = mouseX + off + bw <= w ? mouseX + off : Math.max(0, mouseX - off - bw);
                    int y = mouseY + off + bh <= fh ? mouseY + off : Math.max(0, mouseY - off - bh);
                    gl.glEnable(GL.GL_BLEND);
                    gl.glBlendFunc(GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA);
                    quad(gl, x, y, x + bw, y + bh, bw / (float) readoutImage.getWidth(),
                            bh / (float) readoutImage.getHeight());
                    gl.glDisable(GL.GL_BLEND);
                }
            }
            gl.glDisable(GL.GL_TEXTURE_2D);
            CompletableFuture<BufferedImage> g = grab;
            if (g != null) {
                g.complete(readBack(gl, w, h));
            }
        }

        private void quad(GL2 gl, float x0, float y0, float x1, float y1, float s1, float t1) {
            gl.glBegin(GL2.GL_QUADS);
            gl.glTexCoord2f(0, 0);
            gl.glVertex2f(x0, y0);
            gl.glTexCoord2f(s1, 0);
            gl.glVertex2f(x1, y0);
            gl.glTexCoord2f(s1, t1);
            gl.glVertex2f(x1, y1);
            gl.glTexCoord2f(0, t1);
            gl.glVertex2f(x0, y1);
            gl.glEnd();
        }

        /** Uploads an INT_RGB (0x00RRGGBB) or INT_ARGB image into the bound texture, through one kept buffer. */
        private void upload(GL2 gl, BufferedImage img, boolean alpha) {
            int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            if (uploadBuffer == null || uploadBuffer.capacity() < px.length) {
                uploadBuffer = Buffers.newDirectIntBuffer(px.length);
            }
            uploadBuffer.clear();
            uploadBuffer.put(px, 0, px.length).flip();
            gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4);
            gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_LINEAR);
            gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_LINEAR);
            gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE);
            gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE);
            gl.glTexImage2D(GL.GL_TEXTURE_2D, 0, alpha ? GL.GL_RGBA8 : GL.GL_RGB8, img.getWidth(), img.getHeight(), 0,
                    GL.GL_BGRA, GL2.GL_UNSIGNED_INT_8_8_8_8_REV, uploadBuffer);
        }

        /** The back buffer (just drawn, not yet swapped) as a top-down RGB image. */
        private BufferedImage readBack(GL2 gl, int w, int h) {
            ByteBuffer rgba = Buffers.newDirectByteBuffer(w * h * 4);
            gl.glReadBuffer(GL.GL_BACK);
            gl.glPixelStorei(GL.GL_PACK_ALIGNMENT, 1);
            gl.glReadPixels(0, 0, w, h, GL.GL_RGBA, GL.GL_UNSIGNED_BYTE, rgba);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < h; y++) {
                int row = h - 1 - y;
                for (int x = 0; x < w; x++) {
                    int i = (row * w + x) * 4;
                    out[y * w + x] = (rgba.get(i) & 0xff) << 16 | (rgba.get(i + 1) & 0xff) << 8 | rgba.get(i + 2) & 0xff;
                }
            }
            return img;
        }
    }
}
