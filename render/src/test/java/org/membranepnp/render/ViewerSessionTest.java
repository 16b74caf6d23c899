package org.membranepnp.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        assertEquals(new ViewerSession.State(View.PROFILE, 0, true, ViewerSession.ALL_FIELDS, Double.NaN, Double.NaN, 0),
                s.state());
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

    @Test
    void theWheelZoomsAboutTheCursorAndDragPansWithinTheSlab() {
        ViewerSession s = withFrames(); // x from −1000 to 1005 nm
        assertFalse(s.state().zoomed());
        assertEquals(Action.REDRAW, s.zoomAbout(0, 0.5, -1000, 1005));
        double[] w = s.window();
        assertEquals(-500, w[0], 1e-9, "the point under the cursor stays put");
        assertEquals(502.5, w[1], 1e-9);
        assertTrue(s.state().explorer());
        assertEquals(Action.REDRAW, s.zoomAbout(100, 0.1, Double.NaN, Double.NaN));
        w = s.window();
        assertEquals(100 - 60, w[0], 1e-9);
        assertEquals(100 + 40.25, w[1], 1e-9);
        assertEquals(Action.REDRAW, s.pan(50, Double.NaN, Double.NaN));
        assertEquals(90, s.window()[0], 1e-9);
        s.pan(1e6, Double.NaN, Double.NaN);
        assertEquals(1005, s.window()[1], 1e-9, "a pan stops at the slab's end");
        assertEquals(1005 - 100.25, s.window()[0], 1e-9, "keeping the span");
        for (int i = 0; i < 60; i++) {
            s.zoomAbout(1000, 0.5, Double.NaN, Double.NaN);
        }
        assertEquals(ViewerSession.MIN_SPAN_NM, s.window()[1] - s.window()[0], 1e-9, "the narrowest window");
        s.zoomAbout(0, 1e9, Double.NaN, Double.NaN);
        assertEquals(-1000, s.window()[0], 1e-9, "zooming out stops at the whole slab");
        assertEquals(1005, s.window()[1], 1e-9);
        assertTrue(s.viewTitle().contains("x −1000 to 1005 nm"), s.viewTitle());
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_0));
        assertFalse(s.state().zoomed(), "0 resets the zoom");
        assertEquals(Action.NONE, s.press(KeyEvent.VK_0));
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_PLUS), "+ zooms towards the membrane");
        assertEquals(0.8 * 2005, s.window()[1] - s.window()[0], 1e-9);
        assertTrue(s.window()[0] < 0 && s.window()[1] > 5, "about the membrane");
        s.press(KeyEvent.VK_2);
        assertEquals(Action.NONE, s.zoomAbout(0, 0.5, -1000, 1005), "only the profile view zooms");
        assertEquals(Action.NONE, s.pan(10, -1000, 1005));
    }

    @Test
    void fCyclesTheFieldsOfTheProfile() {
        ViewerSession s = withFrames();
        s.press(KeyEvent.VK_2);
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_F));
        assertEquals(View.PROFILE, s.view(), "F goes to the profile view");
        assertEquals(0, s.field());
        assertEquals("φ", s.fieldName(s.field()));
        assertTrue(s.state().explorer());
        assertEquals("[1] profile, φ", s.viewTitle());
        s.press(KeyEvent.VK_F);
        assertEquals("K", s.fieldName(s.field()));
        s.press(KeyEvent.VK_F);
        s.press(KeyEvent.VK_F);
        s.press(KeyEvent.VK_F);
        assertEquals("ρ", s.fieldName(s.field()));
        s.press(KeyEvent.VK_F);
        assertEquals(ViewerSession.ALL_FIELDS, s.field(), "after ρ, all fields again");
        assertFalse(s.state().explorer());
    }

    @Test
    void fCyclesTheMapsOnTheFieldMapViewAndKeepsItsMeaningOnTheProfile() {
        ViewerSession s = new ViewerSession(List.of(View.PROFILE, View.LECTURE, View.FIELDS), 0,
                List.of("charge density", "potential", "K concentration"));
        s.show(View.FIELDS);
        assertEquals(View.FIELDS, s.view());
        assertEquals("[3] field maps, charge density (1/3, F: next map)", s.viewTitle());
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_F));
        assertEquals(View.FIELDS, s.view(), "F stays on the maps");
        assertEquals(1, s.map());
        assertEquals(1, s.state().map());
        assertEquals(ViewerSession.ALL_FIELDS, s.field(), "the profile's field is left alone");
        assertEquals("[3] field maps, potential (2/3, F: next map)", s.viewTitle());
        s.press(KeyEvent.VK_F);
        assertEquals("[3] field maps, K concentration (3/3, F: next map)", s.viewTitle());
        s.press(KeyEvent.VK_F);
        assertEquals(0, s.map(), "after the last map, the first");
        assertEquals(Action.NONE, s.press(KeyEvent.VK_L), "no log axis on the maps");
        assertEquals("[3] field maps, charge density (1/3, F: next map)", s.viewTitle());
        assertEquals(Action.NONE, s.press(KeyEvent.VK_PLUS), "the maps do not zoom");
        assertEquals(Action.NONE, s.zoomAbout(0, 0.5, -1000, 1005));
        s.press(KeyEvent.VK_F);
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_1));
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_F));
        assertEquals(View.PROFILE, s.view());
        assertEquals(0, s.field(), "on the profile F is the profile's next field");
        assertEquals(1, s.map(), "the map is kept for the way back");
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_3));
        assertEquals(View.FIELDS, s.view());

        ViewerSession one = new ViewerSession(List.of(View.PROFILE), 0, false);
        one.show(View.FIELDS);
        assertEquals(View.PROFILE, one.view(), "no maps, no field-map view");
        assertThrows(IllegalArgumentException.class, () -> new ViewerSession(List.of(View.FIELDS), 0, List.of()));
    }

    @Test
    void vTogglesTheLectureLayoutWhichShowsTheFrames() {
        ViewerSession s = new ViewerSession(List.of(View.PROFILE, View.TIME_SERIES, View.CHARGING, View.LECTURE), 4,
                false);
        s.press(KeyEvent.VK_2);
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_V));
        assertEquals(View.LECTURE, s.view());
        s.press(KeyEvent.VK_RIGHT);
        assertEquals(View.LECTURE, s.view(), "the lecture layout steps through the frames itself");
        assertEquals(1, s.frame());
        assertEquals(Action.REDRAW, s.select(3));
        assertEquals(3, s.frame(), "the slider picks a frame");
        assertEquals(Action.NONE, s.select(99), "clamped to the last");
        assertEquals(Action.REDRAW, s.select(-5));
        assertEquals(0, s.frame());
        assertEquals("[4] lecture 1/4 ❚❚", s.viewTitle());
        s.press(KeyEvent.VK_V);
        assertEquals(View.TIME_SERIES, s.view(), "V again goes back");
        s.showLecture();
        assertEquals(View.LECTURE, s.view());
        assertEquals(3, s.frame(), "--lecture opens on the last frame");
        ViewerSession none = new ViewerSession(List.of(View.PROFILE), 0, false);
        assertEquals(Action.NONE, none.press(KeyEvent.VK_V), "no lecture view offered");
    }

    @Test
    void aLiveRunFollowsTheNewestStateUntilAFrameIsPicked() {
        ViewerSession s = new ViewerSession(List.of(View.PROFILE, View.LECTURE), 0, false, true,
                List.of("φ", "K", "ρ"), -1000, 1005, List.of());
        assertEquals(ViewerSession.LATEST, s.frame());
        assertEquals("[1] profile live", s.viewTitle());
        assertEquals(Action.PAUSE_RUN, s.press(KeyEvent.VK_SPACE), "Space pauses the run");
        s.setFrameCount(3);
        assertEquals(ViewerSession.LATEST, s.frame(), "new frames do not stop the following");
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_LEFT));
        assertEquals(2, s.frame(), "back from the newest state: the last saved frame");
        s.setFrameCount(5);
        assertEquals(2, s.frame(), "a picked frame stays");
        assertEquals(Action.REDRAW, s.select(4), "the slider's end follows again");
        assertEquals(ViewerSession.LATEST, s.frame());
        s.select(1);
        assertEquals(1, s.frame());
        assertEquals(Action.REDRAW, s.press(KeyEvent.VK_END));
        assertEquals(ViewerSession.LATEST, s.frame(), "End follows again");
        assertEquals(Action.NONE, s.press(KeyEvent.VK_RIGHT));
        assertFalse(s.tick());
    }
}
