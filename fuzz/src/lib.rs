//! What the fuzz targets share: [`Json`], the rules crate's wire [`Value`] over `serde_json`'s
//! values, so that a fuzz input is any JSON text, read as the browser's structured clone of it.
use serde_json::Value as J;
use tba_rules::wire::Value;

/// A JSON value as the wire readers see a JavaScript one.
#[derive(Clone, Debug, PartialEq)]
pub struct Json(pub J);

impl Value for Json {
    fn null() -> Json {
        Json(J::Null)
    }
    fn boolean(value: bool) -> Json {
        Json(J::Bool(value))
    }
    fn number(value: f64) -> Json {
        Json(serde_json::Number::from_f64(value).map_or(J::Null, J::Number))
    }
    fn text(value: &str) -> Json {
        Json(J::String(value.to_owned()))
    }
    fn list() -> Json {
        Json(J::Array(Vec::new()))
    }
    fn push(&mut self, item: Json) {
        if let J::Array(items) = &mut self.0 {
            items.push(item.0);
        }
    }
    fn object() -> Json {
        Json(J::Object(serde_json::Map::new()))
    }
    fn set(&mut self, field: &str, value: Json) {
        if let J::Object(fields) = &mut self.0 {
            fields.insert(field.to_owned(), value.0);
        }
    }
    fn get(&self, field: &str) -> Json {
        Json(self.0.get(field).cloned().unwrap_or(J::Null))
    }
    fn is_null(&self) -> bool {
        self.0.is_null()
    }
    fn is_object(&self) -> bool {
        // As in JavaScript, a list is an object too.
        self.0.is_object() || self.0.is_array()
    }
    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }
    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn as_string(&self) -> Option<String> {
        self.0.as_str().map(str::to_owned)
    }
    fn text_units(&self) -> Option<usize> {
        self.0.as_str().map(|text| text.encode_utf16().count())
    }
    fn list_len(&self) -> Option<usize> {
        self.0.as_array().map(Vec::len)
    }
    fn item(&self, index: usize) -> Json {
        Json(
            self.0
                .as_array()
                .and_then(|items| items.get(index))
                .cloned()
                .unwrap_or(J::Null),
        )
    }
}

/// The same value as the settings reader's stored value.
pub fn stored(value: &J) -> tba_rules::settings::Value {
    use tba_rules::settings::Value as S;
    match value {
        J::Null => S::Null,
        J::Bool(value) => S::Bool(*value),
        J::Number(number) => S::Number(number.as_f64().unwrap_or(0.0)),
        J::String(text) => S::Text(text.clone()),
        J::Array(items) => S::List(items.iter().map(stored).collect()),
        J::Object(fields) => S::Object(
            fields
                .iter()
                .map(|(name, value)| (name.clone(), stored(value)))
                .collect(),
        ),
    }
}
