package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runner.RunnerAgent;
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
import org.jdbi.v3.core.Jdbi;

/** The web UI in a real headless Chromium against a real coordinator and a real runner. */
class WebUiIT {

    @TempDir
    Path tmp;
    Coordinator server;
    RunnerAgent agent;
    Browser browser;
    long projectId;
    /** The store the coordinator uses, shared in memory so tests can make members (the members API is not here yet). */
    Jdbi store;
    String storeUrl;
    String agentToken;

    @BeforeEach
    void start() throws Exception {
        storeUrl = "jdbc:h2:mem:webui" + ProcessHandle.current().pid() + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        server = startServer(0);
        store = Jdbi.create(storeUrl, "sa", "");
        long root = CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/user").body()).get("id").asLong();
        setPassword(root, ROOT_PASSWORD);
        var reg = CoordinatorIT.json(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").body());
        agentToken = reg.get("token").asText();
        agent = Rest.shellRunner(server, reg, 4, tmp.resolve("runner"));
        browser = Browser.open(1280, 860);
    }

    @AfterEach
    void stop() throws Exception {
        browser.close();
        agent.shutdown();
        server.close();
        store.useHandle(h -> {
            try (var statement = h.getConnection().createStatement()) {
                statement.execute("shutdown"); // drops the in-memory store
            }
        });
    }

    static final String ROOT_PASSWORD = "root-secret-password";

    private Coordinator startServer(int port) {
        return Coordinator.start(new Coordinator.Settings("127.0.0.1", port, tmp.resolve("data"), "reg-token", Duration.ofSeconds(20))
                .withAdminToken(Http.ADMIN_TOKEN).withDatabase(new DatabaseConfig(storeUrl, "sa", "")));
    }

    @Test
    void jobCardsChangeStateLiveWithoutAReload() throws Exception {
        signIn("root", ROOT_PASSWORD);
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
        signIn("root", ROOT_PASSWORD);
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
        signIn("root", ROOT_PASSWORD);
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
        signIn("root", ROOT_PASSWORD);
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
    void aMaintainerPlaysAManualJobFromThePipelinePage() throws Exception {
        long pipeline = pipeline("""
                build:
                  script: [echo built]
                deploy:
                  stage: deploy
                  when: manual
                  script: [echo deployed]
                """);
        member("maia", ProjectMembers.MAINTAINER);
        signIn("maia", "maia-password-1");
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        card("build", "success");
        card("deploy", "manual");
        assertThat(browser.driver.findElement(By.cssSelector(".pipeline-head")).getText()).as("created over REST by root")
                .contains("triggered by root");
        browser.driver.findElement(By.cssSelector("button[aria-label='Play deploy']")).click();
        card("deploy", "success");
        assertThat(Files.readString(server.traceFile(job(pipeline, "deploy", "success")))).contains("deployed");
    }

    @Test
    void anInvalidConfigurationShowsItsErrorsWithLineAndColumn() throws Exception {
        signIn("root", ROOT_PASSWORD);
        long pipeline = pipeline("""
                build:
                  script: [echo built]
                  scirpt: [echo typo]
                """);
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        String errors = browser.await("the configuration's errors", d -> d.findElements(By.cssSelector(".errors")).stream()
                .findFirst().map(org.openqa.selenium.WebElement::getText).orElse(null));
        assertThat(errors).contains("configuration is invalid").contains(".gitlab-ci.yml:3:").contains("scirpt");
        browser.screenshot("pipeline-yaml-error");
    }

    @Test
    void projectAndPipelinesListAndBadge() throws Exception {
        signIn("root", ROOT_PASSWORD);
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
        assertThat(browser.driver.findElement(By.cssSelector("table.pipelines td.source")).getText()).isEqualTo("api");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.name("source"))).selectByVisibleText("push");
        browser.driver.findElement(By.xpath("//button[text()='Filter']")).click();
        browser.await("the source filter", d -> d.getCurrentUrl().contains("source=push"));
        assertThat(browser.driver.findElements(By.cssSelector("table.pipelines tbody tr"))).as("no push pipelines").isEmpty();
        browser.driver.get(server.url() + "/-/projects/" + projectId + "/pipelines?source=api");
        assertThat(browser.driver.findElements(By.cssSelector("table.pipelines tbody tr"))).hasSize(1);
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        browser.await("the pipeline's source", d -> d.findElement(By.cssSelector(".pipeline-head .source")).getText().equals("api"));
        browser.driver.get(server.url() + "/-/projects/" + projectId + "/pipelines?status=failed");
        assertThat(browser.driver.findElements(By.cssSelector("table.pipelines tbody tr"))).isEmpty();
        var badge = Http.send("GET", server.url() + "/app/badges/main/pipeline.svg", null);
        assertThat(badge.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(badge.body()).contains("pipeline: success");
        assertThat(Http.send("GET", server.url() + "/app/badges/nope/pipeline.svg", null).body()).contains("pipeline: unknown");
    }

    @Test
    void signInRefusesAWrongPasswordReturnsToThePageAndSignOutEndsTheSession() throws Exception {
        long pipeline = pipeline("""
                build:
                  script: [echo built]
                """);
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        assertThat(browser.driver.getCurrentUrl()).as("a page needs sign-in")
                .endsWith("/-/sign_in?return_to=%2F-%2Fpipelines%2F" + pipeline);
        submitSignIn("root", "not-the-password");
        assertThat(browser.driver.findElement(By.cssSelector(".alert")).getText()).isEqualTo("Invalid username or password.");
        browser.screenshot("sign-in-refused");
        submitSignIn("root", ROOT_PASSWORD);
        browser.await("the pipeline page it asked for", d -> d.getCurrentUrl().endsWith("/-/pipelines/" + pipeline));
        var cookie = browser.driver.manage().getCookieNamed("sluice_session");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");

        browser.driver.findElement(By.xpath("//button[text()='Sign out']")).click();
        browser.await("the sign-in page", d -> d.getCurrentUrl().endsWith("/-/sign_in"));
        browser.driver.get(server.url() + "/-/projects");
        assertThat(browser.driver.getCurrentUrl()).as("signed out").contains("/-/sign_in");
        var reused = Http.send("GET", server.url() + "/-/projects", null, "Cookie", "sluice_session=" + cookie.getValue());
        assertThat(reused.statusCode()).as("the old cookie no longer works").isEqualTo(303);
    }

    @Test
    void aSessionSurvivesARestart() throws Exception {
        String cookie = httpSignIn("root", ROOT_PASSWORD);
        assertThat(Http.send("GET", server.url() + "/-/projects", null, "Cookie", cookie).statusCode()).isEqualTo(200);
        int port = server.port();
        server.close();
        server = startServer(port);
        assertThat(Http.send("GET", server.url() + "/-/projects", null, "Cookie", cookie).statusCode())
                .as("the session is in the store, not in the server's memory").isEqualTo(200);
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        long pipeline = pipeline("""
                deploy:
                  when: manual
                  script: [echo deployed]
                """);
        long deploy = job(pipeline, "deploy", "manual");
        String cookie = httpSignIn("root", ROOT_PASSWORD);
        var form = new String[] {"Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"};
        var none = Http.send("POST", server.url() + "/-/jobs/" + deploy + "/play", "", form);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("security token is missing or stale");
        var wrong = Http.send("POST", server.url() + "/-/jobs/" + deploy + "/play", "authenticity_token=forged", form);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(Http.send("POST", server.url() + "/-/jobs/" + deploy + "/play", "", "Content-Type",
                "application/x-www-form-urlencoded").statusCode()).as("no session at all").isEqualTo(401);
        assertThat(job(pipeline, "deploy", "manual")).as("still not played").isEqualTo(deploy);
        var right = Http.send("POST", server.url() + "/-/jobs/" + deploy + "/play", "",
                "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded", "X-CSRF-Token", csrf(cookie, "/-/projects"));
        assertThat(right.statusCode()).as("htmx's header is taken too").isEqualTo(303);
        job(pipeline, "deploy", "success");
    }

    @Test
    void aReporterSeesThePipelineWithoutPlayButtonsAndAForgedPlayIsRefused() throws Exception {
        long pipeline = pipeline("""
                build:
                  script: [echo built]
                deploy:
                  stage: deploy
                  when: manual
                  script: [echo deployed]
                """);
        long deploy = job(pipeline, "deploy", "manual");
        member("rita", ProjectMembers.REPORTER);
        signIn("rita", "rita-password-1");
        browser.driver.get(server.url() + "/-/pipelines/" + pipeline);
        card("deploy", "manual");
        assertThat(browser.driver.findElements(By.cssSelector("#pipeline-live button"))).as("no action buttons").isEmpty();
        browser.screenshot("pipeline-reporter");

        String cookie = httpSignIn("rita", "rita-password-1");
        var forged = Http.send("POST", server.url() + "/-/jobs/" + deploy + "/play",
                "authenticity_token=" + csrf(cookie, "/-/pipelines/" + pipeline),
                "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Forbidden").contains("may not run");
        assertThat(job(pipeline, "deploy", "manual")).isEqualTo(deploy);

        member("outsider", 0);
        String stranger = httpSignIn("outsider", "outsider-password-1");
        assertThat(Http.send("GET", server.url() + "/-/pipelines/" + pipeline, null, "Cookie", stranger).statusCode())
                .as("a non-member does not see the project's pipelines").isEqualTo(404);
        assertThat(Http.send("GET", server.url() + "/-/projects", null, "Cookie", stranger).body()).doesNotContain(">app<");
    }

    @Test
    void aNewTokenIsShownOnceWorksAndIsRevokedFromTheTokensPage() throws Exception {
        signIn("root", ROOT_PASSWORD);
        browser.driver.findElement(By.cssSelector(".account a")).click();
        browser.driver.findElement(By.name("name")).sendKeys("laptop");
        browser.driver.findElement(By.xpath("//button[text()='Create token']")).click();
        String secret = browser.await("the new token", d -> d.findElement(By.id("created-token"))).getAttribute("value");
        assertThat(secret).startsWith("glpat-");
        browser.screenshot("access-tokens");
        assertThat(Http.send("GET", server.url() + "/api/v4/user", null, "PRIVATE-TOKEN", secret).statusCode()).isEqualTo(200);

        browser.driver.get(server.url() + "/-/profile/personal_access_tokens");
        assertThat(browser.driver.getPageSource()).as("shown only once").doesNotContain(secret);
        assertThat(browser.driver.findElement(By.cssSelector("table.tokens")).getText()).contains("laptop").contains("api");
        browser.driver.findElement(By.cssSelector("button[aria-label='Revoke laptop']")).click();
        browser.await("the token to be inactive", d -> d.findElement(By.cssSelector("table.tokens")).getText().contains("inactive"));
        assertThat(Http.send("GET", server.url() + "/api/v4/user", null, "PRIVATE-TOKEN", secret).statusCode()).isEqualTo(401);
    }

    @Test
    void theCiCdSettingsPageEditsVariablesAndProtectedBranchesAndNeverShowsAMaskedValue() throws Exception {
        pipeline("""
                build:
                  script: [echo built]
                """);
        String masked = "Masked-Secret-4711";
        variable("{\"key\":\"DEPLOY_TOKEN\",\"value\":\"" + masked + "\",\"masked\":true}");
        variable("{\"key\":\"REGION\",\"value\":\"eu-west-1\"}");
        member("maia", ProjectMembers.MAINTAINER);
        signIn("maia", "maia-password-1");
        browser.driver.get(server.url() + "/-/projects/" + projectId);
        browser.driver.findElement(By.linkText("CI/CD settings")).click();
        assertThat(browser.driver.findElement(By.cssSelector("table.variables")).getText()).contains("DEPLOY_TOKEN").contains("eu-west-1");
        assertThat(browser.driver.getPageSource()).as("not in the list, not in the edit forms").doesNotContain(masked);

        var row = browser.driver.findElement(By.cssSelector("tr[data-key='DEPLOY_TOKEN']"));
        row.findElement(By.tagName("summary")).click();
        assertThat(row.findElement(By.name("value")).getAttribute("value")).isEmpty();
        row.findElement(By.xpath(".//label[contains(.,'Protected')]/input")).click();
        row.findElement(By.xpath(".//button[text()='Save DEPLOY_TOKEN']")).click();
        browser.await("the variable to be protected", d -> d.findElement(By.cssSelector("tr[data-key='DEPLOY_TOKEN']")).getText()
                .contains("protected"));
        var kept = CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + projectId + "/variables/DEPLOY_TOKEN").body());
        assertThat(kept.get("value").asText()).as("an empty value field keeps a masked value").isEqualTo(masked);
        assertThat(kept.get("protected").asBoolean()).isTrue();

        var add = browser.driver.findElement(By.xpath("//h2[text()='Add a variable']/following-sibling::form"));
        add.findElement(By.name("key")).sendKeys("bad key");
        add.findElement(By.xpath(".//button")).click();
        browser.await("the refusal page", d -> d.findElement(By.tagName("main")).getText().contains("Not saved"));
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("key can contain only");
        browser.driver.navigate().back();
        browser.driver.findElement(By.cssSelector("button[aria-label='Delete REGION']")).click();
        browser.await("REGION to be gone", d -> d.findElements(By.cssSelector("tr[data-key='REGION']")).isEmpty());
        browser.driver.findElement(By.cssSelector("input[placeholder='release/*']")).sendKeys("release/*");
        browser.driver.findElement(By.xpath("//button[text()='Protect']")).click();
        browser.await("release/* to be protected", d -> d.findElement(By.cssSelector(".branches")).getText().contains("release/*"));
        assertThat(browser.driver.getPageSource()).doesNotContain(masked);
        browser.screenshot("ci-cd-settings");

        member("dev", ProjectMembers.DEVELOPER);
        String developer = httpSignIn("dev", "dev-password-1");
        assertThat(Http.send("GET", server.url() + "/-/projects/" + projectId + "/settings/ci_cd", null, "Cookie", developer)
                .statusCode()).isEqualTo(403);
        var forged = Http.send("POST", server.url() + "/-/projects/" + projectId + "/settings/ci_cd/variables",
                "key=STOLEN&value=x&authenticity_token=" + csrf(developer, "/-/projects"),
                "Cookie", developer, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Http.api("GET", server.url() + "/api/v4/projects/" + projectId + "/variables").body()).doesNotContain("STOLEN");
    }

    @Test
    void aJobPageListsItsArtifactsForReportersWhoMayDownloadThem() throws Exception {
        long pipeline = pipeline("""
                build:
                  script: [mkdir -p out, echo hello > out/report.txt]
                  artifacts:
                    paths: [out/]
                """);
        long build = job(pipeline, "build", "success");
        member("rita", ProjectMembers.REPORTER);
        signIn("rita", "rita-password-1");
        browser.driver.get(server.url() + "/-/jobs/" + build);
        assertThat(browser.driver.findElement(By.cssSelector(".artifacts")).getText()).contains("out/report.txt");
        String cookie = httpSignIn("rita", "rita-password-1");
        var zip = Http.send("GET", server.url() + "/-/jobs/" + build + "/artifacts.zip", null, "Cookie", cookie);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("content-type")).hasValue("application/zip");
        member("gus", ProjectMembers.GUEST);
        String guest = httpSignIn("gus", "gus-password-1");
        assertThat(Http.send("GET", server.url() + "/-/jobs/" + build + "/artifacts.zip", null, "Cookie", guest).statusCode())
                .as("guests see jobs but not the code").isEqualTo(403);
        assertThat(Http.send("GET", server.url() + "/-/jobs/" + build, null, "Cookie", guest).body()).doesNotContain("Download artifacts.zip");
    }

    @Test
    void administratorsSeeTheRunnersAndTheRegistrationTokenOthersDoNot() throws Exception {
        signIn("root", ROOT_PASSWORD);
        browser.driver.findElement(By.linkText("Runners")).click();
        assertThat(browser.driver.findElement(By.cssSelector("input[aria-label='Registration token']")).getAttribute("value"))
                .isEqualTo("reg-token");
        assertThat(browser.driver.findElements(By.cssSelector("table.runners tbody tr"))).hasSize(1);
        browser.screenshot("runners");
        member("maia", 0);
        signIn("maia", "maia-password-1");
        assertThat(browser.driver.findElements(By.linkText("Runners"))).isEmpty();
        browser.driver.get(server.url() + "/-/admin/runners");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Forbidden").doesNotContain("reg-token");
    }

    @Test
    void anAdministratorResetsTheRegistrationTokenAfterConfirmingOthersCannot() throws Exception {
        signIn("root", ROOT_PASSWORD);
        browser.driver.get(server.url() + "/-/admin/runners");
        browser.driver.findElement(By.xpath("//summary[text()='Reset registration token…']")).click();
        browser.driver.findElement(By.xpath("//button[text()='Reset token']")).click();
        assertThat(registrationToken()).as("the box is not ticked: the browser does not send the form").isEqualTo("reg-token");
        browser.driver.findElement(By.name("confirm")).click();
        browser.driver.findElement(By.xpath("//button[text()='Reset token']")).click();
        String fresh = browser.await("a new token", d -> {
            String shown = registrationToken();
            return shown.equals("reg-token") ? null : shown;
        });
        assertThat(fresh).startsWith("GR1348941");
        browser.screenshot("runners-token-reset");
        assertThat(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"reg-token\"}").statusCode())
                .as("the old token registers no runner").isEqualTo(403);
        assertThat(Http.send("POST", server.url() + "/api/v4/runners", "{\"token\":\"" + fresh + "\"}").statusCode()).isEqualTo(201);
        assertThat(Http.send("POST", server.url() + "/api/v4/runners/verify", "{\"token\":\"" + agentToken + "\"}").statusCode())
                .as("runners registered before keep working").isEqualTo(200);

        String admin = httpSignIn("root", ROOT_PASSWORD);
        var form = new String[] {"Cookie", admin, "Content-Type", "application/x-www-form-urlencoded"};
        var unconfirmed = Http.send("POST", server.url() + "/-/admin/runners/registration_token/reset",
                "authenticity_token=" + csrf(admin, "/-/admin/runners"), form);
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(unconfirmed.body()).contains("tick the box to confirm");
        assertThat(Http.send("POST", server.url() + "/-/admin/runners/registration_token/reset", "confirm=yes", form).statusCode())
                .as("no CSRF token").isEqualTo(403);
        long mallory = member("mallory", 0);
        String other = httpSignIn("mallory", "mallory-password-1");
        var forged = Http.send("POST", server.url() + "/-/admin/runners/registration_token/reset",
                "confirm=yes&authenticity_token=" + csrf(other, "/-/projects"), "Cookie", other,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("only administrators reset the registration token");
        String token = CoordinatorIT.json(Http.api("POST", server.url() + "/api/v4/users/" + mallory + "/personal_access_tokens",
                "{\"name\":\"t\",\"scopes\":[\"api\"]}", "Content-Type", "application/json").body()).get("token").asText();
        assertThat(Http.send("POST", server.url() + "/api/v4/runners/reset_registration_token", null, "PRIVATE-TOKEN", token)
                .statusCode()).isEqualTo(403);
        browser.driver.navigate().refresh();
        assertThat(registrationToken()).as("unchanged by the refused requests").isEqualTo(fresh);
    }

    private String registrationToken() {
        return browser.driver.findElement(By.id("registration-token")).getAttribute("value");
    }

    @Test
    void aMaintainerApprovesAndMergesAMergeRequestTheAuthorCannotApprove() throws Exception {
        passingMain();
        var approvals = Http.api("POST", server.url() + "/api/v4/projects/" + projectId + "/approvals", "{\"approvals_before_merge\":1}",
                "Content-Type", "application/json");
        assertThat(approvals.statusCode()).as(approvals.body()).isEqualTo(201);
        member("mona", ProjectMembers.MAINTAINER);
        String token = pushFeature("dana");
        openMergeRequest(token, "\"title\":\"Greet people\",\"description\":\"Says <hello>.\"");
        String mrPage = server.url() + "/-/projects/" + projectId + "/merge_requests/1";

        signIn("dana", "dana-password-1");
        browser.driver.get(mrPage);
        assertThat(browser.driver.findElement(By.cssSelector(".approvals")).getText()).contains("1 of 1 approval left");
        assertThat(browser.driver.findElements(By.xpath("//button[text()='Approve']"))).as("the author cannot approve").isEmpty();
        String danaCookie = httpSignIn("dana", "dana-password-1");
        var ownApproval = Http.send("POST", mrPage + "/approve", "authenticity_token=" + csrf(danaCookie, "/-/projects/" + projectId
                + "/merge_requests/1"), "Cookie", danaCookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(ownApproval.statusCode()).as("refused with the REST API's reason").isEqualTo(409);
        assertThat(ownApproval.body()).contains("authors cannot approve their own merge request");

        signIn("mona", "mona-password-1");
        browser.driver.get(server.url() + "/-/projects/" + projectId);
        browser.driver.findElement(By.linkText("Merge requests")).click();
        browser.driver.findElement(By.linkText("Greet people")).click();
        browser.await("the feature pipeline to pass", d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector(".pipelines [data-status='success']")).stream().findFirst().orElse(null);
        });
        assertThat(mergeButton().isEnabled()).isFalse();
        assertThat(browser.driver.findElement(By.id("merge-missing")).getText()).contains("1 more approval required (0 of 1)")
                .doesNotContain("pipeline");
        assertThat(browser.driver.findElement(By.cssSelector(".description")).getText()).isEqualTo("Says <hello>.");
        assertThat(browser.driver.findElement(By.cssSelector(".commits")).getText()).contains("Add a greeting").contains("Ada");
        assertThat(browser.driver.findElement(By.cssSelector(".changed")).getText()).contains("greeting.html +1 −0");
        assertThat(browser.driver.findElement(By.cssSelector(".diff .add")).getText()).as("escaped, shown as text").isEqualTo("+<b>hello</b>");

        String monaCookie = httpSignIn("mona", "mona-password-1");
        var early = Http.send("POST", mrPage + "/merge", "authenticity_token=" + csrf(monaCookie, "/-/projects/" + projectId
                + "/merge_requests/1"), "Cookie", monaCookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(early.statusCode()).as("a merge the gate refuses").isEqualTo(409);
        assertThat(early.body()).contains("cannot be merged: 1 more approval required (0 of 1)");
        browser.screenshot("merge-request-blocked");
        browser.driver.findElement(By.xpath("//button[text()='Approve']")).click();
        browser.await("the approval", d -> d.findElement(By.cssSelector(".approvals")).getText().contains("Approved by mona") ? true : null);
        assertThat(mergeButton().isEnabled()).isTrue();
        assertThat(browser.driver.findElements(By.id("merge-missing"))).isEmpty();
        browser.screenshot("merge-request");

        mergeButton().click();
        browser.await("the merged state", d -> d.findElements(By.cssSelector(".mr-head [data-state='merged']")).stream().findFirst().orElse(null));
        assertThat(browser.driver.findElement(By.cssSelector(".merge")).getText()).contains("Merged by mona").contains("Merge commit");
        assertThat(browser.driver.findElement(By.cssSelector(".commits")).getText()).as("still the merged commits").contains("Add a greeting");
        assertThat(browser.driver.findElements(By.cssSelector(".approvals button"))).as("nothing to approve any more").isEmpty();
        browser.screenshot("merge-request-merged");
        browser.driver.findElement(By.linkText("Pipelines of main")).click();
        assertThat(browser.driver.findElements(By.cssSelector("table.pipelines tbody tr"))).as("the merge's pipeline on main").hasSize(2);
        browser.driver.get(server.url() + "/-/projects/" + projectId + "/merge_requests?state=merged");
        assertThat(browser.driver.findElement(By.cssSelector(".mrs")).getText()).contains("Greet people").contains("merged");
        browser.driver.get(server.url() + "/-/projects/" + projectId + "/merge_requests");
        assertThat(browser.driver.findElements(By.cssSelector(".mrs"))).as("none open").isEmpty();
    }

    @Test
    void aMissingMergeRequestIsNotFoundAndAnActionWithoutTheCsrfTokenIsRefused() throws Exception {
        passingMain();
        member("mona", ProjectMembers.MAINTAINER);
        String cookie = httpSignIn("mona", "mona-password-1");
        assertThat(Http.send("GET", server.url() + "/-/projects/" + projectId + "/merge_requests/7", null, "Cookie", cookie).statusCode())
                .isEqualTo(404);
        var forged = Http.send("POST", server.url() + "/-/projects/" + projectId + "/merge_requests/7/merge",
                "authenticity_token=" + csrf(cookie, "/-/projects/" + projectId + "/merge_requests"),
                "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.statusCode()).isEqualTo(409);
        assertThat(forged.body()).contains("there is no merge request !7");
        var noToken = Http.send("POST", server.url() + "/-/projects/" + projectId + "/merge_requests/7/merge", "",
                "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void aDeveloperOpensCommentsOnEditsClosesAndReopensAMergeRequestInTheBrowser() throws Exception {
        passingMain();
        pushFeature("dana");
        signIn("dana", "dana-password-1");
        browser.driver.get(server.url() + "/-/projects/" + projectId + "/merge_requests");
        browser.driver.findElement(By.linkText("New merge request")).click();
        choose("source_branch", "main");
        choose("target_branch", "main");
        browser.driver.findElement(By.name("title")).sendKeys("<script>document.body.dataset.owned='yes'</script> Greet people");
        browser.driver.findElement(By.name("description")).sendKeys("Says <hello>.");
        browser.screenshot("merge-request-new");
        browser.driver.findElement(By.xpath("//button[text()='Create merge request']")).click();
        assertThat(browser.await("the form's error", d -> d.findElement(By.cssSelector("[role=alert]"))).getText())
                .as("the REST API's rule, in the form").isEqualTo("source_branch and target_branch must differ");
        assertThat(browser.driver.findElement(By.name("title")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("<script>document.body.dataset.owned='yes'</script> Greet people");
        browser.screenshot("merge-request-new-refused");
        choose("source_branch", "feature");
        browser.driver.findElement(By.xpath("//button[text()='Create merge request']")).click();
        browser.await("the new merge request's page", d -> d.getCurrentUrl().endsWith("/merge_requests/1") ? true : null);
        assertThat(browser.driver.findElement(By.cssSelector(".mr-head h1")).getText())
                .as("escaped: shown as text, never run").startsWith("<script>document.body.dataset.owned='yes'</script> Greet people");
        assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("data-owned")).as("the script did not run").isNull();
        assertThat(browser.driver.findElement(By.cssSelector(".description")).getText()).isEqualTo("Says <hello>.");
        var rest = CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + projectId + "/merge_requests/1", null).body());
        assertThat(rest.get("source_branch").asText()).isEqualTo("feature");
        assertThat(rest.get("author").get("username").asText()).isEqualTo("dana");

        browser.driver.get(server.url() + "/-/projects/" + projectId + "/merge_requests/new");
        choose("source_branch", "feature");
        choose("target_branch", "main");
        browser.driver.findElement(By.name("title")).sendKeys("Again");
        browser.driver.findElement(By.xpath("//button[text()='Create merge request']")).click();
        assertThat(browser.await("the form's error", d -> d.findElement(By.cssSelector("[role=alert]"))).getText())
                .isEqualTo("Another open merge request already exists for this source branch: !1");

        browser.driver.get(server.url() + "/-/projects/" + projectId + "/merge_requests/1");
        browser.driver.findElement(By.name("body")).sendKeys("Looks <b>good</b> to me");
        browser.driver.findElement(By.xpath("//button[text()='Comment']")).click();
        assertThat(browser.await("the comment", d -> d.findElement(By.cssSelector(".note-list"))).getText())
                .contains("dana").contains("Looks <b>good</b> to me");
        var notes = CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + projectId + "/merge_requests/1/notes",
                null).body());
        assertThat(notes.get(0).get("body").asText()).as("the REST API's note").isEqualTo("Looks <b>good</b> to me");

        browser.driver.findElement(By.linkText("Edit")).click();
        var title = browser.driver.findElement(By.name("title"));
        title.clear();
        title.sendKeys("Greet everyone");
        browser.driver.findElement(By.xpath("//button[text()='Save changes']")).click();
        browser.await("the new title", d -> d.findElement(By.cssSelector(".mr-head h1")).getText().startsWith("Greet everyone") ? true : null);
        assertThat(browser.driver.findElement(By.cssSelector(".description")).getText()).as("kept").isEqualTo("Says <hello>.");

        browser.driver.findElement(By.xpath("//button[text()='Close']")).click();
        browser.await("the closed state", d -> d.findElements(By.cssSelector(".mr-head [data-state='closed']")).stream().findFirst().orElse(null));
        assertThat(browser.driver.findElement(By.id("merge-missing")).getText()).contains("closed");
        browser.driver.findElement(By.xpath("//button[text()='Reopen']")).click();
        browser.await("the opened state", d -> d.findElements(By.cssSelector(".mr-head [data-state='opened']")).stream().findFirst().orElse(null));
        browser.screenshot("merge-request-commented");
    }

    @Test
    void aMaintainerSetsTwoRequiredApprovalsInTheSettingsAndTheMergeRequestWaitsForThem() throws Exception {
        passingMain();
        member("mona", ProjectMembers.MAINTAINER);
        String token = pushFeature("dana");
        openMergeRequest(token, "\"title\":\"Greet people\"");

        signIn("mona", "mona-password-1");
        browser.driver.get(server.url() + "/-/projects/" + projectId + "/settings/ci_cd");
        var count = browser.driver.findElement(By.name("approvals_before_merge"));
        assertThat(count.getAttribute("value")).isEqualTo("0");
        count.clear();
        count.sendKeys("two");
        browser.driver.findElement(By.xpath("//button[text()='Save merge request rules']")).click();
        assertThat(browser.await("the refusal", d -> d.findElement(By.tagName("main"))).getText()).contains("Not saved")
                .contains("approvals_before_merge must be a whole number from 0");
        browser.driver.navigate().back();
        count = browser.driver.findElement(By.name("approvals_before_merge"));
        count.clear();
        count.sendKeys("2");
        choose("approver_access_level", "40");
        browser.driver.findElement(By.xpath("//button[text()='Save merge request rules']")).click();
        browser.await("the saved rules", d -> "2".equals(d.findElement(By.name("approvals_before_merge")).getAttribute("value")) ? true : null);
        browser.driver.executeScript("arguments[0].scrollIntoView()", browser.driver.findElement(By.cssSelector(".merge-rules")));
        browser.screenshot("settings-merge-requests");
        var rules = CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + projectId + "/approvals", null).body());
        assertThat(rules.get("approvals_before_merge").asInt()).as("the REST API's settings").isEqualTo(2);
        assertThat(rules.get("approver_access_level").asInt()).isEqualTo(40);

        browser.driver.get(server.url() + "/-/projects/" + projectId + "/merge_requests/1");
        assertThat(browser.driver.findElement(By.id("merge-missing")).getText()).as("the gate's own words")
                .contains("2 more approvals required (0 of 2)");
        assertThat(browser.driver.findElement(By.cssSelector(".approvals")).getText()).contains("2 of 2 approvals left");

        String danaCookie = httpSignIn("dana", "dana-password-1");
        var forged = Http.send("POST", server.url() + "/-/projects/" + projectId + "/settings/ci_cd/merge_requests",
                "approvals_before_merge=0&approver_access_level=30&merge_method=merge&authenticity_token="
                        + csrf(danaCookie, "/-/projects/" + projectId + "/merge_requests"),
                "Cookie", danaCookie, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.statusCode()).as("a developer may not change the rules").isEqualTo(403);
        assertThat(forged.body()).contains("only maintainers");
        assertThat(Http.send("GET", server.url() + "/-/projects/" + projectId + "/settings/ci_cd", null, "Cookie", danaCookie)
                .statusCode()).as("nor see the settings page").isEqualTo(403);
        assertThat(CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + projectId + "/approvals", null).body())
                .get("approvals_before_merge").asInt()).as("unchanged").isEqualTo(2);
    }

    @Test
    void guestsAndReportersCannotOpenOrEditMergeRequestsAndAFormWithoutTheCsrfTokenIsRefused() throws Exception {
        passingMain();
        String token = pushFeature("dana");
        openMergeRequest(token, "\"title\":\"Greet people\"");
        String create = server.url() + "/-/projects/" + projectId + "/merge_requests";
        String form = "source_branch=feature&target_branch=main&title=Sneaky";

        member("gus", ProjectMembers.GUEST);
        String guest = httpSignIn("gus", "gus-password-1");
        var byGuest = Http.send("POST", create, form + "&authenticity_token=" + csrf(guest, "/-/projects/" + projectId),
                "Cookie", guest, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(byGuest.statusCode()).as("guests do not see merge requests at all").isEqualTo(404);

        member("rita", ProjectMembers.REPORTER);
        String reporter = httpSignIn("rita", "rita-password-1");
        String ritaCsrf = csrf(reporter, "/-/projects/" + projectId + "/merge_requests");
        assertThat(Http.send("GET", create, null, "Cookie", reporter).body()).doesNotContain("New merge request");
        assertThat(Http.send("GET", create + "/new", null, "Cookie", reporter).statusCode()).isEqualTo(403);
        var byReporter = Http.send("POST", create, form + "&authenticity_token=" + ritaCsrf,
                "Cookie", reporter, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(byReporter.statusCode()).isEqualTo(403);
        assertThat(byReporter.body()).contains("needs the developer role");
        var close = Http.send("POST", create + "/1/close", "authenticity_token=" + ritaCsrf,
                "Cookie", reporter, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(close.statusCode()).isEqualTo(409);
        assertThat(close.body()).contains("editing merge requests needs the developer role");
        assertThat(Http.send("GET", create + "/1", null, "Cookie", reporter).body()).doesNotContain(">Edit<").doesNotContain(">Close<");
        var comment = Http.send("POST", create + "/1/notes", "body=I+can+comment&authenticity_token=" + ritaCsrf,
                "Cookie", reporter, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(comment.statusCode()).as("reporters comment, as the REST API lets them").isEqualTo(303);

        String dana = httpSignIn("dana", "dana-password-1");
        var noToken = Http.send("POST", create + "/1/close", "", "Cookie", dana, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("security token is missing or stale");
        assertThat(Http.send("POST", create, form, "Cookie", dana, "Content-Type", "application/x-www-form-urlencoded").statusCode())
                .as("the new merge request form too").isEqualTo(403);
        var blank = Http.send("POST", create + "/1/edit", "title=+&description=Changed&authenticity_token="
                + csrf(dana, "/-/projects/" + projectId + "/merge_requests/1/edit"), "Cookie", dana, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(blank.statusCode()).as("the edit form comes back").isEqualTo(422);
        assertThat(blank.body()).contains("role=\"alert\">title is empty<").contains(">Changed</textarea>");
        var list = CoordinatorIT.json(Http.api("GET", server.url() + "/api/v4/projects/" + projectId + "/merge_requests", null).body());
        assertThat(list.size()).as("none opened by a refused form").isEqualTo(1);
        assertThat(list.get(0).get("state").asText()).isEqualTo("opened");
        assertThat(list.get(0).get("description").asText()).as("nothing saved from a refused edit").isEmpty();
    }

    /** Picks the option of {@code value} in the select named {@code name}. */
    private void choose(String name, String value) {
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.name(name))).selectByValue(value);
    }

    /**
     * Makes {@code name} a developer (password {@code <name>-password-1}) who pushes a branch {@code feature} adding
     * {@code greeting.html} to the project; their access token.
     */
    private String pushFeature(String name) throws Exception {
        long id = member(name, ProjectMembers.DEVELOPER);
        String token = CoordinatorIT.json(Http.api("POST", server.url() + "/api/v4/users/" + id + "/personal_access_tokens",
                CoordinatorIT.JSON.writeValueAsString(Map.of("name", "git", "scopes", List.of("api", "write_repository"))),
                "Content-Type", "application/json").body()).get("token").asText();
        var git = new GitClient(Files.createDirectories(tmp.resolve("home")));
        Path clone = tmp.resolve("clone");
        git.run(tmp, "clone", "-q", GitClient.url(server, name, token, "app"), clone.toString()).ok();
        git.run(clone, "checkout", "-q", "-b", "feature").ok();
        Files.writeString(clone.resolve("greeting.html"), "<b>hello</b>\n");
        git.run(clone, "add", ".").ok();
        git.run(clone, "commit", "-q", "-m", "Add a greeting").ok();
        git.run(clone, "push", "-q", "origin", "feature").ok();
        return token;
    }

    private WebElement mergeButton() {
        return browser.driver.findElement(By.xpath("//button[text()='Merge']"));
    }

    private void variable(String json) throws Exception {
        var r = Http.api("POST", server.url() + "/api/v4/projects/" + projectId + "/variables", json, "Content-Type", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** A user with a password ({@code <name>-password-1}) who is a member of the project at {@code level} (0: none). */
    private long member(String name, int level) throws Exception {
        var created = Http.api("POST", server.url() + "/api/v4/users", CoordinatorIT.JSON.writeValueAsString(
                Map.of("username", name, "password", name + "-password-1")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = CoordinatorIT.json(created.body()).get("id").asLong();
        if (level > 0) {
            new JdbiUsers(store).add(projectId, id, level);
        }
        return id;
    }

    private void setPassword(long userId, String password) throws Exception {
        var set = Http.api("PUT", server.url() + "/api/v4/users/" + userId, "{\"password\":\"" + password + "\"}",
                "Content-Type", "application/json");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    /** Signs the browser in on the sign-in page. */
    private void signIn(String username, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(server.url() + "/-/sign_in");
        submitSignIn(username, password);
        browser.await("signed in as " + username, d -> !d.findElements(By.cssSelector(".account")).isEmpty());
    }

    private void submitSignIn(String username, String password) {
        var name = browser.driver.findElement(By.name("username"));
        name.clear();
        name.sendKeys(username);
        browser.driver.findElement(By.name("password")).sendKeys(password);
        browser.driver.findElement(By.xpath("//button[text()='Sign in']")).click();
    }

    /** Signs in over plain HTTP; the {@code Cookie} header value of the new session. */
    private String httpSignIn(String username, String password) throws Exception {
        var r = Http.send("POST", server.url() + "/-/sign_in", "username=" + username + "&password=" + password,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    /** The CSRF token a page carries for the session. */
    private String csrf(String cookie, String page) throws Exception {
        var html = Http.send("GET", server.url() + page, null, "Cookie", cookie).body();
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a csrf-token meta tag in " + page).isTrue();
        return m.group(1);
    }

    private WebElement card(String name, String status) {
        return browser.await("job card " + name + " to be " + status, d -> d.findElements(
                By.cssSelector(".card[data-name='" + name + "'][data-status='" + status + "']")).stream().findFirst().orElse(null));
    }

    /** Project {@code app} from a repository with this configuration, and a pipeline on main (failed when the YAML is bad). */
    private long pipeline(String ci) throws Exception {
        projectId = Rest.project(server, tmp, "app", ci);
        return Rest.ok(201, Rest.call(server, "POST", "/projects/" + projectId + "/pipeline?ref=main", null)).get("id").asLong();
    }

    /** Project {@code app} whose first pipeline on main (one job) has passed: the target of the merge request tests. */
    private void passingMain() throws Exception {
        long first = pipeline("""
                build:
                  script: [echo built]
                """);
        Http.await("main's first pipeline to pass", () -> status(first).equals("success"));
    }

    /** Opens a merge request over the REST API as the user with {@code token}; {@code fields} go into its JSON. */
    private void openMergeRequest(String token, String fields) throws Exception {
        var opened = Http.send("POST", server.url() + "/api/v4/projects/" + projectId + "/merge_requests",
                "{\"source_branch\":\"feature\",\"target_branch\":\"main\"," + fields + "}",
                "PRIVATE-TOKEN", token, "Content-Type", "application/json");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    }

    /** The job's id from the REST API once it has {@code status}. */
    private long job(long pipeline, String name, String status) throws Exception {
        return Rest.awaitJob(server, projectId, pipeline, name, status).get("id").asLong();
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
