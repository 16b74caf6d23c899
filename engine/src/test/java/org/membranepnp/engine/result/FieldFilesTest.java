package org.membranepnp.engine.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membranepnp.engine.UserInputException;

/** fields.csv and fields.vtk: what is written is what is read, in the documented order. */
class FieldFilesTest {
    @TempDir
    Path dir;

    /** φ = x + 100 y, c_K = x·y, c_Cl = 2 on a 3 × 2 grid. */
    private static Fields2D sample() {
        double[] x = {0, 1.5, 4};
        double[] y = {0, 0.25};
        double[] phi = new double[6];
        double[] k = new double[6];
        double[] cl = new double[6];
        double[] rho = new double[6];
        for (int ix = 0; ix < 3; ix++) {
            for (int iy = 0; iy < 2; iy++) {
                int q = iy * 3 + ix;
                phi[q] = x[ix] + 100 * y[iy];
                k[q] = x[ix] * y[iy];
                cl[q] = 2;
                rho[q] = -q;
            }
        }
        return new Fields2D(List.of("K", "Cl"), x, y, phi, new double[][] {k, cl}, rho, 1.0, 2.0,
                List.of(new double[] {0.1, 0.2}));
    }

    private void writeGeometry() throws IOException {
        Files.writeString(dir.resolve("summary.json"), """
                {"geometry": {"dimension": 2, "membrane_nm": [1.0, 2.0], "height_nm": 0.25,
                 "channels": [{"name": "p", "y_nm": [0.1, 0.2]}]}}
                """);
    }

    @Test
    void csvRoundTrips() throws IOException {
        Fields2D f = sample();
        Files.writeString(dir.resolve(FieldFiles.CSV_FILE), FieldFiles.csv(f));
        writeGeometry();
        Fields2D back = FieldFiles.read(dir);
        assertEquals(f.species(), back.species());
        assertArrayEquals(f.xNm(), back.xNm(), 0);
        assertArrayEquals(f.yNm(), back.yNm(), 0);
        assertArrayEquals(f.potentialMv(), back.potentialMv(), 0);
        assertArrayEquals(f.concentrationsMm()[0], back.concentrationsMm()[0], 0);
        assertArrayEquals(f.chargeDensityCPerM3(), back.chargeDensityCPerM3(), 0);
        assertEquals(1.0, back.membraneX0Nm(), 0);
        assertEquals(2.0, back.membraneX1Nm(), 0);
        assertArrayEquals(new double[] {0.1, 0.2}, back.channelsYNm().get(0), 0);
    }

    @Test
    void csvHeaderAndRowOrderAreForPandas() {
        String[] lines = FieldFiles.csv(sample()).split("\n");
        assertEquals("x_nm,y_nm,potential_mV,c_K_mM,c_Cl_mM,charge_density_C_m3", lines[0]);
        assertEquals(7, lines.length);
        // y outer, x inner (x fastest, as in fields.vtk): the second row is (x1, y0), the fourth (x0, y1)
        assertEquals("0.0,0.0,0.0,0.0,2.0,0.0", lines[1]);
        assertEquals("1.5,0.0,1.5,0.0,2.0,-1.0", lines[2]);
        assertEquals("0.0,0.25,25.0,0.0,2.0,-3.0", lines[4]);
    }

    @Test
    void anOlderCsvWithXOuterReadsInTheSameNodeOrder() throws IOException {
        Fields2D f = sample();
        StringBuilder old = new StringBuilder("x_nm,y_nm,potential_mV,c_K_mM,c_Cl_mM,charge_density_C_m3\n");
        for (int ix = 0; ix < f.nx(); ix++) {
            for (int iy = 0; iy < f.ny(); iy++) {
                int k = f.index(ix, iy);
                old.append(f.xNm()[ix]).append(',').append(f.yNm()[iy]).append(',').append(f.potentialMv()[k])
                        .append(',').append(f.concentrationsMm()[0][k]).append(',').append(f.concentrationsMm()[1][k])
                        .append(',').append(f.chargeDensityCPerM3()[k]).append('\n');
            }
        }
        Files.writeString(dir.resolve(FieldFiles.CSV_FILE), old);
        writeGeometry();
        Fields2D back = FieldFiles.read(dir);
        assertArrayEquals(f.xNm(), back.xNm(), 0);
        assertArrayEquals(f.yNm(), back.yNm(), 0);
        assertArrayEquals(f.potentialMv(), back.potentialMv(), 0);
        assertArrayEquals(f.concentrationsMm()[0], back.concentrationsMm()[0], 0);
        assertArrayEquals(f.chargeDensityCPerM3(), back.chargeDensityCPerM3(), 0);
    }

    @Test
    void aTableThatIsNoGridIsOneLine() throws IOException {
        Files.writeString(dir.resolve(FieldFiles.CSV_FILE),
                "x_nm,y_nm,potential_mV,c_K_mM,charge_density_C_m3\n0,0,1,1,0\n1,1,1,1,0\n2,2,1,1,0\n3,3,1,1,0\n");
        writeGeometry();
        UserInputException e = assertThrows(UserInputException.class, () -> FieldFiles.read(dir));
        assertTrue(e.getMessage().contains("do not form a grid"), e.getMessage());
    }

    @Test
    void vtkIsARectilinearGridWithXFastest() {
        String vtk = FieldFiles.vtk(sample(), "t");
        assertTrue(vtk.startsWith("# vtk DataFile Version 3.0\n"));
        assertTrue(vtk.contains("DATASET RECTILINEAR_GRID\nDIMENSIONS 3 2 1\n"));
        assertTrue(vtk.contains("X_COORDINATES 3 double\n0.0 1.5 4.0\n"));
        assertTrue(vtk.contains("POINT_DATA 6\n"));
        // φ with x fastest: row y0 then row y1
        assertTrue(vtk.contains("SCALARS potential_mV double 1\nLOOKUP_TABLE default\n0.0 1.5 4.0\n25.0 26.5 29.0\n"), vtk);
        assertTrue(vtk.contains("SCALARS c_Cl_mM double 1"));
    }

    @Test
    void aMissingGeometryIsOneLine() throws IOException {
        Files.writeString(dir.resolve(FieldFiles.CSV_FILE), FieldFiles.csv(sample()));
        Files.writeString(dir.resolve("summary.json"), "{}");
        UserInputException e = assertThrows(UserInputException.class, () -> FieldFiles.read(dir));
        assertTrue(e.getMessage().contains("geometry.membrane_nm"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
