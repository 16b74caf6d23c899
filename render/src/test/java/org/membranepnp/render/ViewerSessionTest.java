package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jogamp.newt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.render.ViewerSession.Action;
import org.membranepnp.render.ViewerSession.View;

/** The key handling of pnp view, without a window. */
class ViewerSessionTest {
    private static ViewerSession withFrames() {
        return new ViewerSession(List.of(View.PROFILE, View.TIME_SERIES, View.CHARGING), 4, false);
    }

    @Test
    void digitsSwitchTheViewsInOrder() {
        ViewerSession s = withFrames();
        assertEquals(View.PROFILE, s.view());
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_2));
        assertEquals(View.TIME_SERIES, s.view());
        assertEquals(Action.NONE, s.press(KeyEvent.VK_2), "the view shown already");
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_3));
        assertEquals(View.CHARGING, s.view());
        assertEquals(Action.NONE, s.press(KeyEvent.VK_4), "no fourth view");
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_1));
        assertEquals(View.PROFILE, s.view());
    }

    @Test
    void arrowsStepThroughTheFramesAndStopAtTheEnds() {
        ViewerSession s = withFrames();
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_RIGHT));
        assertEquals(View.CHARGING, s.view(), "an arrow goes to the frames");
        assertEquals(1, s.frame());
        s.press(KeyEvent.VK_RIGHT);
        s.press(KeyEvent.VK_RIGHT);
        assertEquals(3, s.frame());
        assertEquals(Action.NONE, s.press(KeyEvent.VK_RIGHT), "the last frame");
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_LEFT));
        assertEquals(2, s.frame());
        s.press(KeyEvent.VK_HOME);
        assertEquals(0, s.frame());
        assertEquals(Action.NONE, s.press(KeyEvent.VK_LEFT));
        s.press(KeyEvent.VK_END);
        assertEquals(3, s.frame());
        assertEquals("[3] charging 4/4 ❚❚", s.viewTitle());
    }

    @Test
    void spacePlaysTheFramesInALoopAndPauses() {
        ViewerSession s = withFrames();
        assertFalse(s.tick(), "not playing");
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_SPACE));
        assertTrue(s.playing());
        assertEquals(View.CHARGING, s.view());
        for (int f = 1; f <= 3; f++) {
            assertTrue(s.tick());
            assertEquals(f, s.frame());
        }
        assertTrue(s.tick());
        assertEquals(0, s.frame(), "after the last, the first again");
        s.press(KeyEvent.VK_SPACE);
        assertFalse(s.playing());
        assertFalse(s.tick());
        assertEquals(0, s.frame());
        s.press(KeyEvent.VK_END);
        s.press(KeyEvent.VK_SPACE);
        assertEquals(0, s.frame(), "play from the last frame starts over");
        s.press(KeyEvent.VK_RIGHT);
        assertFalse(s.playing(), "stepping pauses");
        s.press(KeyEvent.VK_SPACE);
        s.press(KeyEvent.VK_1);
        assertFalse(s.tick(), "frames advance only on the charging view");
    }

    @Test
    void withoutSnapshotsFrameKeysDoNothing() {
        ViewerSession s = new ViewerSession(List.of(View.PROFILE), 0, false);
        assertEquals(Action.NONE, s.press(KeyEvent.VK_RIGHT));
        assertEquals(Action.NONE, s.press(KeyEvent.VK_SPACE));
        assertEquals(Action.NONE, s.press(KeyEvent.VK_2));
        assertEquals(View.PROFILE, s.view());
        assertFalse(s.playing());
        assertEquals("[1] profile", s.viewTitle());
    }

    @Test
    void lTogglesLogConcentrationsSAndQAndEscape() {
        ViewerSession s = withFrames();
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_L));
        assertTrue(s.logConcentrations());
        assertEquals("[1] profile, log c", s.viewTitle());
        assertEquals(new ViewerSession.State(View.PROFILE, 0, true), s.state());
        s.press(KeyEvent.VK_2);
        assertEquals(Action.NONE, s.press(KeyEvent.VK_L), "the time series has no concentrations");
        assertFalse(s.logConcentrations());
        assertEquals(Action.SAVE, s.press(KeyEvent.VK_S));
        assertEquals(Action.CLOSE, s.press(KeyEvent.VK_Q));
        assertEquals(Action.CLOSE, s.press(KeyEvent.VK_ESCAPE));
        assertEquals(Action.NONE, s.press(KeyEvent.VK_X));
    }

    @Test
    void screenshotsTakeTheFirstFreeNumber(@TempDir Path dir) throws IOException {
        assertEquals("screenshot-001.png", ViewerSession.screenshotName(dir));
        Files.writeString(dir.resolve("screenshot-001.png"), "x");
        assertEquals("screenshot-002.png", ViewerSession.screenshotName(dir));
    }
}
