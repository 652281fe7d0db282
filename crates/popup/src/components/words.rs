//! The popup's words: `rules` messages worded by the browser's i18n (`ext::text`), and messages
//! whose placeholders hold markup (a bold NetSuite label, a link).
use tba_rules::message::{Arg, Id, Message};
use yew::prelude::*;

use crate::ext;

/// The text of a message without arguments.
pub fn say(id: Id) -> String {
    ext::text(&Message::plain(id))
}

/// The text of a message with its arguments.
pub fn say_with(id: Id, args: Vec<Arg>) -> String {
    ext::text(&Message::with(id, args))
}

/// Where a piece of markup stands in a rendered message: private-use characters no message uses.
const OPEN: char = '\u{e000}';
const CLOSE: char = '\u{e001}';

/// A message whose last placeholders are `marks` (after `args`), e.g. "Click $SAVE$." with a
/// `<b>` for `$SAVE$`: the message is worded with markers in their place and then split, so the
/// translation decides where each piece of markup goes.
pub fn say_marked(id: Id, args: Vec<Arg>, marks: Vec<Html>) -> Html {
    let mut args = args;
    for index in 0..marks.len() {
        args.push(Arg::Text(format!("{OPEN}{index}{CLOSE}")));
    }
    let text = ext::text(&Message::with(id, args));
    let mut marks: Vec<Option<Html>> = marks.into_iter().map(Some).collect();
    let mut pieces: Vec<Html> = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find(OPEN) {
        pieces.push(html! { { rest[..start].to_owned() } });
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            rest = after;
            break;
        };
        if let Some(mark) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|index| marks.get_mut(index))
            .and_then(Option::take)
        {
            pieces.push(mark);
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    pieces.push(html! { { rest.to_owned() } });
    html! { <>{ for pieces }</> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_go_where_the_message_puts_them() {
        let html = say_marked(
            Id::PopupFixStepSave,
            Vec::new(),
            vec![html! { <b>{ "Save" }</b> }],
        );
        let rendered = futures::executor::block_on(
            yew::LocalServerRenderer::<Wrap>::with_props(WrapProps { html })
                .hydratable(false)
                .render(),
        );
        assert_eq!(rendered, "Click <b>Save</b>.");
    }

    #[derive(Properties, PartialEq)]
    struct WrapProps {
        html: Html,
    }

    #[component]
    fn Wrap(props: &WrapProps) -> Html {
        props.html.clone()
    }
}
