package dev.videosdk;

/**
 * How good a model's output is meant to be, as its provider positions it. A request that leaves
 * the model open may ask for a tier ({@link VideoRequest.Builder#quality(QualityTier)}); the client
 * then picks a model of that tier (the cheapest one when several fit).
 */
public enum QualityTier {
    /** Draft and volume models (e.g. Veo 3.1 Fast and Lite, Kling std). */
    STANDARD,
    /** The provider's best models (e.g. Veo 3.1, Kling pro tiers). */
    HIGH
}
