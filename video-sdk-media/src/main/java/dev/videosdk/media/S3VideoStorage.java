package dev.videosdk.media;

import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.FileRequestBodyConfiguration;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Stores objects in an S3 bucket (AWS, or any S3-compatible store such as MinIO with an endpoint
 * override and path-style access) through the AWS SDK v2's {@link S3AsyncClient}, under an optional
 * key prefix; calls block until the client's future completes (ADR 0902). Files of
 * {@link Builder#multipartThreshold} bytes or more (default 16 MiB) are sent as multipart uploads in
 * parts of {@link Builder#partSize} (default 8 MiB) read from the file, 4 at once; streams of
 * unknown length part by part through one buffer; a failed multipart upload is aborted. {@link #url} is a
 * presigned GET (at most 7 days, the SigV4 limit).
 *
 * <pre>{@code
 * S3VideoStorage store = S3VideoStorage.builder().bucket("videos").prefix("storage/")
 *         .endpoint(URI.create("http://minio:9000")).pathStyle(true).region("us-east-1")
 *         .credentials(accessKey, secretKey).build();
 * }</pre>
 */
public final class S3VideoStorage implements VideoStorage, AutoCloseable {
    private static final long MIB = 1024 * 1024;
    private static final Duration MAX_PRESIGN = Duration.ofDays(7);
    private static final int PARALLEL_PARTS = 4;

    private final S3AsyncClient s3;
    private final S3Presigner presigner;
    private final boolean owns;
    private final String bucket;
    private final String prefix;
    private final long multipartThreshold;
    private final int partSize;

    private S3VideoStorage(Builder b, S3AsyncClient s3, S3Presigner presigner, boolean owns) {
        this.s3 = s3;
        this.presigner = presigner;
        this.owns = owns;
        this.bucket = b.bucket;
        this.prefix = b.prefix;
        this.multipartThreshold = b.multipartThreshold;
        this.partSize = b.partSize;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bucket. */
    public String bucket() {
        return bucket;
    }

    /** The full S3 object key of a storage key (the prefix plus the key). */
    public String objectKey(String key) {
        return prefix + StorageKeys.check(key);
    }

    @Override
    public StoredObject store(String key, Path file, String contentType) {
        String objectKey = objectKey(key);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size < multipartThreshold) {
            call("store " + key, () -> s3.putObject(r -> r.bucket(bucket).key(objectKey).contentType(contentType),
                    AsyncRequestBody.fromFile(file)));
            return new StoredObject(key, size, contentType);
        }
        return multipart(key, objectKey, contentType, size, (offset, length) -> AsyncRequestBody.fromFile(
                FileRequestBodyConfiguration.builder().path(file).position(offset).numBytesToRead(length).build()));
    }

    @Override
    public StoredObject store(String key, InputStream data, long length, String contentType) {
        String objectKey = objectKey(key);
        try {
            if (length >= 0 && length < multipartThreshold) {
                byte[] all = data.readNBytes((int) length);
                if (all.length != length) {
                    throw new StorageException("expected " + length + " bytes for " + key + " but read " + all.length,
                            null);
                }
                call("store " + key, () -> s3.putObject(r -> r.bucket(bucket).key(objectKey).contentType(contentType)
                        .contentLength(length), AsyncRequestBody.fromBytes(all)));
                return new StoredObject(key, length, contentType);
            }
            return multipartStream(key, objectKey, data, contentType);
        } catch (IOException e) {
            throw new StorageException("cannot read the data for " + key + ": " + e.getMessage(), e);
        }
    }

    /** The body of the part at {@code offset}. */
    private interface PartBody {
        AsyncRequestBody of(long offset, long length);
    }

    /** Uploads a file in parts, up to {@code PARALLEL_PARTS} at once. */
    private StoredObject multipart(String key, String objectKey, String contentType, long size, PartBody bodies) {
        String uploadId = call("start multipart upload of " + key, () -> s3.createMultipartUpload(
                r -> r.bucket(bucket).key(objectKey).contentType(contentType))).uploadId();
        boolean done = false;
        try {
            int count = (int) ((size + partSize - 1) / partSize);
            CompletedPart[] parts = new CompletedPart[count];
            for (int first = 0; first < count; first += PARALLEL_PARTS) {
                List<CompletableFuture<Void>> window = new ArrayList<>();
                for (int i = first; i < Math.min(count, first + PARALLEL_PARTS); i++) {
                    int partNumber = i + 1;
                    long offset = (long) i * partSize;
                    AsyncRequestBody body = bodies.of(offset, Math.min(partSize, size - offset));
                    window.add(s3.uploadPart(r -> r.bucket(bucket).key(objectKey).uploadId(uploadId)
                                    .partNumber(partNumber), body)
                            .thenAccept(res -> parts[partNumber - 1] =
                                    CompletedPart.builder().partNumber(partNumber).eTag(res.eTag()).build()));
                }
                call("upload parts of " + key, () -> CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)));
            }
            complete(key, objectKey, uploadId, List.of(parts));
            done = true;
            return new StoredObject(key, size, contentType);
        } finally {
            if (!done) {
                abort(objectKey, uploadId);
            }
        }
    }

    private StoredObject multipartStream(String key, String objectKey, InputStream in, String contentType)
            throws IOException {
        String uploadId = call("start multipart upload of " + key, () -> s3.createMultipartUpload(
                r -> r.bucket(bucket).key(objectKey).contentType(contentType))).uploadId();
        boolean done = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buf = new byte[partSize];
            long total = 0;
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0 || parts.isEmpty()) {
                int partNumber = parts.size() + 1;
                AsyncRequestBody body = AsyncRequestBody.fromBytes(java.util.Arrays.copyOf(buf, n));
                String etag = call("upload part " + partNumber + " of " + key, () -> s3.uploadPart(
                        r -> r.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(partNumber), body)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                total += n;
                if (n < buf.length) {
                    break;
                }
            }
            complete(key, objectKey, uploadId, parts);
            done = true;
            return new StoredObject(key, total, contentType);
        } finally {
            if (!done) {
                abort(objectKey, uploadId);
            }
        }
    }

    private void complete(String key, String objectKey, String uploadId, List<CompletedPart> parts) {
        call("complete multipart upload of " + key, () -> s3.completeMultipartUpload(r -> r.bucket(bucket)
                .key(objectKey).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
    }

    private void abort(String objectKey, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(objectKey).uploadId(uploadId)).join();
        } catch (CompletionException | SdkException ignored) {
            // the bucket's lifecycle rule for incomplete uploads is the backstop
        }
    }

    @Override
    public InputStream open(String key) {
        String objectKey = objectKey(key);
        return call("open " + key, () -> s3.getObject(r -> r.bucket(bucket).key(objectKey),
                AsyncResponseTransformer.toBlockingInputStream()));
    }

    @Override
    public URI url(String key, Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero() || validity.compareTo(MAX_PRESIGN) > 0) {
            throw InvalidRequestException.local(StorageException.SOURCE, "validity",
                    "invalid validity " + validity + "; allowed: more than 0 and at most 7 days (PT168H)");
        }
        String objectKey = objectKey(key);
        try {
            return presigner.presignGetObject(r -> r.signatureDuration(validity)
                    .getObjectRequest(g -> g.bucket(bucket).key(objectKey))).url().toURI();
        } catch (URISyntaxException e) {
            throw new StorageException("presigned URL of " + key + " is not a URI", e);
        }
    }

    @Override
    public boolean delete(String key) {
        String objectKey = objectKey(key);
        boolean existed = exists(key);
        call("delete " + key, () -> s3.deleteObject(r -> r.bucket(bucket).key(objectKey)));
        return existed;
    }

    @Override
    public boolean exists(String key) {
        return head(key) != null;
    }

    private HeadObjectResponse head(String key) {
        String objectKey = objectKey(key);
        try {
            return s3.headObject(r -> r.bucket(bucket).key(objectKey)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof NoSuchKeyException
                    || e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return null;
            }
            throw mapped("exists " + key, e.getCause());
        }
    }

    /** Closes the S3 client and presigner if this store created them. */
    @Override
    public void close() {
        if (owns) {
            s3.close();
            presigner.close();
        }
    }

    private static <T> T call(String what, Supplier<CompletableFuture<T>> call) {
        try {
            return call.get().join();
        } catch (CompletionException e) {
            throw mapped(what, e.getCause());
        } catch (SdkException e) {
            throw mapped(what, e);
        }
    }

    private static RuntimeException mapped(String what, Throwable e) {
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            ErrorContext ctx = ErrorContext.of(StorageException.SOURCE, ase.statusCode(), code, ase.requestId());
            if (ase.statusCode() == 404 || e instanceof NoSuchKeyException) {
                return new NotFoundException(what + ": not found", ctx, e);
            }
            String msg = ase.awsErrorDetails() == null ? ase.getMessage() : ase.awsErrorDetails().errorMessage();
            return new StorageException(what + " failed: " + msg, ctx, ase.retryable(), e);
        }
        boolean retryable = e instanceof SdkException sdk && sdk.retryable();
        return new StorageException(what + " failed: " + e.getMessage(), ErrorContext.local(StorageException.SOURCE),
                retryable, e);
    }

    /** Builds {@link S3VideoStorage}: pass your own {@link S3AsyncClient} and {@link S3Presigner}, or let it build them. */
    public static final class Builder {
        private String bucket;
        private String prefix = "";
        private S3AsyncClient client;
        private S3Presigner presigner;
        private URI endpoint;
        private boolean pathStyle;
        private String region = "us-east-1";
        private String accessKey;
        private String secretKey;
        private long multipartThreshold = 16 * MIB;
        private int partSize = (int) (8 * MIB);

        private Builder() {
        }

        /** The bucket (required). */
        public Builder bucket(String name) {
            this.bucket = name;
            return this;
        }

        /** A key prefix such as {@code storage/} (default none); must end with {@code /} if not empty. */
        public Builder prefix(String keyPrefix) {
            this.prefix = keyPrefix;
            return this;
        }

        /** Your S3 client (not closed by the store); with it, also pass {@link #presigner}. */
        public Builder client(S3AsyncClient s3) {
            this.client = s3;
            return this;
        }

        /** Your presigner (not closed by the store). */
        public Builder presigner(S3Presigner s3Presigner) {
            this.presigner = s3Presigner;
            return this;
        }

        /** Endpoint override for S3-compatible stores, e.g. {@code http://minio:9000}. */
        public Builder endpoint(URI uri) {
            this.endpoint = uri;
            return this;
        }

        /** Path-style access ({@code host/bucket/key}), needed by MinIO and most S3-compatible stores. */
        public Builder pathStyle(boolean enabled) {
            this.pathStyle = enabled;
            return this;
        }

        /** The region (default {@code us-east-1}). */
        public Builder region(String name) {
            this.region = name;
            return this;
        }

        /** Static credentials; without them the AWS SDK's default chain (environment, profile, role) is used. */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.accessKey = accessKeyId;
            this.secretKey = secretAccessKey;
            return this;
        }

        /** Size from which files are sent as multipart uploads (default 16 MiB, at least 5 MiB). */
        public Builder multipartThreshold(long bytes) {
            this.multipartThreshold = bytes;
            return this;
        }

        /** Part size of multipart uploads (default 8 MiB; S3 allows 5 MiB to 5 GiB, we cap at 512 MiB). */
        public Builder partSize(int bytes) {
            this.partSize = bytes;
            return this;
        }

        /** Validates and builds the store. */
        public S3VideoStorage build() {
            if (bucket == null || bucket.isBlank()) {
                throw InvalidRequestException.local(StorageException.SOURCE, "bucket", "bucket is required");
            }
            if (prefix == null || (!prefix.isEmpty() && !prefix.endsWith("/")) || prefix.startsWith("/")) {
                throw InvalidRequestException.local(StorageException.SOURCE, "prefix", "invalid prefix '" + prefix
                        + "'; allowed: empty, or a relative path ending with '/'");
            }
            if (partSize < 5 * MIB || partSize > 512 * MIB) {
                throw InvalidRequestException.local(StorageException.SOURCE, "partSize",
                        "invalid partSize " + partSize + "; allowed: 5 MiB to 512 MiB");
            }
            if (multipartThreshold < 5 * MIB) {
                throw InvalidRequestException.local(StorageException.SOURCE, "multipartThreshold",
                        "invalid multipartThreshold " + multipartThreshold + "; allowed: at least 5 MiB");
            }
            if (client != null) {
                Objects.requireNonNull(presigner, "presigner (pass one with your own client)");
                return new S3VideoStorage(this, client, presigner, false);
            }
            S3Configuration config = S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
            var s3 = S3AsyncClient.builder().region(Region.of(region)).serviceConfiguration(config);
            var pre = S3Presigner.builder().region(Region.of(region)).serviceConfiguration(config);
            if (endpoint != null) {
                // S3-compatible stores (S3Proxy, older MinIO, Ceph) reject the SDK's default CRC32
                // trailing checksums (aws-chunked bodies): send and check them only where S3 requires them
                s3.endpointOverride(endpoint)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
                pre.endpointOverride(endpoint);
            }
            if (accessKey != null) {
                var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
                s3.credentialsProvider(creds);
                pre.credentialsProvider(creds);
            }
            return new S3VideoStorage(this, s3.build(), pre.build(), true);
        }
    }
}
