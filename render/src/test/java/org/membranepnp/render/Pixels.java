package org.membranepnp.render;

import java.awt.image.BufferedImage;

/** Pixel reading for the picture tests. */
final class Pixels {
    private Pixels() {
    }

    static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xffffff;
    }

    /** Largest channel difference of two 0xRRGGBB colours. */
    static int distance(int p, int q) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
        }
        return d;
    }

    /** Mean of the three channels, 0..255. */
    static int brightness(int p) {
        return (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3;
    }

    /** Pixels in the rectangle that differ from {@code background} by more than {@code tolerance}. */
    static int countUnlike(BufferedImage img, double x0, double y0, double x1, double y1, int background, int tolerance) {
        int n = 0;
        for (int y = (int) Math.floor(y0); y < (int) Math.ceil(y1); y++) {
            for (int x = (int) Math.floor(x0); x < (int) Math.ceil(x1); x++) {
                if (distance(img.getRGB(x, y) & 0xffffff, background) > tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The colour nearest to {@code target} within {@code r} pixels of (x, y), as its distance to the target. */
    static int nearest(BufferedImage img, double x, double y, int r, int target) {
        int best = 255;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int px = (int) Math.floor(x) + dx;
                int py = (int) Math.floor(y) + dy;
                if (px >= 0 && py >= 0 && px < img.getWidth() && py < img.getHeight()) {
                    best = Math.min(best, distance(img.getRGB(px, py) & 0xffffff, target));
                }
            }
        }
        return best;
    }
}
