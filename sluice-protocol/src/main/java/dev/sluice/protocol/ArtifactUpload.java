package dev.sluice.protocol;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The query of {@code POST /jobs/:id/artifacts}: each of {@code artifact_format}, {@code artifact_type} and
 * {@code expire_in} only when non-empty (GitLab defaults to {@code zip} and {@code archive}).
 */
public record ArtifactUpload(String artifactFormat, String artifactType, String expireIn) {

    public static final String FILE_PART = "file";

    public static ArtifactUpload of(Artifact entry) {
        return new ArtifactUpload(entry.artifactFormat(), entry.artifactType(), entry.expireIn());
    }

    public String query() {
        var parts = new ArrayList<String>();
        add(parts, "artifact_format", artifactFormat);
        add(parts, "artifact_type", artifactType);
        add(parts, "expire_in", expireIn);
        return String.join("&", parts);
    }

    public String typeOrDefault() {
        return artifactType == null || artifactType.isEmpty() ? Artifact.ARCHIVE : artifactType;
    }

    public String formatOrDefault() {
        return artifactFormat == null || artifactFormat.isEmpty() ? "zip" : artifactFormat;
    }

    private static void add(List<String> parts, String key, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }
}
