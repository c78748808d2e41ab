/** A consumer as the README shows it: one {@code requires}, providers found as services on the module path. */
module dev.videosdk.moduletest {
    requires dev.videosdk;
}
