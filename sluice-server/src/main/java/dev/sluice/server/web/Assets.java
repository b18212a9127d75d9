package dev.sluice.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The UI's static files: its own CSS and script, htmx and its SSE extension from their webjars. */
final class Assets {

    record Asset(byte[] bytes, String contentType) {
    }

    private static final Map<String, String> FILES = Map.of(
            "sluice.css", "web/sluice.css",
            "sluice.js", "web/sluice.js",
            "htmx.min.js", webjar("htmx.org", "dist/htmx.min.js"),
            "sse.js", webjar("htmx-ext-sse", "sse.js"));

    private Assets() {
    }

    static Optional<Asset> find(String name) {
        String resource = FILES.get(name);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the web UI asset " + resource + " is missing from the classpath");
            }
            String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return Optional.of(new Asset(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file inside a webjar, at the version the build put on the classpath. */
    private static String webjar(String artifact, String file) {
        var props = new Properties();
        String pom = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(pom)) {
            if (in == null) {
                throw new IllegalStateException("the webjar org.webjars.npm:" + artifact + " is missing from the classpath");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "META-INF/resources/webjars/" + artifact + "/" + props.getProperty("version") + "/" + file;
    }
}
