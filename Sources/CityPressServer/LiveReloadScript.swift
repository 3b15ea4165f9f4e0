/// The script served pages get (never written to `Public/`): reloads the tab when a new build is in,
/// and after a server restart.
package enum LiveReloadScript {
    package static let source = """
        <script>(function(){var seen=null;function connect(){var es=new EventSource("\(PreviewRoutes.eventsPath)");\
        es.addEventListener("hello",function(e){if(seen!==null&&seen!==e.data){location.reload();}seen=e.data;});\
        es.addEventListener("reload",function(e){seen=e.data;location.reload();});}connect();})();</script>
        """

    package static func inject(into page: [UInt8]) -> [UInt8] {
        let script = Array(source.utf8)
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
