package org.membranepnp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of membrane-pnp, read from the Maven-filtered resource {@code membrane-pnp.properties}. */
public final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "/membrane-pnp.properties";

    /** The project version (e.g. {@code 0.1.0}), or {@code unknown} if the resource is missing or unfiltered. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"membrane-pnp " + version()};
    }
}
