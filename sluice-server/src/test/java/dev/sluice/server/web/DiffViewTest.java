package dev.sluice.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffViewTest {

    private static final String DIFF = """
            diff --git a/page.html b/page.html
            new file mode 100644
            index 0000000..e69de29
            --- /dev/null
            +++ b/page.html
            @@ -0,0 +1,2 @@
            +<script>alert("x")</script>
            +--- not a header
            diff --git a/old.txt b/old.txt
            deleted file mode 100644
            index e69de29..0000000
            --- a/old.txt
            +++ /dev/null
            @@ -1 +0,0 @@
            -gone
            diff --git a/logo.png b/logo.png
            index 1111111..2222222 100644
            Binary files a/logo.png and b/logo.png differ
            """;

    @Test
    void filesHaveTheirPathsAndCountsNewDeletedAndBinaryAlike() {
        assertThat(DiffView.files(DIFF)).extracting(f -> f.path() + " +" + f.added() + " -" + f.removed())
                .containsExactly("page.html +2 -0", "old.txt +0 -1", "logo.png +0 -0");
    }

    @Test
    void everyLineIsEscapedAndColouredByKind() {
        String html = DiffView.render(DIFF);
        assertThat(html).doesNotContain("<script>").contains("<span class=\"add\">+&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</span>")
                .contains("<span class=\"add\">+--- not a header</span>").contains("<span class=\"del\">-gone</span>")
                .contains("<span class=\"hunk\">@@ -0,0 +1,2 @@</span>").contains("<span class=\"meta\">new file mode 100644</span>")
                .contains("<span class=\"meta\">Binary files a/logo.png and b/logo.png differ</span>")
                .doesNotContain("index 0000000").doesNotContain("TRUNCATED").doesNotContain("too big");
    }

    @Test
    void aHugeDiffIsCutWithANoteButListsEveryFile() {
        var big = new StringBuilder("diff --git a/big.txt b/big.txt\n--- a/big.txt\n+++ b/big.txt\n@@ -1,0 +1,5000 @@\n");
        for (int i = 1; i <= 5000; i++) {
            big.append("+line ").append(i).append('\n');
        }
        big.append("diff --git a/small.txt b/small.txt\n--- a/small.txt\n+++ b/small.txt\n@@ -1 +1 @@\n-a\n+b\n");
        String html = DiffView.render(big.toString());
        assertThat(html).contains("too big to show whole: the first " + DiffView.MAX_LINES + " of its 5010 lines")
                .contains("+line 2990").doesNotContain("+line 3000<").contains("small.txt</code></a> <span class=\"add\">+1")
                .doesNotContain("id=\"file-1\"");
    }

    @Test
    void noChangesSaySo() {
        assertThat(DiffView.render("")).contains("No changes.");
    }
}
