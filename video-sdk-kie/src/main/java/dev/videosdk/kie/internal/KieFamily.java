package dev.videosdk.kie.internal;

import dev.videosdk.kie.KieExtras;
import java.util.Locale;
import java.util.Optional;

/**
 * Kie.ai's endpoint families: each has its own create and record paths and answer shape. The job
 * token stores {@link #wireName()} under {@link #ATTRIBUTE} so a resumed job polls the right path.
 */
enum KieFamily {
    /** Veo 3.1: {@code /api/v1/veo/generate} + {@code /api/v1/veo/record-info}. */
    VEO("veo", "/api/v1/veo/generate", "/api/v1/veo/record-info"),
    /** The market jobs API: {@code /api/v1/jobs/createTask} + {@code /api/v1/jobs/recordInfo}. */
    JOBS("jobs", "/api/v1/jobs/createTask", "/api/v1/jobs/recordInfo"),
    /** Runway: {@code /api/v1/runway/generate} + {@code /api/v1/runway/record-detail}. */
    RUNWAY("runway", "/api/v1/runway/generate", "/api/v1/runway/record-detail");

    /** The job attribute holding the family. */
    static final String ATTRIBUTE = "family";

    private final String wireName;
    private final String createPath;
    private final String recordPath;

    KieFamily(String wireName, String createPath, String recordPath) {
        this.wireName = wireName;
        this.createPath = createPath;
        this.recordPath = recordPath;
    }

    String wireName() {
        return wireName;
    }

    String createPath() {
        return createPath;
    }

    String recordPath() {
        return recordPath;
    }

    /** The family serving a model: {@code veo3*} is Veo, {@code runway*} is Runway, anything else the market. */
    static KieFamily forModel(String model) {
        String m = model == null ? KieExtras.VEO3_FAST : model.trim().toLowerCase(Locale.ROOT);
        if (m.startsWith("veo3")) {
            return VEO;
        }
        if (m.startsWith(KieExtras.RUNWAY)) {
            return RUNWAY;
        }
        return JOBS;
    }

    /** The family named by a job attribute, if it is one. */
    static Optional<KieFamily> byWireName(String name) {
        for (KieFamily f : values()) {
            if (f.wireName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
