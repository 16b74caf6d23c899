package org.membranepnp.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text with subscripts and superscripts for labels: {@code V_{m}}, {@code 10^{-6}}, {@code µA/cm^{2}}. Measured and
 * laid out with Java2D in the sans-serif font, antialiased with fractional metrics (as {@link LabelPainter} draws).
 */
final class RichText {
    /** The rendering context every label is measured and drawn with. */
    static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private RichText() {
    }

    /** The plain sans-serif font of {@code size} pixels. */
    static Font font(float size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
    }

    /** The laid-out text (markup removed, scripts raised or lowered). */
    static TextLayout layout(String markup, float size, boolean bold) {
        List<int[]> runs = new ArrayList<>();
        String plain = parse(markup, runs);
        Font base = font(size, bold);
        AttributedString s = new AttributedString(plain.isEmpty() ? " " : plain);
        s.addAttribute(TextAttribute.FONT, base);
        for (int[] r : runs) {
            if (r[1] > r[0]) { // with FONT set, other font attributes are ignored: the script goes into the font
                s.addAttribute(TextAttribute.FONT, base.deriveFont(Map.of(TextAttribute.SUPERSCRIPT,
                        r[2] > 0 ? TextAttribute.SUPERSCRIPT_SUPER : TextAttribute.SUPERSCRIPT_SUB)), r[0], r[1]);
            }
        }
        return new TextLayout(s.getIterator(), CONTEXT);
    }

    /** Width of the text in pixels. */
    static double width(String markup, float size, boolean bold) {
        return markup.isEmpty() ? 0 : layout(markup, size, bold).getAdvance();
    }

    /** Ascent and descent of the font, {ascent, descent} in pixels: the text box used for alignment. */
    static float[] box(float size, boolean bold) {
        LineMetrics m = font(size, bold).getLineMetrics("Hg", CONTEXT);
        return new float[] {m.getAscent(), m.getDescent()};
    }

    /** The text without markup. */
    static String plain(String markup) {
        return parse(markup, new ArrayList<>());
    }

    /** Strips the markup; adds {start, end, +1 super / −1 sub} for each script run (a nested one joins its outer run). */
    private static String parse(String markup, List<int[]> runs) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < markup.length()) {
            char c = markup.charAt(i);
            int close = (c == '_' || c == '^') && i + 1 < markup.length() && markup.charAt(i + 1) == '{'
                    ? closing(markup, i + 1) : -1;
            if (close > 0) {
                int start = sb.length();
                sb.append(parse(markup.substring(i + 2, close), new ArrayList<>()));
                runs.add(new int[] {start, sb.length(), c == '^' ? 1 : -1});
                i = close + 1;
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /** The index of the brace closing the one at {@code open}, or −1. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
