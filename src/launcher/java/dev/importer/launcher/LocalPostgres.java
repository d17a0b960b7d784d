package dev.importer.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

/**
 * A PostgreSQL of the user's own, for a machine that has none: zonky's embedded binaries
 * from Maven Central, set up safely, since zonky's defaults are not when root runs them (a
 * socket in /tmp that trusts everyone, binaries in a folder anyone may write). Everything
 * lives in one folder that only the user can enter: the password, generated at the first
 * start into a file only the user can read; the data; the binaries; the socket. The server
 * listens on 127.0.0.1 only and asks for the password (scram-sha-256) on every connection.
 *
 * <p>{@code ./run.sh} runs {@code serve FOLDER}: the server starts (its data kept across
 * starts), its JDBC URL is written to {@code FOLDER/url}, and it stops when this process is
 * told to stop or when the process that started it ends, however it ends. The tests start a
 * throwaway one through {@link #startThrowaway}. {@code check} tells, in one line, why the
 * database that DB_URL names cannot be used.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The database the service uses; it creates it at its first start. */
    public static final String DATABASE = "importer";
    public static final String USER = "postgres";
    private static final String PASSWORD_FILE = "password";
    private static final String URL_FILE = "url";

    private final EmbeddedPostgres server;
    private final Path folder;

    private LocalPostgres(EmbeddedPostgres server, Path folder) {
        this.server = server;
        this.folder = folder;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("serve")) {
            serve(Path.of(args[1]).toAbsolutePath());
        } else if (args.length == 1 && args[0].equals("check")) {
            System.exit(DatabaseCheck.fromEnvironment().run() ? 0 : 1);
        } else {
            System.err.println("usage: LocalPostgres serve FOLDER | check");
            System.exit(2);
        }
    }

    /** The server for {@code ./run.sh}, on a free port, until this process or its parent ends. */
    private static void serve(Path folder) throws Exception {
        createPrivateFolder(folder);
        try (FileChannel lockFile = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                System.err.println("Another ./run.sh is using the database in " + folder + ": stop it first");
                System.exit(1);
            }
            Path url = folder.resolve(URL_FILE);
            Files.deleteIfExists(url);
            LocalPostgres postgres = start(folder, freePort(), false);
            Runnable stop = () -> {
                postgres.close();
                url.toFile().delete();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(stop));
            Files.writeString(url, postgres.url() + "\n");
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().join());
            stop.run();
        }
    }

    /** A server for one test run, on the given port, its data deleted when it is closed. */
    public static LocalPostgres startThrowaway(Path folder, int port) throws IOException {
        createPrivateFolder(folder);
        return start(folder, port, true);
    }

    private static LocalPostgres start(Path folder, int port, boolean throwaway) throws IOException {
        Path password = passwordFile(folder);
        Path data = folder.resolve("data");
        Path socket = createPrivateFolder(folder.resolve("socket"));
        // zonky deletes stale-looking folders in its working folder: give it one of its own
        System.setProperty("ot.epg.working-dir", createPrivateFolder(folder.resolve("scratch")).toString());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(folder.resolve("binaries").toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(throwaway)
                .setPort(port)
                // passed to initdb after zonky's own "-A trust", so these win
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", password.toString())
                .setLocaleConfig("encoding", "UTF8")
                .setConnectConfig("password", Files.readString(password).strip())
                .setDataDirectoryCustomizer(dataFolder -> listenPrivately(dataFolder.toPath(), socket))
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
        createPrivateFolder(folder.resolve("binaries")); // zonky lets anyone write there
        return new LocalPostgres(server, folder);
    }

    /** Loopback only, and the socket in the private folder rather than /tmp. */
    private static void listenPrivately(Path data, Path socket) {
        try {
            Files.writeString(data.resolve("importer.conf"), """
                    # written by dev.importer.launcher.LocalPostgres at each start
                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = '%s'
                    """.formatted(socket.toString().replace("'", "''")));
            Path conf = data.resolve("postgresql.conf");
            String include = "include_if_exists = 'importer.conf'";
            if (!Files.readString(conf).contains(include)) {
                Files.writeString(conf, "\n" + include + "\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + DATABASE;
    }

    public String password() {
        try {
            return Files.readString(folder.resolve(PASSWORD_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path passwordFile(Path folder) throws IOException {
        Path file = folder.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
        }
        return file;
    }

    private static Path createPrivateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        return folder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether anything accepts a connection at host:port within a second. */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Logs in where DB_URL says, as the service will, and says in one line what is wrong. */
    record DatabaseCheck(String url, String user, String password) {

        static DatabaseCheck fromEnvironment() throws IOException {
            String file = System.getenv("DB_PASSWORD_FILE");
            String password = file != null && !file.isEmpty()
                    ? Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("")
                    : System.getenv().getOrDefault("DB_PASSWORD", "");
            return new DatabaseCheck(System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://localhost:5432/" + DATABASE),
                    System.getenv().getOrDefault("DB_USER", USER), password);
        }

        boolean run() {
            Properties login = new Properties();
            login.setProperty("user", user);
            login.setProperty("password", password);
            login.setProperty("connectTimeout", "5");
            login.setProperty("loginTimeout", "10");
            login.setProperty("socketTimeout", "10");
            try (Connection ignored = DriverManager.getConnection(url, login)) {
                return true;
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.equals("3D000")) {
                    return true; // the database does not exist yet: the service creates it
                }
                System.err.println(cause(state, e));
                return false;
            }
        }

        private String cause(String state, SQLException e) {
            String where = url.replaceFirst("\\?.*", "");
            if (state.startsWith("28") || state.equals("08004")) {
                return "The database at " + where + " refused the login of user " + user + " (" + e.getMessage()
                        + "): set DB_USER and DB_PASSWORD (or DB_PASSWORD_FILE)";
            }
            if (state.equals("08001")) {
                return "Nothing answers at " + where + " (" + e.getMessage() + "): start that database, or unset DB_URL"
                        + " so that ./run.sh uses its own";
            }
            return "Cannot use the database at " + where + ": " + e.getMessage() + " [SQLState " + state + "]";
        }
    }
}
