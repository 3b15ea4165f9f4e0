import CityPressWrite

extension SiteBuild {
    /// For an `--incremental` build: while the value returned lives, Ctrl-C (SIGINT) or SIGTERM ends the
    /// process and leaves the staging folder of a build of `options.outputPath` as the spare the next
    /// `--incremental` build stages in (`InterruptedBuild`); `nil` for other builds. For the command line's
    /// builds; never for a build run inside another program. Not with `--pdf`: a browser started while the
    /// signals are ignored would ignore them too, and outlive the build.
    public static func stopOnInterrupt(_ options: BuildOptions) -> AnyObject? {
        guard options.keepsUnchangedOutputs, options.pdfPapers.isEmpty else { return nil }
        return InterruptedBuild(output: OutputFolder(path: options.outputPath))
    }
}
