package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The offscreen framebuffer: size, orientation, colours, clipping and text over it (under Xvfb). */
class OffscreenGlTest {
    @Test
    void drawsInPixelCoordinatesFromTheTopLeft() {
        for (int k = 1; k <= 2; k++) {
            Scene s = new Scene(200, 100, 0xffffff);
            s.add(new Shape.Rect(10, 20, 50, 40, 0xff336699, null));
            s.add(new Shape.Rect(100, 0, 200, 100, 0xffcc0000, new Shape.Clip(150, 0, 200, 50)));
            int kk = k;
            BufferedImage img = OffscreenGl.draw(200, 100, kk, gl -> GlPainter.paint(gl, s, kk));
            assertEquals(200, img.getWidth());
            assertEquals(100, img.getHeight());
            assertEquals(0x336699, Pixels.rgb(img, 10, 20), "top left corner of the rectangle, x" + k);
            assertEquals(0x336699, Pixels.rgb(img, 49, 39));
            assertEquals(0xffffff, Pixels.rgb(img, 50, 40));
            assertEquals(0xffffff, Pixels.rgb(img, 9, 20));
            assertEquals(0xffffff, Pixels.rgb(img, 10, 19));
            assertEquals(0xcc0000, Pixels.rgb(img, 175, 25), "inside the clip");
            assertEquals(0xffffff, Pixels.rgb(img, 125, 25), "left of the clip");
            assertEquals(0xffffff, Pixels.rgb(img, 175, 75), "below the clip");
        }
    }

    @Test
    void linesAreAsWideAsAskedAndLabelsLandOnTop() {
        Scene s = new Scene(120, 80, 0xffffff);
        s.add(new Shape.Line(new float[] {10, 40.5f, 110, 40.5f}, 3, 0xff000000, null, null));
        s.add(Label.at("Hg", 60, 10, 14, 0xff000000, 0.5, 0));
        BufferedImage img = FigureRenderer.render(s);
        assertEquals(0x000000, Pixels.rgb(img, 60, 40), "centre row");
        assertTrue(Pixels.brightness(Pixels.rgb(img, 60, 39)) < 40 && Pixels.brightness(Pixels.rgb(img, 60, 41)) < 40);
        assertEquals(0xffffff, Pixels.rgb(img, 60, 37));
        assertEquals(0xffffff, Pixels.rgb(img, 60, 44));
        assertTrue(Pixels.countUnlike(img, 40, 10, 80, 30, 0xffffff, 80) > 20, "the label's ink");
    }
}
