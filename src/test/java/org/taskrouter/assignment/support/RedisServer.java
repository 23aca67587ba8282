package org.taskrouter.assignment.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Redis from Debian's {@code redis-server} package, on a free loopback port, for the shared feed: no Docker,
 * no Dev Services. It gives the service {@code REDIS_URL}; a test can stop it and start it again on the same port
 * to play an outage, and run {@code redis-cli} commands against it.
 */
public class RedisServer implements QuarkusTestResourceLifecycleManager {

    private static final Path SERVER = Paths.get("/usr/bin/redis-server");
    private static final Path CLI = Paths.get("/usr/bin/redis-cli");
    private static volatile int port;
    private static volatile Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.isExecutable(SERVER)) {
            throw new IllegalStateException(SERVER + " is missing: apt-get install -y redis-server");
        }
        port = freePort();
        startProcess();
        return Map.of("redis.url", url());
    }

    @Override
    public void stop() {
        stopProcess();
    }

    public static String url() {
        return "redis://127.0.0.1:" + port;
    }

    public static int port() {
        return port;
    }

    /** Stops the server, as an outage would; {@link #startAgain()} brings it back on the same port, empty. */
    public static void stopForAWhile() {
        stopProcess();
    }

    /** Freezes the server (SIGSTOP): its connections stay open and nothing is answered, as with a stalled host. */
    public static void freeze() {
        signal("-STOP");
    }

    /** Lets a frozen server go on (SIGCONT); it then answers what was sent meanwhile. */
    public static void thaw() {
        signal("-CONT");
    }

    private static void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void startAgain() {
        startProcess();
    }

    /** Runs {@code redis-cli} with these arguments and answers its output lines. */
    public static List<String> cli(String... arguments) {
        List<String> command = new ArrayList<>(List.of(CLI.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port)));
        command.addAll(List.of(arguments));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cli.waitFor(10, TimeUnit.SECONDS);
            return output.isEmpty() ? List.of() : List.of(output.strip().split("\n"));
        } catch (IOException e) {
            throw new IllegalStateException("redis-cli could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void startProcess() {
        try {
            process = new ProcessBuilder(SERVER.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not start", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!answersPing()) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IllegalStateException("redis-server did not answer PING on port " + port);
            }
            sleep(20);
        }
    }

    private static synchronized void stopProcess() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.read(answer);
            return read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
