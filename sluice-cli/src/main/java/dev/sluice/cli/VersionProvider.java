package dev.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The Maven project version, written into {@code version.properties} by resource filtering at build time. */
final class VersionProvider implements IVersionProvider {

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String runtime() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + "), "
                + System.getProperty("os.name", "?") + " " + System.getProperty("os.arch", "?");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sluice " + version(), runtime()};
    }
}
