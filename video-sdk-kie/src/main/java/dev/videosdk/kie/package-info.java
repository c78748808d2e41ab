/**
 * Provider {@code kie}: Kie.ai (Veo 3.1, market models, Runway); per-request options in
 * {@link dev.videosdk.kie.KieExtras}. Settings: the module README.
 */
package dev.videosdk.kie;
