package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Environment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentKeywordTest {

    private static KeywordFixture<Optional<Environment>> read(String yaml) {
        return KeywordFixture.read("jobs:deploy:environment", yaml, EnvironmentKeyword::read);
    }

    @Test
    void aNameStartsAnEnvironment() {
        assertThat(read("environment: review/$CI_COMMIT_REF_SLUG").value)
                .contains(Environment.named("review/$CI_COMMIT_REF_SLUG"));
    }

    @Test
    void theFullForm() {
        var r = read("""
                environment:
                  name: production
                  url: https://example.com
                  on_stop: stop_prod
                  action: prepare
                  auto_stop_in: 1 day
                  deployment_tier: production
                  kubernetes: {namespace: prod, agent: group/project:agent}
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).contains(new Environment("production", Optional.of("https://example.com"),
                Optional.of("stop_prod"), "prepare", Optional.of("1 day"), Optional.of("production"), Optional.of("prod")));
    }

    @Test
    void autoStopInMayBeNeverOrAVariable() {
        assertThat(read("environment: {name: x, auto_stop_in: never}").value.orElseThrow().autoStopIn()).contains("never");
        assertThat(read("environment: {name: x, auto_stop_in: $STOP_IN}").messages()).isEmpty();
    }

    @Test
    void everyProblemIsReported() {
        var r = read("environment: {url: 5, action: destroy, deployment_tier: prod, auto_stop_in: soon, kubernetes: {ns: a}}");
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).containsExactly(
                "1:14: error[missing-key]: jobs:deploy:environment config missing required key 'name'",
                "1:20: error[invalid-type]: jobs:deploy:environment:url config should be a string, found integer",
                "1:31: error[invalid-value]: jobs:deploy:environment:action config should be one of: start, prepare,"
                        + " stop, verify, access",
                "1:57: error[invalid-value]: jobs:deploy:environment:deployment_tier config should be one of: production,"
                        + " staging, testing, development, other",
                "1:77: error[invalid-value]: jobs:deploy:environment:auto_stop_in config should be a duration, found 'soon'",
                "1:96: error[unknown-key]: jobs:deploy:environment:kubernetes config contains unknown key 'ns'");
    }

    @Test
    void nameCharset() {
        assertThat(read("environment: 'prod;rm'").messages()).containsExactly("1:14: error[invalid-value]:"
                + " jobs:deploy:environment config can contain only letters, digits, '-', '_', '/', '$', '{', '}', '.',"
                + " and spaces, but it cannot start or end with '/'");
        assertThat(read("environment: [prod]").messages()).containsExactly(
                "1:14: error[invalid-type]: jobs:deploy:environment config should be a hash or a string, found array");
    }
}
