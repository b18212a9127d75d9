package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Image;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageKeywordTest {

    private static KeywordFixture<Optional<Image>> read(String yaml) {
        return KeywordFixture.read("jobs:build:image", yaml, ImageKeyword::read);
    }

    @Test
    void aStringIsTheName() {
        var r = read("image: alpine:latest");
        assertThat(r.value).contains(Image.named("alpine:latest"));
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void theFullForm() {
        var r = read("""
                image:
                  name: alpine:latest
                  entrypoint: [/bin/sh, -c]
                  pull_policy: [always, if-not-present]
                  docker: {platform: linux/arm64, user: ubuntu}
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).contains(new Image("alpine:latest", Optional.of(List.of("/bin/sh", "-c")),
                List.of("always", "if-not-present"), Optional.of("ubuntu"), Optional.of("linux/arm64")));
    }

    @Test
    void kubernetesUserMayBeANumberOrUidColonGid() {
        assertThat(read("image: {name: x, kubernetes: {user: 1001}}").value.orElseThrow().user()).contains("1001");
        assertThat(read("image: {name: x, kubernetes: {user: 1001:1001}}").value.orElseThrow().user()).contains("1001:1001");
        assertThat(read("image: {name: x, pull_policy: never}").value.orElseThrow().pullPolicy()).containsExactly("never");
    }

    @Test
    void nameIsRequired() {
        assertThat(read("image: {entrypoint: [/bin/sh]}").messages())
                .containsExactly("1:8: error[missing-key]: jobs:build:image config missing required key 'name'");
    }

    @Test
    void everyProblemIsReported() {
        var r = read("""
                image:
                  name: postgres
                  entrypoint: /bin/db
                  pull_policy: [alway]
                  docker: {platform: [arm64], usr: dave}
                  ports: [80]
                """);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).containsExactly(
                "6:3: error[unknown-key]: jobs:build:image config contains unknown key 'ports'",
                "3:15: error[invalid-type]: jobs:build:image:entrypoint config should be an array of strings, found string",
                "4:17: error[invalid-value]: jobs:build:image:pull_policy config should be one of: always, never,"
                        + " if-not-present (did you mean 'always'?)",
                "5:31: error[unknown-key]: jobs:build:image:docker config contains unknown key 'usr' (did you mean 'user'?)",
                "5:22: error[invalid-type]: jobs:build:image:docker:platform config should be a string, found array");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "image:",
        "image: [alpine, ubuntu]",
        "image: {name: x, pull_policy: []}",
        "image: {name: x, docker: {user: ''}}",
        "image: {name: x, docker: }",
        "image: {name: x, docker: {user: [dave]}}",
        "image: {name: x, kubernetes: {user: ''}}",
        "image: {name: x, kubernetes: {unknown_key: test}}",
        "image: {name: x, kubernetes: }",
        "image: ''",
    })
    void schemaCorpusNegativesAreRejected(String yaml) {
        var r = read(yaml);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).isNotEmpty().allMatch(m -> m.contains("error["));
    }
}
