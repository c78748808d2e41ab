package dev.videosdk.examples;

import dev.videosdk.ConfigurationException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoException;
import java.io.PrintStream;
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
        String prompt = null;
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (prompt != null) {
                    throw new IllegalArgumentException("only one prompt may be given; quote it: \"" + arg + "\"");
                }
                prompt = arg;
                continue;
            }
            String name = arg.substring(2);
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("a prompt is required");
        }
        return new CommandLine(prompt, options);
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

    /** A URL ({@code http(s)}, {@code gs}, {@code data}) or a local file. */
    static MediaInput media(String value) {
        return value.matches("(?i)(https?|gs|data):.*") ? MediaInput.url(value) : MediaInput.file(Path.of(value));
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
            err.println("failed: " + v.getMessage() + v.requestId().map(id -> " (request id " + id + ")").orElse(""));
            return FAILED;
        }
        err.println("failed: " + cause);
        return FAILED;
    }
}
