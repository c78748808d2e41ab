package dev.videosdk.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.media.FfmpegLocation;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegLocatorTest {
    private static final String JAVE = "ws/schild/jave/nativebin/";

    @TempDir
    Path dir;

    /**
     * A jar nested in a Spring Boot fat jar ({@code jar:nested:…}) has no file of its own: the bundled FFmpeg
     * must be found from the open jar alone. Simulated with a jar whose file is gone while it is open.
     */
    @Test
    void extractsFromAnOpenJarWithoutItsFile() throws Exception {
        String entry = JAVE + FfmpegLocator.javeNames().get(0);
        String script = "#!/bin/sh\necho nested " + System.nanoTime() + "\n";
        Path jarPath = jar(dir.resolve("inner.jar"), entry, script);
        JarFile open = new JarFile(jarPath.toFile());
        Files.delete(jarPath);

        Optional<FfmpegLocation> found = FfmpegLocator.fromClassPath(loaderOf(entry, open));

        assertThat(found).isPresent();
        Path ffmpeg = found.get().ffmpeg();
        assertThat(ffmpeg).isRegularFile().isExecutable();
        assertThat(Files.readString(ffmpeg)).isEqualTo(script);
        assertThat(found.get().source()).isEqualTo("classpath:" + entry);
    }

    @Test
    void anotherBuildOfTheSameJarIsExtractedAgain_notServedFromTheCache() throws Exception {
        String entry = JAVE + FfmpegLocator.javeNames().get(0);
        Path jarPath = dir.resolve("same-name.jar");
        String first = "#!/bin/sh\necho first " + System.nanoTime() + "\n";
        jar(jarPath, entry, first);
        Path one = FfmpegLocator.fromClassPath(loaderOf(entry, new JarFile(jarPath.toFile()))).orElseThrow().ffmpeg();
        String second = "#!/bin/sh\necho second build " + System.nanoTime() + "\n";
        jar(jarPath, entry, second);
        Path two = FfmpegLocator.fromClassPath(loaderOf(entry, new JarFile(jarPath.toFile()))).orElseThrow().ffmpeg();

        assertThat(Files.readString(one)).isEqualTo(first);
        assertThat(Files.readString(two)).isEqualTo(second);
        assertThat(two).isNotEqualTo(one);
    }

    private static Path jar(Path target, String entry, String content) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return target;
    }

    /** A class loader that finds {@code entry} in {@code jar} only, through a {@code jar:} URL on that open jar. */
    @SuppressWarnings("deprecation") // URL(URL, String, URLStreamHandler): URL.of(URI, handler) needs Java 20
    private static ClassLoader loaderOf(String entry, JarFile jar) {
        URLStreamHandler handler = new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL u) throws IOException {
                return new JarURLConnection(u) {
                    @Override
                    public JarFile getJarFile() {
                        return jar;
                    }

                    @Override
                    public void connect() {
                    }
                };
            }
        };
        return new ClassLoader(null) {
            @Override
            public URL getResource(String name) {
                if (!name.equals(entry)) {
                    return null;
                }
                try {
                    return new URL(null, "jar:file:/app.jar/BOOT-INF/lib/inner.jar!/" + entry, handler);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

}
