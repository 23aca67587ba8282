package org.taskrouter.assignment.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request written exactly as given, byte for byte, over a plain socket. HTTP client libraries (REST
 * Assured included) refuse or repair what a hostile caller sends: invalid percent-escapes in the request line, no
 * Content-Type or no Host at all, an unknown charset, raw non-ASCII bytes in headers. This client does neither, so
 * a test sees what the service answers to such requests. It takes the port as a parameter, so that a
 * {@code @QuarkusTest} and a {@code @QuarkusIntegrationTest} can both use it.
 */
public final class RawHttpClient {

    private static final int CHUNK = 8192;

    private RawHttpClient() {
    }

    /**
     * A request head: {@code method target HTTP/1.1}, each of {@code headerLines} (as {@code Name: value}, in
     * order, nothing added), and the blank line that ends the head.
     */
    public static String head(String method, String target, String... headerLines) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /**
     * Writes {@code head} (in UTF-8, so that non-ASCII characters reach the server as raw bytes) to
     * {@code localhost:port}, then {@code body} if not null: as it is, or in chunks of 8 KiB if {@code chunked}
     * (the head must say how the body is framed). Reads the answer until the server closes the connection; the head
     * should therefore say {@code Connection: close}. A server that answers and closes before the whole body is
     * sent (a 413) is not an error: its answer is returned.
     *
     * @throws IOException if the connection fails, or no byte of an answer arrives within 20 s
     */
    public static HttpAnswer exchange(int port, String head, byte[] body, boolean chunked) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    if (chunked) {
                        for (int at = 0; at < body.length; at += CHUNK) {
                            int n = Math.min(CHUNK, body.length - at);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body, at, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(body);
                    }
                }
                out.flush();
            } catch (IOException e) {
                // the server may answer (413) and close before the whole body is sent: read what it said
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException e) {
                if (received.size() == 0) {
                    throw e;
                }
            }
        }
        return HttpAnswer.parse(received.toByteArray());
    }
}
