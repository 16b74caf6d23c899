package org.membranepnp.engine.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.membranepnp.engine.UserInputException;

/**
 * The files of a 2-D run: {@code fields.csv} (one row per node: x_nm, y_nm, potential_mV, c_&lt;species&gt;_mM…,
 * charge_density_C_m3; pandas reads it as it is) and {@code fields.vtk} (a legacy-format VTK rectilinear grid with
 * the same point data, for ParaView). The geometry (membrane faces, pores) goes into summary.json's
 * {@code geometry}.
 */
public final class FieldFiles {
    public static final String CSV_FILE = "fields.csv";
    public static final String VTK_FILE = "fields.vtk";

    private FieldFiles() {
    }

    /**
     * The node table, y outer and x inner: x fastest, as in fields.vtk and {@link Fields2D#index} (row iy·nx + ix).
     */
    public static String csv(Fields2D f) {
        int nx = f.nx();
        int ny = f.ny();
        StringBuilder sb = new StringBuilder(80 * (nx * ny + 1));
        sb.append("x_nm,y_nm,potential_mV");
        for (String s : f.species()) {
            sb.append(',').append(ResultWriter.csvField("c_" + s + "_mM"));
        }
        sb.append(",charge_density_C_m3\n");
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                int k = f.index(ix, iy);
                sb.append(ResultWriter.csvNumber(f.xNm()[ix])).append(',').append(ResultWriter.csvNumber(f.yNm()[iy]))
                        .append(',').append(ResultWriter.csvNumber(f.potentialMv()[k]));
                for (double[] c : f.concentrationsMm()) {
                    sb.append(',').append(ResultWriter.csvNumber(c[k]));
                }
                sb.append(',').append(ResultWriter.csvNumber(f.chargeDensityCPerM3()[k])).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The same fields as a legacy ASCII VTK {@code RECTILINEAR_GRID} (lengths in nm, z = 0); VTK orders points with
     * x fastest, so point p = iy·nx + ix, the flat index of {@link Fields2D#index}.
     */
    public static String vtk(Fields2D f, String title) {
        int nx = f.nx();
        int ny = f.ny();
        StringBuilder sb = new StringBuilder(40 * nx * ny * (3 + f.species().size()));
        sb.append("# vtk DataFile Version 3.0\n");
        sb.append(title.replace('\n', ' ')).append(" (lengths in nm)\n");
        sb.append("ASCII\nDATASET RECTILINEAR_GRID\n");
        sb.append(String.format(Locale.ROOT, "DIMENSIONS %d %d 1%n", nx, ny));
        coordinates(sb, "X", f.xNm());
        coordinates(sb, "Y", f.yNm());
        sb.append("Z_COORDINATES 1 double\n0\n");
        sb.append("POINT_DATA ").append(nx * ny).append('\n');
        scalars(sb, "potential_mV", f.potentialMv(), nx, ny, f);
        for (int i = 0; i < f.species().size(); i++) {
            scalars(sb, "c_" + f.species().get(i).replaceAll("[^A-Za-z0-9_]", "_") + "_mM", f.concentrationsMm()[i],
                    nx, ny, f);
        }
        scalars(sb, "charge_density_C_m3", f.chargeDensityCPerM3(), nx, ny, f);
        return sb.toString();
    }

    private static void coordinates(StringBuilder sb, String axis, double[] v) {
        sb.append(axis).append("_COORDINATES ").append(v.length).append(" double\n");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : " ").append(v[i]);
        }
        sb.append('\n');
    }

    private static void scalars(StringBuilder sb, String name, double[] values, int nx, int ny, Fields2D f) {
        sb.append("SCALARS ").append(name).append(" double 1\nLOOKUP_TABLE default\n");
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                double x = values[f.index(ix, iy)];
                sb.append(Double.isFinite(x) ? Double.toString(x) : "nan").append(ix == nx - 1 ? '\n' : ' ');
            }
        }
    }

    /**
     * Reads {@code dir/fields.csv} and the geometry of {@code dir/summary.json} (membrane faces, pores, whether the
     * patch is axisymmetric). The rows may come with x fastest
     * (as written now) or with y fastest (x outer, y inner: the order of files written before); either way the fields
     * come back in the order of {@link Fields2D#index}.
     *
     * @throws UserInputException with one line if a file is missing or malformed
     */
    public static Fields2D read(Path dir) {
        Path file = dir.resolve(CSV_FILE);
        CsvTable t = CsvTable.read(file);
        List<String> header = t.header();
        int last = header.size() - 1;
        if (header.size() < 5 || !header.get(0).equals("x_nm") || !header.get(1).equals("y_nm")
                || !header.get(2).equals("potential_mV") || !header.get(last).equals("charge_density_C_m3")) {
            throw new UserInputException("cannot read " + file + ": expected the columns x_nm, y_nm, potential_mV, "
                    + "c_<species>_mM…, charge_density_C_m3, got " + header);
        }
        List<String> species = new ArrayList<>();
        for (int c = 3; c < last; c++) {
            String h = header.get(c);
            if (!h.startsWith("c_") || !h.endsWith("_mM")) {
                throw new UserInputException("cannot read " + file + ": column " + (c + 1) + " is " + h
                        + ", expected c_<species>_mM");
            }
            species.add(h.substring(2, h.length() - 3));
        }
        double[] x = t.numbers(0);
        double[] y = t.numbers(1);
        // x fastest: the first rows share y; x outer (older files): they share x
        boolean xFastest = x.length < 2 || x[1] != x[0];
        double[] outer = xFastest ? y : x;
        double[] inner = xFastest ? x : y;
        int fast = 1;
        while (fast < inner.length && outer[fast] == outer[0]) {
            fast++;
        }
        if (x.length < 4 || fast < 2 || x.length % fast != 0 || x.length / fast < 2) {
            throw new UserInputException("cannot read " + file + ": " + x.length + " rows do not form a grid of at least "
                    + "2 × 2 nodes (y outer, x inner)");
        }
        int slow = x.length / fast;
        double[] fastNodes = new double[fast];
        double[] slowNodes = new double[slow];
        System.arraycopy(inner, 0, fastNodes, 0, fast);
        for (int r = 0; r < slow; r++) {
            slowNodes[r] = outer[r * fast];
        }
        double[] xs = xFastest ? fastNodes : slowNodes;
        double[] ys = xFastest ? slowNodes : fastNodes;
        double[] phi = inNodeOrder(t.numbers(2), xFastest, xs.length, ys.length);
        double[] rho = inNodeOrder(t.numbers(last), xFastest, xs.length, ys.length);
        double[][] c = new double[species.size()][];
        for (int i = 0; i < c.length; i++) {
            c[i] = inNodeOrder(t.numbers(3 + i), xFastest, xs.length, ys.length);
        }
        JsonNode summary = ResultWriter.readSummary(dir.resolve(ResultWriter.SUMMARY_FILE));
        JsonNode geometry = summary.get(Summary.GEOMETRY);
        if (geometry == null || !geometry.has("membrane_nm")) {
            throw new UserInputException("cannot read " + dir.resolve(ResultWriter.SUMMARY_FILE) + ": no "
                    + Summary.GEOMETRY + ".membrane_nm (it is written by 2-D runs)");
        }
        List<double[]> channels = new ArrayList<>();
        JsonNode ch = geometry.get("channels");
        if (ch != null) {
            for (JsonNode one : ch) {
                JsonNode yr = one.get("y_nm");
                channels.add(new double[] {yr.get(0).asDouble(), yr.get(1).asDouble()});
            }
        }
        try {
            boolean axisymmetric = "axisymmetric".equals(geometry.path("lateral_geometry").asText());
            return new Fields2D(species, xs, ys, phi, c, rho,
                    geometry.get("membrane_nm").get(0).asDouble(), geometry.get("membrane_nm").get(1).asDouble(),
                    channels, null, axisymmetric);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A column of the table in the order of {@link Fields2D#index}: as it is if x is fastest, else transposed. */
    private static double[] inNodeOrder(double[] column, boolean xFastest, int nx, int ny) {
        if (xFastest) {
            return column;
        }
        double[] out = new double[column.length];
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                out[Fields2D.index(ix, iy, nx)] = column[ix * ny + iy];
            }
        }
        return out;
    }

    /** True if {@code dir} holds the fields of a 2-D run. */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(CSV_FILE));
    }
}
