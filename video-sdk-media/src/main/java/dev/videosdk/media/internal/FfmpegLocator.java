package dev.videosdk.media.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.media.FfmpegLocation;
import dev.videosdk.media.MediaException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds FFmpeg: a configured path, else {@code ffmpeg}/{@code ffprobe} on the {@code PATH}, else the
 * executables of an FFmpeg artifact on the class path (bytedeco's {@code org.bytedeco:ffmpeg} with its
 * platform classifier, or JAVE's {@code ws.schild:jave-nativebin-*}), extracted once into a cache
 * folder under {@code java.io.tmpdir}.
 */
public final class FfmpegLocator {
    private static final String BYTEDECO = "org/bytedeco/ffmpeg/";
    private static final String JAVE = "ws/schild/jave/nativebin/";

    private FfmpegLocator() {
    }

    /** Locates FFmpeg; fails with a {@link ConfigurationException} saying what to install or set. */
    public static FfmpegLocation locate(Path ffmpeg, Path ffprobe, Map<String, String> env, ClassLoader loader) {
        if (ffmpeg != null) {
            requireExecutable(ffmpeg, "ffmpegPath");
            if (ffprobe != null) {
                requireExecutable(ffprobe, "ffprobePath");
            }
            return new FfmpegLocation(ffmpeg, ffprobe, "configured");
        }
        String exe = isWindows() ? ".exe" : "";
        Optional<Path> onPath = onPath("ffmpeg" + exe, env);
        if (onPath.isPresent()) {
            return new FfmpegLocation(onPath.get(), onPath("ffprobe" + exe, env).orElse(null), "PATH");
        }
        return fromClassPath(loader).orElseThrow(() -> new ConfigurationException(
                "FFmpeg not found: set Ffmpeg.builder().ffmpegPath(...), put ffmpeg and ffprobe on the PATH, "
                        + "or add an FFmpeg artifact for this platform (" + platform() + ") to the class path, "
                        + "e.g. org.bytedeco:ffmpeg:<version>:" + platform() + "-gpl (see the video-sdk-media README)",
                MediaException.SOURCE));
    }

    private static void requireExecutable(Path p, String what) {
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            throw new ConfigurationException(what + " " + p + " is not an executable file", MediaException.SOURCE);
        }
    }

    static Optional<Path> onPath(String name, Map<String, String> env) {
        String path = env.get("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<FfmpegLocation> fromClassPath(ClassLoader loader) {
        String exe = isWindows() ? ".exe" : "";
        List<String> dirs = List.of(BYTEDECO + platform() + "-gpl/", BYTEDECO + platform() + "/");
        for (String dir : dirs) {
            URL url = loader.getResource(dir + "ffmpeg" + exe);
            if (url != null) {
                Path folder = extract(url, dir);
                Path probe = folder.resolve("ffprobe" + exe);
                return Optional.of(new FfmpegLocation(folder.resolve("ffmpeg" + exe),
                        Files.isRegularFile(probe) ? probe : null, "classpath:" + dir));
            }
        }
        for (String name : javeNames()) {
            URL url = loader.getResource(JAVE + name);
            if (url != null) {
                Path folder = extract(url, JAVE + name);
                return Optional.of(new FfmpegLocation(folder.resolve(name), null, "classpath:" + JAVE + name));
            }
        }
        return Optional.empty();
    }

    /**
     * Copies the resource (a single file, or every file of its folder when {@code prefix} ends with
     * {@code /}: the shared libraries beside bytedeco's executables) into a cache folder named after
     * the jar's name and the entry's size and CRC, and marks the files executable. Concurrent callers in several
     * JVMs are safe: each extracts into its own temporary folder and moves it into place atomically.
     */
    private static Path extract(URL url, String prefix) {
        try {
            if (!"jar".equals(url.getProtocol())) {
                Path file = Path.of(url.toURI());
                return prefix.endsWith("/") ? file.getParent() : copyFolderOf(file, prefix);
            }
            JarURLConnection conn = (JarURLConnection) url.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                // keyed by the entry's size and CRC, not the jar file's: a jar nested in a Spring Boot fat jar
                // (jar:nested:...) has no file of its own to look at
                JarEntry found = conn.getJarEntry();
                Path cache = cacheRoot().resolve(digest(jar.getName() + "|" + prefix + "|"
                        + (found == null ? "" : found.getSize() + "|" + found.getCrc())));
                if (Files.isDirectory(cache)) {
                    return cache;
                }
                Path tmp = Files.createDirectories(cacheRoot()).resolve(".tmp-" + UUID.randomUUID());
                Files.createDirectories(tmp);
                try {
                    for (JarEntry e : jar.stream().toList()) {
                        String name = e.getName();
                        boolean wanted = prefix.endsWith("/")
                                ? name.startsWith(prefix) && !e.isDirectory() && name.indexOf('/', prefix.length()) < 0
                                        && !name.substring(prefix.length()).startsWith("libjni")
                                : name.equals(prefix);
                        if (wanted) {
                            Path target = tmp.resolve(name.substring(name.lastIndexOf('/') + 1));
                            try (InputStream in = jar.getInputStream(e)) {
                                Files.copy(in, target);
                            }
                            target.toFile().setExecutable(true, false);
                        }
                    }
                    Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.isDirectory(cache)) {
                        throw raced;
                    }
                } finally {
                    deleteTree(tmp);
                }
                return cache;
            }
        } catch (IOException | URISyntaxException e) {
            throw new ConfigurationException("cannot extract FFmpeg from " + url + ": " + e, MediaException.SOURCE);
        }
    }

    private static Path copyFolderOf(Path file, String prefix) throws IOException {
        Path cache = cacheRoot().resolve(digest(file.toAbsolutePath() + "|" + Files.size(file) + "|" + prefix));
        Path target = cache.resolve(file.getFileName().toString());
        if (!Files.isExecutable(target)) {
            Files.createDirectories(cache);
            Path tmp = cache.resolve(".tmp-" + UUID.randomUUID());
            Files.copy(file, tmp);
            tmp.toFile().setExecutable(true, false);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return cache;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path cacheRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "videosdk-ffmpeg-" + System.getProperty("user.name"));
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The JavaCPP platform name of this machine, e.g. {@code linux-x86_64}, {@code macosx-arm64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : "linux";
        String a = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return o + "-" + a;
    }

    static List<String> javeNames() {
        String p = platform();
        List<String> names = new ArrayList<>();
        switch (p) {
            case "linux-x86_64" -> names.add("ffmpeg-amd64");
            case "linux-arm64" -> names.add("ffmpeg-aarch64");
            case "windows-x86_64" -> names.add("ffmpeg-amd64.exe");
            case "macosx-x86_64" -> names.add("ffmpeg-x86_64-osx");
            case "macosx-arm64" -> names.add("ffmpeg-aarch64-osx");
            default -> { }
        }
        return names;
    }
}
