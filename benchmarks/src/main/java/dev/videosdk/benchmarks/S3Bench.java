package dev.videosdk.benchmarks;

import dev.videosdk.media.S3VideoStorage;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.FileRequestBodyConfiguration;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 17's S3 measurement: upload throughput of {@link S3VideoStorage#store} against one plain
 * {@link S3AsyncClient#putObject} of the same file (and against a plain multipart upload, to show
 * what the server's multipart path costs), to S3Proxy (in-memory store, SigV4) in this JVM,
 * alternating, best of the rounds.
 *
 * <pre>java -Xmx4g -cp ... dev.videosdk.benchmarks.S3Bench [MiB] [rounds]</pre>
 */
public final class S3Bench {
    private S3Bench() {
    }

    private static void row(String name, double mibPerS, double plain) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f |%n", name, mibPerS, mibPerS / plain);
    }

    private static void plainMultipart(S3AsyncClient s3, Path file, long size) {
        String id = s3.createMultipartUpload(b -> b.bucket("bench").key("parts.bin")).join().uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        long part = 8L << 20;
        for (long off = 0; off < size; off += part) {
            int n = parts.size() + 1;
            long offset = off;
            String etag = s3.uploadPart(b -> b.bucket("bench").key("parts.bin").uploadId(id).partNumber(n),
                    AsyncRequestBody.fromFile(FileRequestBodyConfiguration.builder().path(file).position(offset)
                            .numBytesToRead(Math.min(part, size - offset)).build())).join().eTag();
            parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket("bench").key("parts.bin").uploadId(id)
                .multipartUpload(m -> m.parts(parts))).join();
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path file = Files.createTempFile("s3bench", ".bin");
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        BlobStoreContext blobs = ContextBuilder.newBuilder("transient").credentials("l", "l")
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, "bench");
        S3Proxy proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "ak", "sk")
                .v4MaxNonChunkedRequestSize(4L << 30).build();
        proxy.start();
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        try (S3VideoStorage store = S3VideoStorage.builder().bucket("bench").endpoint(endpoint).pathStyle(true)
                .credentials("ak", "sk").build();
             S3VideoStorage single = S3VideoStorage.builder().bucket("bench").endpoint(endpoint).pathStyle(true)
                     .credentials("ak", "sk").multipartThreshold(8L << 30).build();
             S3AsyncClient plain = S3AsyncClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                     .forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("ak", "sk")))
                     .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                     .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build()) {
            double bestSdk = 0;
            double bestPlain = 0;
            double bestSingle = 0;
            double bestPlainParts = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                store.store("sdk.bin", file, "application/octet-stream");
                bestSdk = Math.max(bestSdk, mib / ((System.nanoTime() - t0) / 1e9));
                blobs.getBlobStore().removeBlob("bench", "sdk.bin");
                long t2 = System.nanoTime();
                single.store("single.bin", file, "application/octet-stream");
                bestSingle = Math.max(bestSingle, mib / ((System.nanoTime() - t2) / 1e9));
                blobs.getBlobStore().removeBlob("bench", "single.bin");
                long t1 = System.nanoTime();
                plain.putObject(b -> b.bucket("bench").key("plain.bin"), AsyncRequestBody.fromFile(file)).join();
                bestPlain = Math.max(bestPlain, mib / ((System.nanoTime() - t1) / 1e9));
                blobs.getBlobStore().removeBlob("bench", "plain.bin");
                long t3 = System.nanoTime();
                plainMultipart(plain, file, (long) mib << 20);
                bestPlainParts = Math.max(bestPlainParts, mib / ((System.nanoTime() - t3) / 1e9));
                blobs.getBlobStore().removeBlob("bench", "parts.bin");
            }
            System.out.println("| upload, best of " + rounds + " | MiB/s | / plain put |");
            System.out.println("|---|---|---|");
            row(mib + " MiB plain S3AsyncClient put (one PUT)", bestPlain, bestPlain);
            row(mib + " MiB S3VideoStorage, multipartThreshold above the size (one PUT)", bestSingle, bestPlain);
            row(mib + " MiB S3VideoStorage default (8 MiB parts, 4 at once)", bestSdk, bestPlain);
            row(mib + " MiB plain S3AsyncClient multipart (8 MiB parts, one at a time)", bestPlainParts, bestPlain);
        } finally {
            proxy.stop();
            blobs.close();
            Files.deleteIfExists(file);
        }
    }
}
