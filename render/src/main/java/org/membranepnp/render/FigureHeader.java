package org.membranepnp.render;

/** The top of a figure: a bold title, a line of key numbers under it and the legend in rows across the width. */
final class FigureHeader {
    private FigureHeader() {
    }

    /**
     * Adds the header to {@code scene}.
     *
     * @param info   a line of key numbers (may be empty)
     * @param legend the legend, drawn in rows (may be null)
     * @return the pixel row below the header, where the plots may start
     */
    static double draw(Scene scene, FigureStyle style, String title, String info, Legend legend) {
        double margin = margin(style);
        double y = margin;
        double room = style.width() - 2 * margin;
        float titleSize = fit(title, style.title(), true, room);
        scene.add(Label.at(title, margin, y, titleSize, FigureStyle.INK, 0, 0).inBold());
        y += lineHeight(titleSize);
        if (!info.isEmpty()) {
            y += style.pad() * 0.2;
            float infoSize = fit(info, style.text(), false, room);
            scene.add(Label.at(info, margin, y, infoSize, FigureStyle.MUTED, 0, 0));
            y += lineHeight(infoSize);
        }
        if (legend != null && !legend.entries().isEmpty()) {
            y += style.pad() * 0.5;
            y += legend.drawRows(scene, style.width() / 2.0, y, style.width() - 2 * margin);
        }
        return y + style.pad();
    }

    /** The margin around a figure, pixels. */
    static double margin(FigureStyle style) {
        return style.pad() * 1.6;
    }

    /** {@code size}, or less where the text would be wider than {@code room}. */
    static float fit(String text, float size, boolean bold, double room) {
        double w = RichText.width(text, size, bold);
        return w <= room ? size : (float) (size * room / w);
    }

    private static double lineHeight(float size) {
        float[] box = RichText.box(size, false);
        return box[0] + box[1];
    }
}
