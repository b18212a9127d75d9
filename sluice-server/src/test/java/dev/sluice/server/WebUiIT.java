package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.VersionInfo;
import dev.sluice.runner.RunnerAgent;
import dev.sluice.runner.RunnerConfig;
import dev.sluice.runner.RunnerEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The web UI in a real headless Chromium against a real coordinator and a real runner. */
class WebUiIT {

    @TempDir
    Path tmp;
    Coordinator server;
    RunnerAgent agent;
    Browser browser;
    long projectId;

    @BeforeEach
    void start() throws Exception {
        server = Coordinator.start(new Coordinator.Settings("127.0.0.1", 0, tmp.resolve("data"), "reg-token", Duration.ofSeconds(20)).withAdminToken(Http.ADMIN_TOKEN));
        var reg = CoordinatorIT.json(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").body());
        var config = new RunnerConfig(4, Duration.ofMillis(50), Duration.ofSeconds(5),
                List.of(RunnerEntry.of(server.url(), reg.get("id").asLong(), reg.get("token").asText(), "shell")));
        agent = new RunnerAgent(config, RunnerAgent.Options.defaults(tmp.resolve("runner"),
                VersionInfo.sluice("0.1.0", "shell", "bash"), "s_0123456789ab", e -> { }));
        agent.start();
        browser = Browser.open(1280, 860);
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        agent.shutdown();
        server.close();
    }

    @Test
    void jobCardsChangeStateLiveWithoutAReload() throws Exception {
        Path gate = tmp.resolve("gate");
        long pipeline = pipeline("""
                stages: [build, test, deploy]
                compile:
                  stage: build
                  script: [echo compiled]
                unit:
                  stage: test
                  script: ['while [ ! -f %s ]; do sleep 0.05; done']
                lint:
                  stage: test
                  needs: [compile]
                  script: [echo linted]
                ship:
                  stage: deploy
                  script: [echo shipped]
                """.formatted(gate));
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        browser.driver.executeScript("window.sluiceNotReloaded = true;");
        card("unit", "running");
        browser.await("lint's card to say what it needs", d -> d.findElements(By.cssSelector("[data-name='lint'] .needs"))
                .stream().anyMatch(e -> e.getText().equals("needs: compile")));
        browser.await("unit's icon to be named for its status", d -> d.findElements(By.cssSelector("[data-name='unit'] .icon"))
                .stream().anyMatch(e -> "Status: running".equals(e.getAttribute("aria-label"))));
        browser.screenshot("pipeline-running");

        Files.createFile(gate);
        card("ship", "success");
        browser.await("the pipeline's badge to say success", d -> d.findElements(By.cssSelector("#pipeline-live .badge"))
                .stream().anyMatch(e -> e.getText().contains("success")));
        assertThat(browser.driver.executeScript("return window.sluiceNotReloaded === true;"))
                .as("the page updated in place, without a reload").isEqualTo(true);
        browser.screenshot("pipeline-passed");
    }

    @Test
    void aJobLogIsFollowedLiveWithColoursAndSections() throws Exception {
        Path gate = tmp.resolve("gate");
        long pipeline = pipeline("""
                build:
                  script:
                    - printf 'section_start:1700000000:deps\\r\\033[0KInstalling dependencies\\n'
                    - for i in 1 2 3; do echo "fetched package $i"; done
                    - printf 'section_end:1700000001:deps\\r\\033[0K\\n'
                    - printf '\\033[32;1mfirst part done\\033[0m\\n'
                    - 'while [ ! -f %s ]; do sleep 0.05; done'
                    - printf '\\033[31msecond part arrived\\033[0m\\n'
                """.formatted(gate));
        browser.driver.get(server.url() + "/-/jobs/" + job(pipeline, "build", "running"));
        browser.driver.executeScript("window.sluiceNotReloaded = true;");
        WebElement first = browser.await("the first part of the log", d -> d.findElements(By.cssSelector("#log .fg32.b")).stream()
                .filter(e -> e.getText().equals("first part done")).findFirst().orElse(null));
        assertThat(first.findElement(By.xpath("ancestor::div[starts-with(@id,'L')]")).getAttribute("id")).startsWith("L");
        browser.driver.findElement(By.cssSelector(".sec-h .fold")).click();
        assertThat(browser.driver.findElements(By.xpath("//div[starts-with(@id,'L')][.//span[contains(.,'fetched package 2')]]"))
                .getFirst().isDisplayed()).as("a collapsed section hides its lines").isFalse();
        browser.driver.findElement(By.cssSelector(".sec-h .fold")).click();

        Files.createFile(gate);
        browser.await("the second part to stream in", d -> d.findElements(By.cssSelector("#log .fg31")).stream()
                .anyMatch(e -> e.getText().equals("second part arrived")));
        browser.await("the job header to say success", d -> d.findElements(By.cssSelector("#job-live .badge")).stream()
                .anyMatch(e -> e.getText().contains("success")));
        assertThat(browser.driver.executeScript("return window.sluiceNotReloaded === true;")).isEqualTo(true);
        browser.screenshot("job-log");
    }

    @Test
    void aBigLogOpensAtItsTailAndLoadsEarlierLinesOnDemand() throws Exception {
        long pipeline = pipeline("""
                big:
                  script: ['for i in 0 1 2; do seq $((i * 10000 + 1)) $((i * 10000 + 10000)); sleep 0.5; done']
                """);
        long big = job(pipeline, "big", "success");
        browser.driver.get(server.url() + "/-/jobs/" + big);
        assertThat(lineCount()).as("only the tail at first").isBetween(1000L, 10_000L);
        assertThat(browser.driver.findElements(By.id("L1"))).isEmpty();
        while (!browser.driver.findElements(By.cssSelector("#log .earlier")).isEmpty()) {
            long before = lineCount();
            browser.driver.findElement(By.cssSelector("#log .earlier")).click();
            browser.await("earlier lines to load", d -> lineCount() > before);
        }
        assertThat(browser.driver.executeScript("var l = document.querySelectorAll('#log .l');"
                + " return l[0].id + ' ' + l[l.length - 1].id + ' ' + l.length;"))
                .as("numbered from 1 without gaps").asString().matches("L1 L(\\d+) \\1");
        assertThat(browser.driver.executeScript("return [...document.querySelectorAll('#log .t')]"
                + ".filter(t => t.textContent === '30000').length;")).isEqualTo(1L);
    }

    private long lineCount() {
        return (Long) browser.driver.executeScript("return document.querySelectorAll('#log .l').length;");
    }

    @Test
    void pagesFitA1280pxScreenAndAPhoneInDarkMode() throws Exception {
        long pipeline = pipeline("""
                stages: [build, test, deploy]
                build: {stage: build, script: [echo built]}
                test: {stage: test, script: [echo tested], needs: [build]}
                deploy: {stage: deploy, when: manual, script: [echo deployed]}
                """);
        job(pipeline, "deploy", "manual");
        for (String page : List.of("/-/projects", "/-/projects/" + projectId, "/-/pipelines/" + pipeline,
                "/-/projects/" + projectId + "/pipelines")) {
            browser.driver.get(server.url() + page);
            assertThat(browser.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no horizontal scroll at 1280 px on " + page).isEqualTo(true);
        }
        browser.screenshot("pipelines-list");
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        card("deploy", "manual");
        assertThat(browser.driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no horizontal scroll at phone width").isEqualTo(true);
        assertThat(browser.driver.executeScript("return getComputedStyle(document.body).backgroundColor;"))
                .as("dark background").isEqualTo("rgb(24, 23, 29)");
        browser.screenshot("pipeline-phone-dark");
    }

    @Test
    void aManualJobIsPlayedFromThePipelinePage() throws Exception {
        long pipeline = pipeline("""
                build:
                  script: [echo built]
                deploy:
                  stage: deploy
                  when: manual
                  script: [echo deployed]
                """);
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        card("build", "success");
        card("deploy", "manual");
        browser.driver.findElement(By.cssSelector("button[aria-label='Play deploy']")).click();
        card("deploy", "success");
        assertThat(Files.readString(server.traceFile(job(pipeline, "deploy", "success")))).contains("deployed");
    }

    @Test
    void anInvalidConfigurationShowsItsErrorsWithLineAndColumn() throws Exception {
        long pipeline = pipeline("""
                build:
                  script: [echo built]
                  scirpt: [echo typo]
                """);
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        String errors = browser.await("the configuration's errors", d -> d.findElements(By.cssSelector(".errors")).stream()
                .findFirst().orElse(null)).getText();
        assertThat(errors).contains("configuration is invalid").contains(".gitlab-ci.yml:3:").contains("scirpt");
        browser.screenshot("pipeline-yaml-error");
    }

    @Test
    void projectAndPipelinesListAndBadge() throws Exception {
        long pipeline = pipeline("""
                build:
                  script: [echo built]
                """);
        Http.await("the pipeline to pass", () -> status(pipeline).equals("success"));
        browser.driver.get(server.url() + "/");
        browser.driver.findElement(By.linkText("app")).click();
        assertThat(browser.driver.findElement(By.cssSelector(".branches")).getText()).contains("main");
        assertThat(browser.driver.findElement(By.cssSelector("input[aria-label='Clone URL']")).getAttribute("value"))
                .endsWith("/app.git");
        browser.screenshot("project");
        browser.driver.findElement(By.linkText("all pipelines")).click();
        assertThat(browser.driver.findElements(By.cssSelector("table.pipelines tbody tr"))).hasSize(1);
        browser.driver.get(server.url() + "/-/projects/" + projectId + "/pipelines?status=failed");
        assertThat(browser.driver.findElements(By.cssSelector("table.pipelines tbody tr"))).isEmpty();
        var badge = Http.send("GET", server.url() + "/app/badges/main/pipeline.svg", null);
        assertThat(badge.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(badge.body()).contains("pipeline: success");
        assertThat(Http.send("GET", server.url() + "/app/badges/nope/pipeline.svg", null).body()).contains("pipeline: unknown");
    }

    private WebElement card(String name, String status) {
        return browser.await("job card " + name + " to be " + status, d -> d.findElements(
                By.cssSelector(".card[data-name='" + name + "'][data-status='" + status + "']")).stream().findFirst().orElse(null));
    }

    private long pipeline(String ci) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        CoordinatorIT.git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitlab-ci.yml"), ci);
        CoordinatorIT.git(repo, "add", ".");
        CoordinatorIT.git(repo, "commit", "-q", "-m", "init");
        var project = Http.api("POST", server.url() + "/api/v4/projects",
                CoordinatorIT.JSON.writeValueAsString(Map.of("name", "app", "import_url", repo.toString())));
        projectId = CoordinatorIT.json(project.body()).get("id").asLong();
        var created = Http.api("POST", server.url() + "/api/v4/projects/" + projectId + "/pipeline?ref=main", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return CoordinatorIT.json(created.body()).get("id").asLong();
    }

    /** The job's id from the REST API once it has {@code status}. */
    private long job(long pipeline, String name, String status) throws Exception {
        long[] id = new long[1];
        Http.await("job " + name + " to be " + status, () -> {
            try {
                for (var job : CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + projectId
                        + "/pipelines/" + pipeline + "/jobs", null).body())) {
                    if (job.get("name").asText().equals(name) && job.get("status").asText().equals(status)) {
                        id[0] = job.get("id").asLong();
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        return id[0];
    }

    private String status(long pipeline) {
        try {
            return CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + projectId + "/pipelines/" + pipeline, null)
                    .body()).get("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
