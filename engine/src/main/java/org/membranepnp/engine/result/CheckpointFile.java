package org.membranepnp.engine.result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.membranepnp.engine.UserInputException;

/**
 * The binary checkpoint file {@code checkpoint.bin} of a run folder: a magic word and version, then the
 * {@link Checkpoint} fields as big-endian primitives (doubles bit-exact). Written atomically.
 */
public final class CheckpointFile {
    /** File name inside the run folder. */
    public static final String FILE = "checkpoint.bin";
    private static final long MAGIC = 0x504e50434b505431L; // "PNPCKPT1"
    private static final int VERSION = 2;

    private CheckpointFile() {
    }

    /** Writes {@code cp} to {@code dir/checkpoint.bin} atomically. */
    public static Path write(Path dir, Checkpoint cp) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * cp.state().length + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeDouble(cp.timeS());
            out.writeDouble(cp.solverTime());
            out.writeInt(cp.nodes());
            out.writeInt(cp.unknownsPerNode());
            writeArray(out, cp.state());
            writeArray(out, cp.previousState());
            out.writeDouble(cp.previousStep());
            out.writeDouble(cp.nextStep());
            TimeSeries ts = cp.series();
            writeArray(out, ts.timeS());
            writeArray(out, ts.membranePotentialMv());
            out.writeInt(ts.currentsAPerM2().length);
            for (double[] c : ts.currentsAPerM2()) {
                writeArray(out, c);
            }
            out.writeInt(cp.newtonIterations());
            out.writeInt(cp.timeSteps());
            out.writeDouble(cp.wallTimeS());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return AtomicFiles.write(dir, FILE, bytes.toByteArray());
    }

    /**
     * Reads {@code dir/checkpoint.bin}.
     *
     * @throws UserInputException if it is missing or not a checkpoint of this version
     */
    public static Checkpoint read(Path dir) {
        Path file = dir.resolve(FILE);
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("no checkpoint in " + dir + " (" + FILE + " is missing): the run there "
                    + "finished, or never wrote one; start it again with pnp run FILE --out " + dir + " --force");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readLong() != MAGIC || in.readInt() != VERSION) {
                throw new UserInputException(file + " is not a membrane-pnp checkpoint of version " + VERSION);
            }
            double time = in.readDouble();
            double solverTime = in.readDouble();
            int nodes = in.readInt();
            int perNode = in.readInt();
            double[] state = readArray(in);
            double[] previous = readArray(in);
            double previousStep = in.readDouble();
            double nextStep = in.readDouble();
            if (state.length != nodes * perNode || previous.length != state.length) {
                throw new UserInputException(file + " is damaged: state length " + state.length + " ≠ " + nodes
                        + " × " + perNode);
            }
            double[] t = readArray(in);
            double[] vm = readArray(in);
            int species = in.readInt();
            double[][] currents = new double[species][];
            for (int i = 0; i < species; i++) {
                currents[i] = readArray(in);
            }
            int its = in.readInt();
            int steps = in.readInt();
            double wall = in.readDouble();
            return new Checkpoint(time, solverTime, nodes, perNode, state, previous, previousStep, nextStep,
                    new TimeSeries(t, vm, currents), its, steps, wall);
        } catch (IOException e) {
            throw new UserInputException(file + " is damaged or truncated: " + e.getMessage());
        }
    }

    /** Removes the checkpoint of a finished run (no error if there is none). */
    public static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new FileWriteException("cannot remove " + dir.resolve(FILE) + ": " + IoReason.of(e), e);
        }
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("bad array length " + n);
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }
}
