import CityPressWrite

extension SiteBuild {
    /// Until the function returned is called, Ctrl-C (SIGINT) or SIGTERM ends the process with a line
    /// saying so. An `--incremental` build that keeps pages leaves its staging folder as the spare the next
    /// one stages in; another build deletes it (`InterruptedBuild`). `options.beforeSwap` ends the watch
    /// before the new site is swapped in (the signals are ignored from there); the caller calls the
    /// function returned once the build has returned, before it reports anything, and they do what they
    /// do by default again. For the command line's builds; never for a build run inside
    /// another program. Not with `--pdf` (`nil`): a browser started while the signals are ignored would
    /// ignore them too, and outlive the build.
    public static func stopOnInterrupt(_ options: inout BuildOptions) -> (@Sendable () -> Void)? {
        guard options.pdfPapers.isEmpty else { return nil }
        let keepsSpare = options.keepsUnchangedOutputs && !options.checksSite
        let interruption = InterruptedBuild(output: OutputFolder(path: options.outputPath), keepsSpare: keepsSpare)
        options.beforeSwap = { interruption.stopWatching(restoringDefaults: false) }
        return { interruption.stopWatching(restoringDefaults: true) }
    }
}
