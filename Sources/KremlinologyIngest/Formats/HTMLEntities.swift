/// Decodes HTML character references: the common named ones and `&#…;` / `&#x…;`.
enum HTMLEntities {
    /// Named references we decode; others stay as written.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "copy": "©",
        "reg": "®", "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
        "middot": "·", "bull": "•", "times": "×", "divide": "÷", "deg": "°", "plusmn": "±",
        "para": "¶", "sect": "§", "shy": "", "zwj": "", "zwnj": "", "thinsp": " ", "ensp": " ",
        "emsp": " ", "prime": "′", "Prime": "″", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "ouml": "ö", "uuml": "ü",
        "auml": "ä", "Ouml": "Ö", "Uuml": "Ü", "Auml": "Ä", "szlig": "ß", "ccedil": "ç", "ntilde": "ñ",
        "iacute": "í", "oacute": "ó", "uacute": "ú", "scaron": "š", "Scaron": "Š", "zcaron": "ž",
    ]

    /// If a character reference starts at `s[i]` (an `&`), returns its UTF-8 bytes and the
    /// index after its `;`. Looks at most 32 bytes ahead, so decoding stays linear.
    static func decode(_ s: [UInt8], at i: Int, end: Int) -> ([UInt8], Int)? {
        guard i + 2 < end, s[i] == 0x26 else { return nil }
        let limit = min(end, i + 32)
        guard let semi = Bytes.find(0x3B, in: s, from: i + 1, to: limit) else { return nil }
        if s[i + 1] == 0x23 { // '#'
            var value: UInt32 = 0
            var j = i + 2
            let hex = j < semi && (s[j] | 0x20) == 0x78
            if hex { j += 1 }
            guard j < semi else { return nil }
            while j < semi {
                let c = s[j]
                let digit: UInt32
                if Bytes.isDigit(c) { digit = UInt32(c - 0x30) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { digit = UInt32((c | 0x20) - 0x61 + 10) }
                else { return nil }
                value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + digit
                j += 1
            }
            let scalar = Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), semi + 1)
        }
        for j in (i + 1)..<semi where !Bytes.isLetter(s[j]) && !Bytes.isDigit(s[j]) { return nil }
        guard let text = named[Bytes.string(s, i + 1, semi)] else { return nil }
        return (Array(text.utf8), semi + 1)
    }

    /// `text` with every character reference decoded.
    static func decodeAll(_ text: String) -> String {
        let s = Array(text.utf8)
        guard s.contains(0x26) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == 0x26, let (bytes, next) = decode(s, at: i, end: s.count) {
                out.append(contentsOf: bytes)
                i = next
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
