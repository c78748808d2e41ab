package dev.videosdk.media;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalVideoStorageTest {
    @TempDir
    Path dir;

    @Test
    void layoutIsExactlyTheSeeds() {
        assertThat(StorageKeys.video("u1", "v9")).isEqualTo("u1/videos/v9.mp4");
        assertThat(StorageKeys.thumbnail("u1", "v9")).isEqualTo("u1/videos/v9_thumb.jpg");

        LocalVideoStorage store = new LocalVideoStorage(dir.resolve("storage"));
        store.store(StorageKeys.video("u1", "v9"), new ByteArrayInputStream(new byte[] {1, 2}), 2, "video/mp4");
        store.store(StorageKeys.thumbnail("u1", "v9"), new ByteArrayInputStream(new byte[] {3}), 1, "image/jpeg");

        assertThat(dir.resolve("storage/u1/videos/v9.mp4")).hasBinaryContent(new byte[] {1, 2});
        assertThat(dir.resolve("storage/u1/videos/v9_thumb.jpg")).hasBinaryContent(new byte[] {3});
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", "a/../b", ".hidden/../..", "u\\x", "u/x"})
    void pathTraversalUserIdsAreRefused(String userId) {
        assertThatThrownBy(() -> StorageKeys.video(userId, "v1")).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue("userId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.mp4", "a/../../x.mp4", "/etc/passwd", "a//b", "a/./b", "a\\..\\b", "", "a/\u0000b"})
    void traversalKeysAreRefusedAndNothingIsWritten(String key) throws Exception {
        LocalVideoStorage store = new LocalVideoStorage(dir.resolve("storage"));

        assertThatThrownBy(() -> store.store(key, new ByteArrayInputStream(new byte[1]), 1, "video/mp4"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).parameter()).hasValue("key"));
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void storeReplacesAtomicallyAndOpenExistsDeleteWork() throws Exception {
        LocalVideoStorage store = new LocalVideoStorage(dir, URI.create("https://cdn.example/storage"));
        Path src = Files.writeString(dir.resolve("src.bin"), "first");
        String key = "u/videos/a b.mp4";

        store.store(key, src, "video/mp4");
        store.store(key, new ByteArrayInputStream("second".getBytes(StandardCharsets.UTF_8)), 6, "video/mp4");

        try (InputStream in = store.open(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
        }
        try (Stream<Path> siblings = Files.list(dir.resolve("u/videos"))) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("a b.mp4");
        }
        assertThat(store.url(key, Duration.ofMinutes(1))).hasToString("https://cdn.example/storage/u/videos/a%20b.mp4");
        assertThat(store.exists(key)).isTrue();
        assertThat(store.delete(key)).isTrue();
        assertThat(store.delete(key)).isFalse();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aShortStreamLeavesNothingBehind() throws Exception {
        LocalVideoStorage store = new LocalVideoStorage(dir);

        assertThatThrownBy(() -> store.store("u/x.mp4", new ByteArrayInputStream(new byte[3]), 10, "video/mp4"))
                .isInstanceOf(StorageException.class).hasMessageContaining("expected 10 bytes");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
