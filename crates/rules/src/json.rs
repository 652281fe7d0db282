//! A small, bounded JSON reader and writer for the profile files TBA Doctor exports and imports
//! (`import`, `export`), so that a file is read the same way natively and in the extension.
//!
//! The reader keeps each value's byte offset, so that an importer can say on which line of the
//! file a requirement was; it refuses, with the offset, anything that is not JSON (RFC 8259), is
//! nested deeper than [`MAX_DEPTH`] or holds more than [`MAX_VALUES`] values, and never panics.
//! Work and memory are linear in the text.

/// The deepest nesting read.
pub const MAX_DEPTH: usize = 32;
/// The most values (of any kind, nested ones included) read from one text.
pub const MAX_VALUES: usize = 100_000;

/// A JSON value and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The byte offset of its first character in the text read (0 for a value made to be written).
    pub at: usize,
    /// The value.
    pub value: Json,
}

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Node>),
    /// An object, its members in order (a repeated name keeps its first value when looked up).
    Object(Vec<(String, Node)>),
}

impl Node {
    /// A value to write.
    pub fn new(value: Json) -> Node {
        Node { at: 0, value }
    }

    /// The member `name`, when this is an object that has it.
    pub fn get(&self, name: &str) -> Option<&Node> {
        match &self.value {
            Json::Object(members) => members
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, node)| node),
            _ => None,
        }
    }

    /// This string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Json::Text(text) => Some(text),
            _ => None,
        }
    }

    /// This number.
    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Json::Number(number) => Some(number),
            _ => None,
        }
    }

    /// This boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Json::Bool(value) => Some(value),
            _ => None,
        }
    }

    /// This array's items.
    pub fn as_list(&self) -> Option<&[Node]> {
        match &self.value {
            Json::List(items) => Some(items),
            _ => None,
        }
    }
}

/// Why a text is not JSON this reader takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// The byte offset where reading stopped.
    pub at: usize,
    /// What was wrong there.
    pub problem: JsonProblem,
}

/// What was wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    /// A character that cannot stand there.
    Unexpected,
    /// The text ends inside a value.
    End,
    /// More after the value.
    Trailing,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_VALUES`] values.
    TooMany,
}

/// Reads `text` as one JSON value.
pub fn parse(text: &str) -> Result<Node, JsonError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
        values: 0,
    };
    reader.skip_space();
    let node = reader.value(0)?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error(JsonProblem::Trailing));
    }
    Ok(node)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    values: usize,
}

impl Reader<'_> {
    fn error(&self, problem: JsonProblem) -> JsonError {
        JsonError {
            at: self.at,
            problem,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), JsonError> {
        match self.peek() {
            Some(found) if found == byte => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err(self.error(JsonProblem::Unexpected)),
            None => Err(self.error(JsonProblem::End)),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, JsonError> {
        if depth >= MAX_DEPTH {
            return Err(self.error(JsonProblem::TooDeep));
        }
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(self.error(JsonProblem::TooMany));
        }
        let at = self.at;
        let value = match self.peek() {
            None => return Err(self.error(JsonProblem::End)),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.list(depth)?,
            Some(b'"') => Json::Text(self.string()?),
            Some(b't') => self.word("true", Json::Bool(true))?,
            Some(b'f') => self.word("false", Json::Bool(false))?,
            Some(b'n') => self.word("null", Json::Null)?,
            Some(b'-' | b'0'..=b'9') => Json::Number(self.number()?),
            Some(_) => return Err(self.error(JsonProblem::Unexpected)),
        };
        Ok(Node { at, value })
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        for &byte in word.as_bytes() {
            self.expect(byte)?;
        }
        Ok(value)
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.expect(b'{')?;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error(if self.peek().is_none() {
                    JsonProblem::End
                } else {
                    JsonProblem::Unexpected
                }));
            }
            let name = self.string()?;
            self.skip_space();
            self.expect(b':')?;
            self.skip_space();
            let value = self.value(depth + 1)?;
            members.push((name, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(members));
                }
                Some(_) => return Err(self.error(JsonProblem::Unexpected)),
                None => return Err(self.error(JsonProblem::End)),
            }
        }
    }

    fn list(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::List(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::List(items));
                }
                Some(_) => return Err(self.error(JsonProblem::Unexpected)),
                None => return Err(self.error(JsonProblem::End)),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error(JsonProblem::End)),
                Some(byte) => char::from(byte)
                    .to_digit(16)
                    .ok_or_else(|| self.error(JsonProblem::Unexpected))?,
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn escape(&mut self, into: &mut String) -> Result<(), JsonError> {
        let Some(byte) = self.peek() else {
            return Err(self.error(JsonProblem::End));
        };
        self.at += 1;
        let plain = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    // A surrogate pair: the low half must follow as another \u escape.
                    self.expect(b'\\')?;
                    self.expect(b'u')?;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error(JsonProblem::Unexpected));
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                char::from_u32(code).ok_or_else(|| self.error(JsonProblem::Unexpected))?
            }
            _ => return Err(self.error(JsonProblem::Unexpected)),
        };
        into.push(plain);
        Ok(())
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.expect(b'"')?;
        let mut text = String::new();
        loop {
            let start = self.at;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The run holds no quote, backslash or control byte, and starts and ends next to an
            // ASCII byte (or the text's ends), so it is whole UTF-8.
            let run = self
                .bytes
                .get(start..self.at)
                .and_then(|run| std::str::from_utf8(run).ok())
                .ok_or_else(|| self.error(JsonProblem::Unexpected))?;
            text.push_str(run);
            match self.peek() {
                None => return Err(self.error(JsonProblem::End)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut text)?;
                }
                Some(_) => return Err(self.error(JsonProblem::Unexpected)),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<f64, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error(JsonProblem::Unexpected)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error(JsonProblem::Unexpected));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(JsonProblem::Unexpected));
            }
        }
        self.bytes
            .get(start..self.at)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .and_then(|digits| digits.parse().ok())
            .ok_or_else(|| self.error(JsonProblem::Unexpected))
    }
}

/// Writes `node` as JSON, two spaces an indent level, arrays of numbers and strings on one line
/// when short; ends with a newline.
pub fn write(node: &Node) -> String {
    let mut out = String::new();
    write_value(&node.value, 0, &mut out);
    out.push('\n');
    out
}

/// Writes `node` as JSON with no space at all, as `JSON.stringify` does.
pub fn write_compact(node: &Node) -> String {
    let mut out = String::new();
    compact(&node.value, &mut out);
    out
}

fn compact(value: &Json, out: &mut String) {
    match value {
        Json::List(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                compact(&item.value, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (index, (name, member)) in members.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(name, out);
                out.push(':');
                compact(&member.value, out);
            }
            out.push('}');
        }
        scalar => write_value(scalar, 0, out),
    }
}

/// Writes `text` as a JSON string (quotes included) onto `out`.
pub fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            control if u32::from(control) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", u32::from(control)));
            }
            other => out.push(other),
        }
    }
    out.push('"');
}

fn is_scalar(node: &Node) -> bool {
    !matches!(node.value, Json::List(_) | Json::Object(_))
}

fn indent(depth: usize, out: &mut String) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_value(value: &Json, depth: usize, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
        Json::Number(number) if number.is_finite() => out.push_str(&number.to_string()),
        Json::Number(_) => out.push_str("null"),
        Json::Text(text) => write_string(text, out),
        Json::List(items) if items.is_empty() => out.push_str("[]"),
        Json::List(items) if items.len() <= 8 && items.iter().all(is_scalar) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_value(&item.value, depth + 1, out);
            }
            out.push(']');
        }
        Json::List(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                indent(depth + 1, out);
                write_value(&item.value, depth + 1, out);
            }
            indent(depth, out);
            out.push(']');
        }
        Json::Object(members) if members.is_empty() => out.push_str("{}"),
        Json::Object(members) => {
            out.push('{');
            for (index, (name, member)) in members.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                indent(depth + 1, out);
                write_string(name, out);
                out.push_str(": ");
                write_value(&member.value, depth + 1, out);
            }
            indent(depth, out);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &Json) -> Option<&str> {
        match value {
            Json::Text(text) => Some(text),
            _ => None,
        }
    }

    #[test]
    fn reads_what_json_allows_and_keeps_offsets() {
        let node =
            parse(" {\"a\": [1, -2.5e3, true, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"} ")
                .expect("json");
        assert_eq!(node.at, 1);
        let list = node.get("a").and_then(Node::as_list).expect("list");
        assert_eq!(list.len(), 4);
        assert_eq!(list[1].as_f64(), Some(-2500.0));
        assert_eq!(list[0].at, 8);
        assert_eq!(node.get("b").and_then(Node::as_str), Some("xé😀\n"));
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "\"\\x\"",
            "\"a\nb\"",
            "tru",
            "[] x",
            "{'a': 1}",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "NaN",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} read");
        }
    }

    #[test]
    fn bounds_depth_and_count() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(
            parse(&deep).map_err(|e| e.problem),
            Err(JsonProblem::TooDeep)
        );
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let many = format!("[{}0]", "0,".repeat(MAX_VALUES));
        assert_eq!(
            parse(&many).map_err(|e| e.problem),
            Err(JsonProblem::TooMany)
        );
    }

    #[test]
    fn writes_what_it_reads() {
        let source = "{\"name\": \"a \\\"b\\\"\\t\\u0001\", \"ids\": [\"X\", \"Y\"], \"n\": 4, \"o\": {}, \"l\": [{\"k\": false}]}";
        let node = parse(source).expect("json");
        let written = write(&node);
        let again = parse(&written).expect("written json");
        assert_eq!(
            text(&again.get("name").expect("name").value),
            Some("a \"b\"\t\u{1}")
        );
        assert_eq!(write(&again), written);
        assert!(written.contains("\"ids\": [\"X\", \"Y\"]"), "{written}");
        let compact = write_compact(&node);
        assert_eq!(parse(&compact).map(|node| write(&node)), Ok(written));
        // No space but inside strings, as JSON.stringify writes it.
        assert_eq!(
            write_compact(
                &parse("{ \"a\" : [ 1 , true ], \"b\": \"x y\", \"c\": { } }").expect("json")
            ),
            "{\"a\":[1,true],\"b\":\"x y\",\"c\":{}}"
        );
    }
}
