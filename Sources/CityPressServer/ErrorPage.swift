import CityPressBuild
import CityPressCore
import CityPressLoad
import CityPressRender
import CityPressSite
import CityPressTemplates
import Foundation

/// The page every URL shows while the last build failed.
package enum ErrorPage {
    package static func html(_ report: String) -> [UInt8] {
        let escaped = MarkupEscaping.escape(report)
        return Array("""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed — CityPress preview</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#1b1f24}
            header{background:#8a1c1c;color:#fff;padding:1rem 1.5rem}h1{margin:0;font-size:1.4rem}
            main{padding:1rem 1.5rem}pre{background:#f6f6f6;border-left:4px solid #8a1c1c;padding:1rem;overflow-x:auto;
            font:14px/1.45 ui-monospace,"DejaVu Sans Mono",monospace;white-space:pre}</style></head>
            <body><header><h1>The site could not be built</h1></header>
            <main id="main"><p>Fix the problems below and save: this page reloads by itself with the next build.</p>
            <pre>\(escaped)</pre></main></body></html>

            """.utf8)
    }
}
