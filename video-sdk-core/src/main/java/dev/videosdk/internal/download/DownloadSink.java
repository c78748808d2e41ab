package dev.videosdk.internal.download;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where downloaded bytes go: a {@code .part} file or a caller's stream. Used by one thread at a time. */
abstract class DownloadSink {
    private long written;

    /** Bytes written so far. */
    final long written() {
        return written;
    }

    /** Appends {@code n} bytes of {@code b}. */
    final void write(byte[] b, int n) throws IOException {
        append(b, n);
        written += n;
    }

    /** Starts over at byte 0; false if the sink cannot (a stream that already got bytes). */
    final boolean restart() throws IOException {
        if (written == 0) {
            return true;
        }
        if (!rewind()) {
            return false;
        }
        written = 0;
        return true;
    }

    abstract void append(byte[] b, int n) throws IOException;

    abstract boolean rewind() throws IOException;

    /** Releases what the sink holds (never the caller's stream). */
    abstract void close();

    /** A sink writing to a stream the caller owns (never closed here). */
    static DownloadSink stream(OutputStream out) {
        return new DownloadSink() {
            @Override
            void append(byte[] b, int n) throws IOException {
                out.write(b, 0, n);
            }

            @Override
            boolean rewind() {
                return false;
            }

            @Override
            void close() {
                // the caller's stream stays open
            }
        };
    }

    /** The {@code .part} file sink; {@link #commit} syncs it and closes it, {@link #discard} deletes it. */
    static final class FileSink extends DownloadSink {
        private final Path part;
        private final FileChannel channel;

        FileSink(Path part) throws IOException {
            this.part = part;
            this.channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        void append(byte[] b, int n) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, 0, n);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        boolean rewind() throws IOException {
            channel.truncate(0);
            channel.position(0);
            return true;
        }

        /** Forces the bytes to disk and closes the file, so a later move publishes complete content. */
        void commit() throws IOException {
            channel.force(false);
            channel.close();
        }

        @Override
        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure: nothing more to do
            }
        }

        /** Closes and deletes the {@code .part} file. */
        void discard() {
            close();
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // best effort; the failure being reported matters more
            }
        }
    }
}
