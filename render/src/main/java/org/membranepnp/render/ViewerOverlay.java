package org.membranepnp.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * What {@code pnp view} draws over the figure, with Java2D into images the window shows as textures: the time slider
 * at the bottom (one notch per saved frame, the knob at the frame shown, its time at the right) and the box with the
 * values under the cursor. Both are drawn again only when they change, into images kept between draws.
 */
final class ViewerOverlay {
    static final int SLIDER_FILL = 0xffeeeeee;
    static final int TRACK = 0xffb4b4b4;
    static final int KNOB = LectureFigure.LENS;
    static final int READOUT_FILL = 0xf4ffffff;
    static final int READOUT_EDGE = 0xff8c8c8c;
    /** The largest readout box, pixels. */
    static final int READOUT_MAX_W = 760;
    static final int READOUT_MAX_H = 420;

    private ViewerOverlay() {
    }

    /** The slider's height for a window {@code width} wide, pixels. */
    static int sliderHeight(int width, int height) {
        FigureStyle s = ViewerFigures.style(width, height);
        return Math.round(Math.max(30, s.text() * 2.6f));
    }

    /**
     * The slider's track: frames 0 … count − 1 evenly along [x0, x1] (window pixels, the strip's own coordinates).
     *
     * @param x0 the first frame's position
     * @param x1 the last frame's position
     */
    record Track(double x0, double x1) {
        /** The track of a slider {@code width} wide with room for the time label at the right. */
        static Track of(int width, int height) {
            float text = ViewerFigures.style(width, height).text();
            double pad = Math.max(12, text);
            double label = Math.min(width * 0.4, text * 14);
            return new Track(pad, Math.max(pad + 1, width - label - pad * 2));
        }

        /** The frame nearest the strip's pixel column {@code x}. */
        int frameAt(double x, int count) {
            if (count <= 1) {
                return 0;
            }
            double f = (x - x0) / (x1 - x0) * (count - 1);
            return (int) Math.max(0, Math.min(count - 1, Math.round(f)));
        }

        /** The pixel column of frame {@code f} of {@code count}. */
        double xOf(int f, int count) {
            return count <= 1 ? x1 : x0 + (x1 - x0) * f / (count - 1);
        }
    }

    /**
     * Draws the slider into {@code img} (its whole size): the track, a notch per frame (when they are at least 3 px
     * apart), the knob at {@code frame} ({@link ViewerSession#LATEST}, the newest state of a live run: at the end) and
     * {@code label} right of the track, in {@code text}-pixel type.
     */
    static void drawSlider(BufferedImage img, Track t, float text, int count, int frame, String label) {
        int w = img.getWidth();
        int h = img.getHeight();
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.setColor(new Color(SLIDER_FILL, true));
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(TRACK, true));
            g.fillRect(0, 0, w, 1);
            double cy = h / 2.0;
            float thick = Math.max(3, h / 9f);
            g.setStroke(new BasicStroke(thick, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine((int) t.x0(), (int) cy, (int) t.x1(), (int) cy);
            if (count > 1 && (t.x1() - t.x0()) / (count - 1) >= 3) {
                g.setStroke(new BasicStroke(1));
                g.setColor(new Color(0xff8a8a8a, true));
                for (int f = 0; f < count; f++) {
                    int x = (int) Math.round(t.xOf(f, count));
                    g.drawLine(x, (int) (cy - h * 0.22), x, (int) (cy + h * 0.22));
                }
            }
            if (count > 0) {
                double kx = frame == ViewerSession.LATEST ? t.x1() : t.xOf(frame, count);
                double r = h * 0.3;
                g.setColor(new Color(KNOB, true));
                g.fill(new Ellipse2D.Double(kx - r, cy - r, 2 * r, 2 * r));
                g.setColor(new Color(FigureStyle.INK, true));
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Ellipse2D.Double(kx - r, cy - r, 2 * r, 2 * r));
            }
            if (!label.isEmpty()) {
                TextLayout l = RichText.layout(label, text, false);
                float[] box = RichText.box(text, false);
                g.setColor(new Color(FigureStyle.INK, true));
                l.draw(g, (float) (t.x1() + Math.max(12, text)), (float) (cy + (box[0] - box[1]) / 2));
            }
        } finally {
            g.dispose();
        }
    }

    /**
     * Draws the readout box into the top left of {@code img} (cleared to transparent first): the lines of
     * {@code text} ('\n' separated, with {@link RichText} markup) on a light rounded box.
     *
     * @return the box's width and height, pixels (0, 0 for an empty text)
     */
    static int[] drawReadout(BufferedImage img, String text, float size) {
        Graphics2D g = img.createGraphics();
        try {
            g.setComposite(AlphaComposite.Clear);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            if (text.isEmpty()) {
                return new int[] {0, 0};
            }
            hints(g);
            String[] lines = text.split("\n");
            float[] box = RichText.box(size, false);
            float lineH = box[0] + box[1];
            float pad = size * 0.6f;
            double w = 0;
            TextLayout[] layouts = new TextLayout[lines.length];
            for (int i = 0; i < lines.length; i++) {
                layouts[i] = RichText.layout(lines[i].isEmpty() ? " " : lines[i], size, i == 0);
                w = Math.max(w, layouts[i].getAdvance());
            }
            int bw = (int) Math.min(img.getWidth(), Math.ceil(w + 2 * pad));
            int bh = (int) Math.min(img.getHeight(), Math.ceil(lines.length * lineH + 2 * pad));
            RoundRectangle2D r = new RoundRectangle2D.Double(0.5, 0.5, bw - 1, bh - 1, size * 0.6, size * 0.6);
            g.setColor(new Color(READOUT_FILL, true));
            g.fill(r);
            g.setColor(new Color(READOUT_EDGE, true));
            g.setStroke(new BasicStroke(1));
            g.draw(r);
            g.setColor(new Color(FigureStyle.INK, true));
            for (int i = 0; i < lines.length; i++) {
                layouts[i].draw(g, pad, pad + i * lineH + box[0]);
            }
            return new int[] {bw, bh};
        } finally {
            g.dispose();
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }
}
