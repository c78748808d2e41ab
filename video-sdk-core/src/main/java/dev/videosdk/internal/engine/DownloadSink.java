package dev.videosdk.internal.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where downloaded bytes go: a {@code .part} file or a caller's stream. */
interface DownloadSink {
    /** Bytes written so far. */
    long written();

    /** Appends one buffer. */
    void write(ByteBuffer buffer) throws IOException;

    /** Starts over (the server ignored a Range request); false if the sink cannot. */
    boolean restart() throws IOException;

    /** A sink writing to a file, truncating it first. */
    static FileSink file(Path part) throws IOException {
        return new FileSink(part);
    }

    /** A sink writing to a stream the caller owns (never closed here). */
    static DownloadSink stream(OutputStream out) {
        return new DownloadSink() {
            private long written;

            @Override
            public long written() {
                return written;
            }

            @Override
            public void write(ByteBuffer buffer) throws IOException {
                int n = buffer.remaining();
                if (buffer.hasArray()) {
                    out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
                    buffer.position(buffer.limit());
                } else {
                    byte[] copy = new byte[n];
                    buffer.get(copy);
                    out.write(copy);
                }
                written += n;
            }

            @Override
            public boolean restart() {
                return written == 0;
            }
        };
    }

    /** The file sink. */
    final class FileSink implements DownloadSink, AutoCloseable {
        private final FileChannel channel;
        private long written;

        private FileSink(Path part) throws IOException {
            channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        public long written() {
            return written;
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                written += channel.write(buffer);
            }
        }

        @Override
        public boolean restart() throws IOException {
            channel.truncate(0);
            channel.position(0);
            written = 0;
            return true;
        }

        /** Flushes to disk and closes. */
        void finish() throws IOException {
            channel.force(false);
            channel.close();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
