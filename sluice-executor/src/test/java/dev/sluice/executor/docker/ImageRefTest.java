package dev.sluice.executor.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageRefTest {

    @Test
    void tagDefaultsToLatest() {
        assertThat(ImageRef.parse("busybox")).isEqualTo(new ImageRef("busybox", "latest", ""));
        assertThat(ImageRef.parse("busybox").canonical()).isEqualTo("busybox:latest");
    }

    @Test
    void colonBeforeTheLastSlashIsARegistryPort() {
        assertThat(ImageRef.parse("localhost:5000/app")).isEqualTo(new ImageRef("localhost:5000/app", "latest", ""));
        assertThat(ImageRef.parse("localhost:5000/app:2")).isEqualTo(new ImageRef("localhost:5000/app", "2", ""));
    }

    @Test
    void digestWins() {
        var ref = ImageRef.parse("python:3.7@sha256:0123");
        assertThat(ref.digest()).isEqualTo("sha256:0123");
        assertThat(ref.canonical()).isEqualTo("python@sha256:0123");
    }
}
