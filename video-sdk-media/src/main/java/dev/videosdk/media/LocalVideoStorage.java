package dev.videosdk.media;

import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Stores objects as files under a root folder (the seeds use {@code storage/}), key
 * {@code a/b/c.mp4} at {@code <root>/a/b/c.mp4}. Writes go to a hidden temporary file in the target
 * folder and are moved into place atomically. Keys that would leave the root are refused.
 */
public final class LocalVideoStorage implements VideoStorage {
    private final Path root;
    private final URI publicBase;

    /** A store under {@code root} whose {@link #url} is a {@code file:} URI. */
    public LocalVideoStorage(Path root) {
        this(root, null);
    }

    /**
     * A store under {@code root} served by a web server at {@code publicBase} (e.g.
     * {@code https://cdn.example/storage/}); {@link #url} is {@code publicBase} + key.
     */
    public LocalVideoStorage(Path root, URI publicBase) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.publicBase = publicBase == null || publicBase.toString().endsWith("/") ? publicBase
                : URI.create(publicBase + "/");
    }

    /** The root folder. */
    public Path root() {
        return root;
    }

    /** The file of a key (checked against traversal). */
    public Path pathOf(String key) {
        Path p = root.resolve(StorageKeys.check(key)).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw InvalidRequestException.local(StorageException.SOURCE, "key",
                    "invalid storage key '" + key + "'; it leads outside the storage root");
        }
        return p;
    }

    @Override
    public StoredObject store(String key, Path file, String contentType) {
        try (InputStream in = Files.newInputStream(file)) {
            return store(key, in, Files.size(file), contentType);
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StoredObject store(String key, InputStream data, long length, String contentType) {
        Path target = pathOf(key);
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            long written = Files.copy(data, tmp);
            if (length >= 0 && written != length) {
                throw new StorageException("expected " + length + " bytes for " + key + " but read " + written, null);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new StoredObject(key, written, contentType);
        } catch (IOException e) {
            throw new StorageException("cannot store " + key + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a hidden .tmp file is never read as an object
            }
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("no object " + key, ErrorContext.local(StorageException.SOURCE), e);
        } catch (IOException e) {
            throw new StorageException("cannot open " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public URI url(String key, Duration validity) {
        Path p = pathOf(key);
        if (publicBase == null) {
            return p.toUri();
        }
        StringBuilder encoded = new StringBuilder();
        for (String segment : key.split("/")) {
            if (encoded.length() > 0) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(segment, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return publicBase.resolve(encoded.toString());
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new StorageException("cannot delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }
}
