package io.transferbench.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.data.TextExamples;
import io.transferbench.spec.DatasetSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw emails become subject + body text; broken ones are skipped and counted. */
class EmailTextTest {

    private static EmailText.Email parse(String raw) throws Exception {
        return EmailText.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesQuotedPrintableAndEncodedSubjectsAndDropsOtherHeaders() throws Exception {
        EmailText.Email e = parse("""
                From someone@example.com  Tue Jul 30 08:30:04 2002
                Received: from relay.example.com by mx.example.com
                Message-Id: <abc@example.com>
                Subject: =?iso-8859-1?q?Caf=E9_offer?=
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Cr=E8me br=FBl=E9e for everyone, a very long line that is soft-=
                wrapped.
                """);
        assertEquals("<abc@example.com>", e.messageId());
        assertEquals("Café offer Crème brûlée for everyone, a very long line that is soft-wrapped.", e.text());
    }

    @Test
    void prefersPlainTextAlternativeAndStripsHtmlWhenOnlyHtmlExists() throws Exception {
        String alternative = """
                Subject: both
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain

                plain version
                --b1
                Content-Type: text/html

                <p>html <b>version</b></p>
                --b1--
                """;
        assertEquals("both plain version", parse(alternative).text());
        String html = """
                Subject: only html
                Content-Type: text/html
                Content-Transfer-Encoding: base64

                PGh0bWw+PGJvZHk+PGgxPkJ1eSBub3chPC9oMT48c2NyaXB0PnZhciB4PTE7PC9zY3JpcHQ+PC9ib2R5PjwvaHRtbD4=
                """;
        assertEquals("only html Buy now!", parse(html).text());
    }

    @Test
    void unreadableOrEmptyEmailsAreSkippedAndCounted(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("package/data/spam-1"));
        Files.writeString(data.resolve("00001.aaa.txt"), "Subject: win\n\nmoney money money\n");
        Files.writeString(data.resolve("00002.bbb.txt"), "Subject: \n\n   \n");
        Files.write(data.resolve("00003.ccc.txt"), new byte[] {'C', 'o', 'n', 't', 'e', 'n', 't', '-', 'T', 'y', 'p',
            'e', ':', ' ', 'm', 'u', 'l', 't', 'i', 'p', 'a', 'r', 't', '/', 'm', 'i', 'x', 'e', 'd', '\n', '\n', 0});
        Path ham = Files.createDirectories(dir.resolve("package/data/easy-ham-1"));
        Files.writeString(ham.resolve("00004.ddd.txt"), "Subject: lunch\n\nsee you at noon\n");
        AssetAccess assets = new AssetAccess() {
            public void ensure(Collection<String> ids) { }

            public Path directory(String id) {
                return dir;
            }

            public String checksum(String id) {
                return "fixture";
            }
        };
        Splits s = new SpamAssassinDataset().load(new DatasetSpec("spamassassin", null, 0.01, 0.01, 0, null), assets);
        assertEquals(2L, s.counts().get(Splits.SKIPPED), "the empty and the broken multipart email");
        assertEquals(2, s.train().size() + s.val().size() + s.test().size());
        assertTrue(((TextExamples) s.train()).texts().contains("win money money money"));
    }

    @Test
    void brownTagsAreStrippedAndSentencesGroupedIntoPassages() {
        assertEquals("The \" jury \" said .", BrownText.untag("\tThe/at ``/`` jury/nn ''/'' said/vbd ./."));
        String doc = "\n\n\tA/at b/nn ./.\n\n\tC/at d/nn e/nn ./.\n\n\tF/at ./.\n";
        assertEquals(java.util.List.of("A b . C d e .", "F ."), BrownText.passages(doc, 4));
        assertEquals(java.util.List.of("A b . C d e . F ."), BrownText.passages(doc, 9));
    }
}
