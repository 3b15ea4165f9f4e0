import CYaml

/// Finds YAML anchors (`&name`) in a content file's YAML before it is composed, with libyaml's own
/// parser (the one Yams wraps), so that no C pointer leaves this file.
///
/// Content files have no use for anchors and aliases, and an alias is a copy: nine lines that alias
/// the line before nine times each stand for 9⁹ values, which composing (Yams hashes mapping keys
/// whole) or reading the document would make one by one, for minutes and gigabytes. A file with an
/// anchor is refused at the anchor instead; without one, no alias can stand for anything.
enum YAMLAnchors {
    /// An anchor (or an alias, which names no anchor before it) found: as written (`&name`, `*name`),
    /// and where it is (line and column in Unicode scalars, from 1).
    struct Anchor: Equatable {
        var written: String
        var line: Int
        var column: Int
    }

    /// The first anchor of `yaml`, or its first alias when no anchor comes before it; `nil` when it has
    /// neither, and when libyaml cannot read the text up to one (composing it then reports why).
    static func first(in yaml: String) -> Anchor? {
        guard mayHaveAnchor(yaml) else { return nil }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Anchor? in
            guard let base = buffer.baseAddress else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                let name: UnsafeMutablePointer<yaml_char_t>? = switch event.type {
                case YAML_SCALAR_EVENT: event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: event.data.mapping_start.anchor
                case YAML_ALIAS_EVENT: event.data.alias.anchor
                default: nil
                }
                if let name {
                    let sign = event.type == YAML_ALIAS_EVENT ? "*" : "&"
                    return Anchor(written: sign + String(cString: name), line: Int(event.start_mark.line) + 1,
                                  column: Int(event.start_mark.column) + 1)
                }
            }
        }
    }

    /// Whether `yaml` has an `&` or `*` followed by a character that could start a name: every anchor
    /// and alias does, and most files have neither (this is read first, for every file with YAML
    /// that is not flat).
    static func mayHaveAnchor(_ yaml: String) -> Bool {
        var previous: UInt8 = 0
        for byte in yaml.utf8 {
            if previous == UInt8(ascii: "&") || previous == UInt8(ascii: "*") {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
                default: return true
                }
            }
            previous = byte
        }
        return false
    }
}
