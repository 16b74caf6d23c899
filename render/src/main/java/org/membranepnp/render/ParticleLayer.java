package org.membranepnp.render;

/**
 * Particles of one species to draw as coloured points over a field map ({@link ParticleOverlay}).
 *
 * @param label  the legend text (rich text, e.g. {@code "Na^{+}"})
 * @param rgb    the points' colour, 0xRRGGBB
 * @param xNm    x of each particle, nm
 * @param yNm    y of each particle, nm (as long as xNm)
 */
public record ParticleLayer(String label, int rgb, double[] xNm, double[] yNm) {
    /**
     * @throws IllegalArgumentException if the coordinate arrays differ in length
     */
    public ParticleLayer {
        if (xNm.length != yNm.length) {
            throw new IllegalArgumentException("a particle layer has " + xNm.length + " x and " + yNm.length + " y");
        }
        label = label == null ? "" : label;
    }

    /** Number of particles. */
    public int count() {
        return xNm.length;
    }
}
