package dev.videosdk.examples;

import dev.videosdk.ConfigurationException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * The example programs' command line: one quoted prompt plus {@code --name value} options, and the
 * shared exit codes (0 ok, 2 bad input with a clear message, 1 provider failure).
 *
 * @param prompt  the prompt
 * @param options option name (without {@code --}) to its values, in order
 */
record CommandLine(String prompt, Map<String, List<String>> options) {

    /** Exit code for success. */
    static final int OK = 0;
    /** Exit code for a provider or network failure. */
    static final int FAILED = 1;
    /** Exit code for bad input. */
    static final int BAD_INPUT = 2;

    /** Parses {@code args}, allowing only the given option names; {@link IllegalArgumentException} on bad input. */
    static CommandLine parse(String[] args, Set<String> allowed) {
        CommandLine line = parse(args, allowed, Set.of());
        if (line.prompt() == null) {
            throw new IllegalArgumentException("a prompt is required");
        }
        return line;
    }

    /**
     * Parses {@code args}: options with a value ({@code allowed}), flags without one ({@code flags},
     * recorded with the value {@code "true"}) and at most one prompt, which may be null here. Any other
     * argument starting with {@code -} is an error; a prompt that starts with {@code -} follows {@code --}.
     */
    static CommandLine parse(String[] args, Set<String> allowed, Set<String> flags) {
        String prompt = null;
        Map<String, List<String>> options = new LinkedHashMap<>();
        boolean onlyPrompt = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!onlyPrompt && arg.equals("--")) {
                onlyPrompt = true;
                continue;
            }
            if (onlyPrompt || !arg.startsWith("-") || arg.equals("-")) {
                if (prompt != null && onlyPrompt && arg.startsWith("-")) {
                    throw new IllegalArgumentException("options go before --; after it comes only the prompt, but "
                            + arg + " followed it");
                }
                if (prompt != null) {
                    throw new IllegalArgumentException("only one prompt may be given; quote it: \"" + arg + "\"");
                }
                prompt = arg;
                continue;
            }
            String name = arg.startsWith("--") ? arg.substring(2) : "";
            if (flags.contains(name)) {
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                continue;
            }
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg + " (a prompt that starts with - goes after --)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
        }
        if (prompt != null && prompt.isBlank()) {
            throw new IllegalArgumentException("the prompt is empty");
        }
        return new CommandLine(prompt, options);
    }

    /** Whether a flag was given. */
    boolean has(String flag) {
        return options.containsKey(flag);
    }

    /** The last value of an option, if given. */
    Optional<String> value(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** Every value of a repeatable option. */
    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /**
     * A URL ({@code http(s)}, {@code gs}, {@code data}) or a local image file, whose type is read from
     * its first bytes (PNG, JPEG, WebP, GIF), not from its name.
     */
    static MediaInput media(String value) {
        return file(value, head -> MediaInput.sniffMimeType(head).filter(t -> t.startsWith("image/")).orElse(null),
                "a PNG, JPEG, WebP or GIF image");
    }

    /** A URL or a local MP4 file (judged by its {@code ftyp} box), for a reference video. */
    static MediaInput video(String value) {
        return file(value, head -> MediaInput.sniffMimeType(head).filter("video/mp4"::equals).orElse(null), "an MP4 video");
    }

    private static MediaInput file(String value, java.util.function.Function<byte[], String> sniff, String expected) {
        if (value.matches("(?i)(https?|gs|data):.*")) {
            return MediaInput.url(value);
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(value + ": no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
        } catch (IOException e) {
            throw new IllegalArgumentException(value + ": cannot read it (" + e.getMessage() + ")");
        }
        String type = sniff.apply(head);
        if (type == null) {
            throw new IllegalArgumentException(value + " is not " + expected + " (judged by its first bytes)");
        }
        return MediaInput.file(file, type);
    }


    /** Prints the failure without a stack trace and returns its exit code. */
    static int report(RuntimeException e, PrintStream err) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        err.println();
        if (cause instanceof InvalidRequestException || cause instanceof ConfigurationException
                || cause instanceof IllegalArgumentException) {
            err.println("error: " + cause.getMessage());
            return BAD_INPUT;
        }
        if (cause instanceof CancellationException) {
            err.println("cancelled");
            return FAILED;
        }
        if (cause instanceof VideoException v) {
            String message = v.getMessage();
            err.println("failed: " + message + v.requestId().filter(id -> !message.contains(id))
                    .map(id -> " (request id " + id + ")").orElse(""));
            return FAILED;
        }
        err.println("failed: " + cause);
        return FAILED;
    }
}
