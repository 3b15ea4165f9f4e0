import CityPressWrite

extension SiteBuild {
    /// While the value returned lives, Ctrl-C (SIGINT) or SIGTERM ends the process with a line saying so.
    /// An `--incremental` build leaves its staging folder as the spare the next `--incremental` build
    /// stages in; another build deletes it (`InterruptedBuild`). For the command line's builds; never for
    /// a build run inside another program. Not with `--pdf` (`nil`): a browser started while the signals
    /// are ignored would ignore them too, and outlive the build.
    public static func stopOnInterrupt(_ options: BuildOptions) -> AnyObject? {
        guard options.pdfPapers.isEmpty else { return nil }
        return InterruptedBuild(output: OutputFolder(path: options.outputPath), keepsSpare: options.keepsUnchangedOutputs)
    }
}
