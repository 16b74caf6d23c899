package org.membranepnp.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A legend: a line sample, a dot or a colour patch, each with its text. Laid out in a framed column ({@link #drawBox})
 * or in rows across the figure ({@link #drawRows}).
 */
final class Legend {
    /** How an entry's sample looks. */
    enum Kind { LINE, DOT, PATCH }

    /** One entry; {@code dash} is null for a solid line; {@code fill} is the inside of a dot. */
    record Entry(String text, int argb, Kind kind, float[] dash, int fill) {
    }

    private final FigureStyle style;
    private final List<Entry> entries = new ArrayList<>();

    Legend(FigureStyle style) {
        this.style = style;
    }

    Legend line(String text, int argb, float[] dash) {
        entries.add(new Entry(text, argb, Kind.LINE, dash, argb));
        return this;
    }

    /** A dot of colour {@code fill} ringed with {@code edge}. */
    Legend dot(String text, int fill, int edge) {
        entries.add(new Entry(text, edge, Kind.DOT, null, fill));
        return this;
    }

    Legend patch(String text, int argb) {
        entries.add(new Entry(text, argb, Kind.PATCH, null, argb));
        return this;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Width of a sample, pixels. */
    double sampleWidth() {
        return style.text() * 2.2;
    }

    /** Height of one row, pixels. */
    double rowHeight() {
        return style.text() * 1.45;
    }

    /** Width of one entry (sample, gap, text), pixels. */
    double entryWidth(Entry e) {
        return sampleWidth() + style.pad() * 0.6 + RichText.width(e.text(), style.text(), false);
    }

    /** Size {width, height} of the framed column. */
    double[] boxSize() {
        double w = 0;
        for (Entry e : entries) {
            w = Math.max(w, entryWidth(e));
        }
        return new double[] {w + 2 * style.pad(), entries.size() * rowHeight() + style.pad()};
    }

    /** The framed column with its top left corner at (x, y). */
    void drawBox(Scene scene, double x, double y) {
        double[] size = boxSize();
        float e = style.thin();
        scene.add(new Shape.Rect((float) x - e, (float) y - e, (float) (x + size[0]) + e, (float) (y + size[1]) + e,
                FigureStyle.LEGEND_EDGE, null));
        scene.add(new Shape.Rect((float) x, (float) y, (float) (x + size[0]), (float) (y + size[1]),
                FigureStyle.LEGEND_FILL, null));
        double rowY = y + style.pad() / 2 + rowHeight() / 2;
        for (Entry en : entries) {
            drawEntry(scene, en, x + style.pad(), rowY);
            rowY += rowHeight();
        }
    }

    /** Rows of entries centred on {@code centreX}, no wider than {@code maxWidth}; returns the height used. */
    double drawRows(Scene scene, double centreX, double top, double maxWidth) {
        double gap = style.text() * 1.6;
        List<List<Entry>> rows = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        List<Entry> row = new ArrayList<>();
        double w = 0;
        for (Entry e : entries) {
            double ew = entryWidth(e);
            if (!row.isEmpty() && w + gap + ew > maxWidth) {
                rows.add(row);
                widths.add(w);
                row = new ArrayList<>();
                w = 0;
            }
            w += (row.isEmpty() ? 0 : gap) + ew;
            row.add(e);
        }
        if (!row.isEmpty()) {
            rows.add(row);
            widths.add(w);
        }
        double yc = top + rowHeight() / 2;
        for (int r = 0; r < rows.size(); r++) {
            double xPos = centreX - widths.get(r) / 2;
            for (Entry e : rows.get(r)) {
                drawEntry(scene, e, xPos, yc);
                xPos += entryWidth(e) + gap;
            }
            yc += rowHeight();
        }
        return rows.size() * rowHeight();
    }

    private void drawEntry(Scene scene, Entry e, double x, double yc) {
        float sw = (float) sampleWidth();
        float fx = (float) x;
        float fy = (float) yc;
        switch (e.kind()) {
            case LINE -> scene.add(new Shape.Line(new float[] {fx, fy, fx + sw, fy}, style.line(), e.argb(), e.dash(), null));
            case DOT -> {
                float r = style.text() * 0.36f;
                scene.add(new Shape.Dot(fx + sw / 2, fy, r, e.fill(), e.argb(), Math.max(1f, r / 3), null));
            }
            case PATCH -> {
                float h = style.text() * 0.42f;
                scene.add(new Shape.Rect(fx, fy - h, fx + sw, fy + h, e.argb(), null));
            }
        }
        scene.add(Label.at(e.text(), x + sw + style.pad() * 0.6, yc, style.text(), FigureStyle.INK, 0, 0.5));
    }
}
