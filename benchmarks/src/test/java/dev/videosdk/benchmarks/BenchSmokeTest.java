package dev.videosdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the whole suite with tiny sizes so the harness cannot rot; asserts that it works, never how fast. */
class BenchSmokeTest {

    @Test
    void quickSuiteRunsEveryScenarioAndPrintsOneJsonLineEach() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<String> failures;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            failures = Bench.run(out, "--quick", "--jobs=20", "--thread-cap=20", "--interval-ms=100", "--job-ms=100-300",
                    "--download-mib=4", "--sse-mib=1", "--simulated-jobs=1000", "--work-dir=target/bench-smoke");
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(failures).as(text).isEmpty();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        assertThat(lines).extracting(n -> n.get("scenario").asText())
                .containsExactly("many-jobs", "adaptive-polling", "download", "sse");

        JsonNode manyJobs = lines.get(0);
        assertThat(manyJobs.get("rows")).hasSizeGreaterThanOrEqualTo(4);
        for (JsonNode row : manyJobs.get("rows")) {
            assertThat(row.get("completed").asInt()).as(row.toString()).isEqualTo(row.get("n").asInt());
            assertThat(row.get("failed").asInt()).as(row.toString()).isZero();
            assertThat(row.get("statusPerJob").asDouble()).as(row.toString()).isPositive();
        }
        for (JsonNode row : lines.get(2).get("rows")) {
            assertThat(row.get("verified").asBoolean()).as(row.toString()).isTrue();
        }
        JsonNode dropped = null;
        for (JsonNode row : lines.get(2).get("rows")) {
            if (row.get("way").asText().contains("dropped")) {
                dropped = row;
            }
        }
        assertThat(dropped).as("a dropped-transfer row").isNotNull();
        assertThat(dropped.get("requests").asInt()).as("the dropped transfer was resumed").isEqualTo(2);
        assertThat(lines.get(1).get("rows")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines.get(3).get("rows").get(0).get("events").asLong()).isPositive();
    }
}
