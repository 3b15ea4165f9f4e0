/// The script served pages get (never written to `Public/`): reloads the tab when a new build is in,
/// and after a server restart. Each page carries the build it came from, so a tab that loaded a page
/// while the next build was being made reloads as soon as it connects, instead of waiting for another.
package enum LiveReloadScript {
    /// The script for a page of the build tagged `build` (`PreviewSite.tag`).
    package static func source(build: String) -> String {
        // A tag is letters, digits and dashes; anything else would not be safe inside the script.
        let isPlain = !build.isEmpty && build.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "-") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        let seen = isPlain ? "\"" + build + "\"" : "null"
        return """
            <script>(function(){var seen=\(seen);function connect(){var es=new EventSource("\(PreviewRoutes.eventsPath)");\
            es.addEventListener("hello",function(e){if(seen!==null&&seen!==e.data){location.reload();}seen=e.data;});\
            es.addEventListener("reload",function(e){seen=e.data;location.reload();});}connect();})();</script>
            """
    }

    /// `page` with the script for the build tagged `build` before its last `</body>` (at its end if none).
    package static func inject(into page: [UInt8], build: String) -> [UInt8] {
        let script = Array(source(build: build).utf8)
        let marker = Array("</body>".utf8)
        if let range = lastRange(of: marker, in: page) {
            return Array(page[..<range]) + script + Array(page[range...])
        }
        return page + script
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0] && Array(haystack[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }
}
