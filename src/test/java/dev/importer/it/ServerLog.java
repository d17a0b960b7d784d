package dev.importer.it;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * What the server under test has logged, for the tests that check what must never be logged.
 * Payara Micro's and WildFly's managed adapters copy the server's output to this JVM's
 * standard output, which this listener copies, from the start of the run, to
 * {@code target/it-server-output.log}; GlassFish writes its domain's server.log (rotated at
 * 2 MB), WildFly its server.log too.
 */
public final class ServerLog implements LauncherSessionListener {

    private static final Path OUTPUT = Path.of(System.getProperty("it.server.output", "target/it-server-output.log"));

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("importer.war") == null) {
            return; // the unit tests' run: no server
        }
        try {
            OutputStream copy = new FileOutputStream(OUTPUT.toFile(), true);
            System.setOut(new PrintStream(new Tee(System.out, copy), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(System.err, copy), true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the server has logged so far, its rotated log files included. */
    public static String text() {
        StringBuilder text = new StringBuilder();
        Stream.concat(Stream.of(OUTPUT), Stream.of(
                        Optional.ofNullable(System.getProperty("glassfish.home"))
                                .map(home -> Path.of(home, "glassfish", "domains", "domain1", "logs")),
                        Optional.ofNullable(System.getProperty("jboss.home"))
                                .map(home -> Path.of(home, "standalone", "log")))
                        .flatMap(Optional::stream)
                        .flatMap(ServerLog::serverLogsIn))
                .filter(Files::isReadable)
                .forEach(file -> {
                    try {
                        text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return text.toString();
    }

    private static Stream<Path> serverLogsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
