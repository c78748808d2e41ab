package dev.videosdk.media;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against S3Proxy (org.gaul:s3proxy, in-memory jclouds "transient" store) started inside the test JVM. */
@Timeout(60)
class S3VideoStorageTest {
    private static final String ACCESS = "test-access";
    private static final String SECRET = "test-secret-value";

    static S3Proxy proxy;
    static BlobStoreContext blobs;
    static S3VideoStorage store;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("local", "local").build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, "videos");
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        store = S3VideoStorage.builder().bucket("videos").prefix("storage/")
                .endpoint(URI.create("http://127.0.0.1:" + proxy.getPort())).pathStyle(true)
                .credentials(ACCESS, SECRET).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        store.close();
        proxy.stop();
        blobs.close();
    }

    @Test
    void uploadsOpensPresignsAndDeletesUnderTheSeedsLayout() throws Exception {
        String key = StorageKeys.video("user-1", "vid-42");
        Path file = Files.write(dir.resolve("small.mp4"), "not really a video".getBytes(StandardCharsets.UTF_8));

        VideoStorage.StoredObject stored = store.store(key, file, "video/mp4");

        assertThat(stored).isEqualTo(new VideoStorage.StoredObject("user-1/videos/vid-42.mp4", 18, "video/mp4"));
        assertThat(blobs.getBlobStore().blobExists("videos", "storage/user-1/videos/vid-42.mp4")).isTrue();
        assertThat(blobs.getBlobStore().blobMetadata("videos", "storage/user-1/videos/vid-42.mp4")
                .getContentMetadata().getContentType()).isEqualTo("video/mp4");
        assertThat(store.exists(key)).isTrue();
        try (InputStream in = store.open(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("not really a video");
        }

        URI url = store.url(key, Duration.ofMinutes(5));
        assertThat(url.getQuery()).contains("X-Amz-Expires=300").contains("X-Amz-Signature=")
                .doesNotContain(SECRET);
        HttpResponse<String> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo("not really a video");

        assertThat(store.delete(key)).isTrue();
        assertThat(store.exists(key)).isFalse();
        assertThat(store.delete(key)).isFalse();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void largeFileGoesUpInPartsAndComesBackIdentical() throws Exception {
        byte[] data = new byte[64 * 1024 * 1024 + 123];
        new Random(7).nextBytes(data);
        Path big = Files.write(dir.resolve("big.bin"), data);
        String key = StorageKeys.video("user-1", "big");

        VideoStorage.StoredObject stored = store.store(key, big, "video/mp4");

        assertThat(stored.sizeBytes()).isEqualTo(data.length);
        // S3 marks a multipart object's ETag with "-<parts>": 64 MiB + 123 bytes in 8 MiB parts = 9
        assertThat(blobs.getBlobStore().blobMetadata("videos", store.objectKey(key)).getETag()).endsWith("-9\"");
        try (InputStream in = store.open(key)) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(data));
        }
    }

    @Test
    void streamOfUnknownLengthIsStoredWithMultipart() throws Exception {
        byte[] data = "thumbnail bytes".getBytes(StandardCharsets.UTF_8);
        String key = StorageKeys.thumbnail("user-2", "v1");

        assertThat(store.store(key, new ByteArrayInputStream(data), -1, "image/jpeg").sizeBytes())
                .isEqualTo(data.length);

        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(store.objectKey(key)).isEqualTo("storage/user-2/videos/v1_thumb.jpg");
    }

    @Test
    void badKeysAndValiditiesFailBeforeAnyCall() {
        assertThatThrownBy(() -> store.exists("../etc/passwd")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid storage key '../etc/passwd'");
        assertThatThrownBy(() -> store.url("a.mp4", Duration.ofDays(8))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("validity");
        assertThatThrownBy(() -> S3VideoStorage.builder().bucket("b").partSize(1024).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("partSize 1024");
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
