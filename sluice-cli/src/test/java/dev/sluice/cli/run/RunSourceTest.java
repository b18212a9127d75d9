package dev.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.ProjectInfo;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSourceTest {

    private static ProjectInfo project(String origin) {
        return RunSource.project(Path.of("/work/checkout"), Optional.ofNullable(origin), "main");
    }

    @Test
    void scpLikeRemote() {
        ProjectInfo p = project("git@gitlab.com:gcl/test-project.git");
        assertThat(p.namespace()).isEqualTo("gcl");
        assertThat(p.name()).isEqualTo("test-project");
        assertThat(p.serverUrl()).isEqualTo("https://gitlab.com");
    }

    @Test
    void httpsRemoteWithSubgroupsAndNoSuffix() {
        ProjectInfo p = project("https://user@gitlab.example.com:8443/group/sub/service");
        assertThat(p.path()).isEqualTo("group/sub/service");
        assertThat(p.serverUrl()).isEqualTo("https://gitlab.example.com");
    }

    @Test
    void sshUrlRemote() {
        assertThat(project("ssh://git@gitlab.com:2222/a/b.git").path()).isEqualTo("a/b");
    }

    @Test
    void noRemoteOrALocalPathFallsBackToTheDirectoryName() {
        assertThat(project(null).path()).isEqualTo("local/checkout");
        assertThat(project("/srv/git/thing.git").path()).isEqualTo("local/checkout");
        assertThat(project("file:///srv/git/thing.git").path()).isEqualTo("local/checkout");
    }
}
