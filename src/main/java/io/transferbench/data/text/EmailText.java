package io.transferbench.data.text;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The readable text of a raw email: its subject and its body, with MIME decoded (multipart,
 * quoted-printable, base64, RFC 2047 headers) and HTML reduced to text. Headers other than the
 * subject are dropped: routing headers name the corpus's own mail servers and would leak the label.
 */
final class EmailText {

    private static final Session SESSION = Session.getInstance(new Properties());

    private EmailText() {}

    /** A parsed email; its message id groups copies of the same email. */
    record Email(String messageId, String text) {}

    static Email parse(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(withoutMboxLine(raw)));
        String subject = message.getSubject();
        String body = text(message);
        String text = ((subject == null ? "" : subject) + "\n" + body).replaceAll("\\s+", " ").strip();
        return new Email(message.getMessageID(), text);
    }

    /** mbox files start with a "From sender date" line that is not a header. */
    private static byte[] withoutMboxLine(byte[] raw) {
        if (raw.length < 5 || !new String(raw, 0, 5, StandardCharsets.US_ASCII).equals("From ")) {
            return raw;
        }
        int i = 0;
        while (i < raw.length && raw[i] != '\n') {
            i++;
        }
        return java.util.Arrays.copyOfRange(raw, Math.min(i + 1, raw.length), raw.length);
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return content(part);
        }
        if (part.isMimeType("text/html")) {
            return Jsoup.parse(content(part)).text();
        }
        if (part.isMimeType("multipart/alternative")) {
            return alternative((Multipart) part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        if (part.isMimeType("message/rfc822")) {
            return text((Part) part.getContent());
        }
        return "";   // attachments: images, archives, signatures
    }

    /** The plain-text version when there is one, else the first readable one. */
    private static String alternative(Multipart parts) throws MessagingException, IOException {
        String fallback = "";
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType("text/plain")) {
                return content(p);
            }
            if (fallback.isBlank()) {
                fallback = text(p);
            }
        }
        return fallback;
    }

    /** A text part decoded with its charset; an unknown charset falls back to Latin-1, which never fails. */
    private static String content(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // e.g. "charset=unknown-8bit", common in 2002-era spam
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
