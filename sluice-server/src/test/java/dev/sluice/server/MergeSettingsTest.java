package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The merge request rules' checks, shared by the REST API and the settings page. */
class MergeSettingsTest {

    @Test
    void theDefaultsAreValid() {
        assertThat(MergeSettings.Settings.DEFAULTS.problems()).isEmpty();
    }

    @Test
    void everyInvalidFieldIsNamedInTheRestApisWords() {
        var bad = new MergeSettings.Settings(MergeSettings.Settings.count("two"), ProjectMembers.REPORTER, true, "squash", false);
        assertThat(bad.problems()).containsExactly("approvals_before_merge must be a whole number from 0",
                "approver_access_level must be developer (30) or above", "merge_method does not have a valid value (merge or ff)");
    }

    @Test
    void anApproverLevelMustBeOneOfGitLabsRoles() {
        assertThat(new MergeSettings.Settings(1, 35, true, "merge", false).problems()).hasSize(1);
        assertThat(new MergeSettings.Settings(1, ProjectMembers.OWNER, true, "ff", false).problems()).isEmpty();
    }

    @Test
    void aCountIsAWholeNumberFromZeroAsTyped() {
        assertThat(MergeSettings.Settings.count(" 2 ")).isEqualTo(2);
        assertThat(MergeSettings.Settings.count("0")).isZero();
        assertThat(MergeSettings.Settings.count("-4")).isEqualTo(-1);
        assertThat(MergeSettings.Settings.count("1.5")).isEqualTo(-1);
        assertThat(MergeSettings.Settings.count(null)).isEqualTo(-1);
    }
}
