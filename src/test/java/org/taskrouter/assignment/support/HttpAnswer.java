package org.taskrouter.assignment.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * An HTTP answer reduced to what a test judges it by: status, Content-Type (or null) and body. It exists so that
 * an answer read off a raw socket ({@link RawHttpClient}) and one received through REST Assured can be held to the
 * same checks, such as {@link ErrorShape#assertErrorShape}; {@link #parse} reads the bytes a server wrote, chunked
 * or not, because a raw socket gets no help from an HTTP client library.
 */
public record HttpAnswer(int status, String contentType, String body) {

    /** The answer in {@code bytes}, everything the server wrote until it closed the connection. */
    public static HttpAnswer parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("Not an HTTP answer: " + PrintableText.of(all, 400));
        }
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("content-type:")) {
                contentType = lines[i].substring(13).trim();
            } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] rest = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        return new HttpAnswer(status, contentType, new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(n, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }
}
