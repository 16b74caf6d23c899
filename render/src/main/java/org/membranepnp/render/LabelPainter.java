package org.membranepnp.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/** Draws the text labels of a scene with Java2D over the picture OpenGL drew (antialiased, grey-scale). */
final class LabelPainter {
    private LabelPainter() {
    }

    static void paint(BufferedImage image, List<Label> labels) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            for (Label l : labels) {
                if (l.text().isEmpty()) {
                    continue;
                }
                TextLayout layout = RichText.layout(l.text(), l.size(), l.bold());
                float[] box = RichText.box(l.size(), l.bold());
                float dx = -l.alignX() * layout.getAdvance();
                float dy = -l.alignY() * (box[0] + box[1]) + box[0];
                g.setColor(new Color(l.argb(), true));
                if (l.vertical()) {
                    AffineTransform saved = g.getTransform();
                    g.translate(l.x(), l.y());
                    g.rotate(-Math.PI / 2);
                    layout.draw(g, dx, dy);
                    g.setTransform(saved);
                } else {
                    layout.draw(g, l.x() + dx, l.y() + dy);
                }
            }
        } finally {
            g.dispose();
        }
    }
}
