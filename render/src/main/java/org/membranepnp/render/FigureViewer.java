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
 * {@code pnp view}: a window (JOGL NEWT) showing the figures of a finished run folder. The figures are drawn with the
 * offscreen machinery of {@code pnp render} at the window's size, uploaded as a texture and drawn; a resize draws
 * them again. The keys are those of {@link ViewerSession}; the mouse over a plot shows the data at the nearest node
 * in the title bar.
 *
 * <p>All OpenGL work (offscreen figures and the window's drawing) runs on one worker thread; NEWT's event thread
 * only changes the session and asks for a redraw.
 */
public final class FigureViewer implements AutoCloseable {
    private final ViewerFigures figures;
    private final ViewerSession session;
    private final GLWindow window;
    private final ScheduledExecutorService worker;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch firstDrawn = new CountDownLatch(1);
    private final AtomicBoolean redrawQueued = new AtomicBoolean();
    private final Map<String, ViewerFigures.Picture> cache = new LinkedHashMap<>(16, 0.75f, true);
    // shared between the worker and the GL callback (which runs on the worker or NEWT's thread, under the drawable lock)
    private volatile ViewerFigures.Picture shown;
    private volatile CompletableFuture<BufferedImage> grab;
    private volatile String readout = "";
    private volatile int mouseX = -1;
    private volatile int mouseY = -1;
    private BufferedImage uploaded;
    private int texture;

    private FigureViewer(ViewerFigures figures, int width, int height) {
        this.figures = figures;
        this.session = new ViewerSession(figures.views(), figures.frameCount(), false);
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
                if (e.isAutoRepeat() && code != KeyEvent.VK_LEFT && code != KeyEvent.VK_RIGHT) {
                    return;
                }
                act(code);
            }
        });
        window.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                mouseX = e.getX();
                mouseY = e.getY();
                updateReadout();
            }

            @Override
            public void mouseExited(MouseEvent e) {
                mouseX = -1;
                readout = "";
                updateTitle();
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
        new RenderOptions(width, height, false); // one line if the size is out of range
        ViewerFigures figures = new ViewerFigures(dir);
        GlDisplay.profile();
        FigureViewer v = new FigureViewer(figures, width, height);
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
        return v;
    }

    /** Handles a key as if pressed in the window. */
    void act(short keyCode) {
        ViewerSession.Action a;
        synchronized (session) {
            a = session.press(keyCode);
        }
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
            default -> updateTitle();
        }
    }

    ViewerSession session() {
        return session;
    }

    /** Waits until the first figure is on the screen. */
    public boolean awaitFirstDrawn(long ms) throws InterruptedException {
        return firstDrawn.await(ms, TimeUnit.MILLISECONDS);
    }

    /** Waits until the window is closed (by a key, the window manager or {@link #close}). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Waits up to {@code ms} for the window to close; true if it did. */
    public boolean awaitClosed(long ms) throws InterruptedException {
        return closed.await(ms, TimeUnit.MILLISECONDS);
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
                worker.submit(() -> window.destroy()).get(10, TimeUnit.SECONDS);
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
        Path dir = figures.dir();
        Path file = PngFiles.write(dir, ViewerSession.screenshotName(dir), img);
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

    private void requestRedraw() {
        if (redrawQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::redraw);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                redrawQueued.set(false);
            }
        }
    }

    /** On the worker: draws the figure for the current state and size (or takes it from the cache), then shows it. */
    private void redraw() {
        redrawQueued.set(false);
        if (!window.isRealized()) {
            return;
        }
        int w = Math.max(1, window.getSurfaceWidth());
        int h = Math.max(1, window.getSurfaceHeight());
        ViewerSession.State s;
        synchronized (session) {
            s = session.state();
        }
        String key = s + "/" + w + "x" + h;
        ViewerFigures.Picture p = cache.get(key);
        if (p == null) {
            p = figures.draw(s, w, h);
            cache.put(key, p);
            int keep = (int) Math.max(4, 48_000_000L / ((long) w * h));
            while (cache.size() > keep) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
        shown = p;
        updateReadout();
        window.display();
        firstDrawn.countDown();
    }

    private void updateReadout() {
        ViewerFigures.Picture p = shown;
        int x = mouseX;
        int y = mouseY;
        if (p == null || x < 0) {
            readout = "";
        } else {
            double sx = p.image().getWidth() / (double) Math.max(1, window.getSurfaceWidth());
            double sy = p.image().getHeight() / (double) Math.max(1, window.getSurfaceHeight());
            readout = p.readout(x * sx, y * sy);
        }
        updateTitle();
    }

    private String title() {
        synchronized (session) {
            return figures.title() + " — " + session.viewTitle() + " — " + figures.status(session.state());
        }
    }

    private void updateTitle() {
        String r = readout;
        window.setTitle(r.isEmpty() ? title() : title() + "   |   " + r);
    }

    /** Draws the current picture as a texture over the whole window; reads the window back when a grab is asked. */
    private final class Painter implements GLEventListener {
        @Override
        public void init(GLAutoDrawable d) {
            GL2 gl = d.getGL().getGL2();
            int[] id = new int[1];
            gl.glGenTextures(1, id, 0);
            texture = id[0];
            uploaded = null;
        }

        @Override
        public void dispose(GLAutoDrawable d) {
            d.getGL().glDeleteTextures(1, new int[] {texture}, 0);
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
            gl.glOrtho(0, 1, 1, 0, -1, 1);
            gl.glMatrixMode(GLMatrixFunc.GL_MODELVIEW);
            gl.glLoadIdentity();
            ViewerFigures.Picture p = shown;
            if (p != null) {
                BufferedImage img = p.image();
                gl.glEnable(GL.GL_TEXTURE_2D);
                gl.glBindTexture(GL.GL_TEXTURE_2D, texture);
                if (img != uploaded) {
                    upload(gl, img);
                    uploaded = img;
                }
                gl.glColor4f(1, 1, 1, 1);
                gl.glBegin(GL2.GL_QUADS);
                gl.glTexCoord2f(0, 0);
                gl.glVertex2f(0, 0);
                gl.glTexCoord2f(1, 0);
                gl.glVertex2f(1, 0);
                gl.glTexCoord2f(1, 1);
                gl.glVertex2f(1, 1);
                gl.glTexCoord2f(0, 1);
                gl.glVertex2f(0, 1);
                gl.glEnd();
                gl.glDisable(GL.GL_TEXTURE_2D);
            }
            CompletableFuture<BufferedImage> g = grab;
            if (g != null) {
                g.complete(readBack(gl, w, h));
            }
        }

        private void upload(GL2 gl, BufferedImage img) {
            int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData(); // TYPE_INT_RGB: 0x00RRGGBB
            IntBuffer buf = Buffers.newDirectIntBuffer(px);
            gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4);
            gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_LINEAR);
            gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_LINEAR);
            gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE);
            gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE);
            gl.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGB8, img.getWidth(), img.getHeight(), 0, GL.GL_BGRA,
                    GL2.GL_UNSIGNED_INT_8_8_8_8_REV, buf);
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
