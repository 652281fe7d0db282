//! Classifies page URLs (role page, TBA authorization page, other NetSuite page, not NetSuite) and
//! builds NetSuite URLs, by hand and without panicking on any input.
//!
//! No URL crate: the few forms NetSuite uses are parsed directly.

/// What kind of page a URL points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// `/app/setup/role.nl`.
    Role {
        /// The `id` query parameter; `None` for a new role.
        id: Option<u32>,
        /// Whether the URL asks for edit mode (`e=T`); the page itself decides (product.md §6).
        edit_hint: bool,
    },
    /// `/app/login/secure/authorizetoken.nl`, the TBA authorization page.
    AuthorizeToken,
    /// Another page on a NetSuite host.
    OtherNetSuite,
    /// Not a NetSuite page (or not a URL at all).
    NotNetSuite,
}

/// Classifies `url` and returns its host (lower case) when it has one.
pub fn classify_url(url: &str) -> (PageKind, Option<String>) {
    let url = url.trim();
    let Some(rest) = strip_prefix_ignore_case(url, "https://") else {
        return (PageKind::NotNetSuite, None);
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at(authority_end);
    // Drop any user info and port.
    let host_port = match authority.bytes().rposition(|byte| byte == b'@') {
        Some(at) => authority.get(at + 1..).unwrap_or_default(),
        None => authority,
    };
    let host = host_port
        .split(':')
        .next()
        .unwrap_or(host_port)
        .to_ascii_lowercase();
    if host.is_empty() {
        return (PageKind::NotNetSuite, None);
    }
    if !is_netsuite_host(&host) {
        return (PageKind::NotNetSuite, Some(host));
    }
    let after = after.split('#').next().unwrap_or("");
    let (path, query) = after.split_once('?').unwrap_or((after, ""));
    let kind = if path.eq_ignore_ascii_case("/app/setup/role.nl") {
        let id = query_value(query, "id").and_then(crate::text::whole);
        let edit_hint =
            query_value(query, "e").is_some_and(|value| value.eq_ignore_ascii_case("T"));
        PageKind::Role { id, edit_hint }
    } else if path.eq_ignore_ascii_case("/app/login/secure/authorizetoken.nl") {
        PageKind::AuthorizeToken
    } else {
        PageKind::OtherNetSuite
    };
    (kind, Some(host))
}

/// The NetSuite account id of a host such as `"1234567-sb1.app.netsuite.com"`
/// (`"1234567_SB1"`): NetSuite writes sandbox account ids with an underscore, in upper case.
pub fn account_from_host(host: &str) -> Option<String> {
    let host = host.to_ascii_lowercase();
    let label = host.strip_suffix(".app.netsuite.com")?;
    let valid = !label.is_empty()
        && label.len() <= 63
        && label
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_alphanumeric()));
    valid.then(|| label.replace('-', "_").to_ascii_uppercase())
}

/// The Manage Roles list of the account on `host`.
pub fn manage_roles_url(host: &str) -> String {
    crate::text::concat(&["https://", host, "/app/setup/rolelist.nl"])
}

/// The edit page of role `id` on `host`.
pub fn role_edit_url(host: &str, id: u32) -> String {
    crate::text::concat(&[
        "https://",
        host,
        "/app/setup/role.nl?id=",
        &crate::text::decimal(id as usize),
        "&e=T",
    ])
}

fn is_netsuite_host(host: &str) -> bool {
    host.strip_suffix(".netsuite.com").is_some_and(|prefix| {
        !prefix.is_empty()
            && prefix.split('.').all(|label| {
                !label.is_empty()
                    && label
                        .bytes()
                        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
            })
    })
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    // `head` ends on a character boundary, so `get` always finds the rest.
    text.get(prefix.len()..)
        .filter(|_| head.eq_ignore_ascii_case(prefix))
}

fn query_value<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, kind: PageKind, host: Option<&str>) {
        assert_eq!(
            classify_url(url),
            (kind, host.map(str::to_owned)),
            "url {url:?}"
        );
    }

    #[test]
    fn classifies_urls() {
        let host = Some("1234567.app.netsuite.com");
        let role = |id, edit_hint| PageKind::Role { id, edit_hint };
        check(
            "https://1234567.app.netsuite.com/app/setup/role.nl?id=1001&e=T",
            role(Some(1001), true),
            host,
        );
        check(
            "https://1234567.app.netsuite.com/app/setup/role.nl?e=T&id=3",
            role(Some(3), true),
            host,
        );
        check(
            "https://1234567.app.netsuite.com/app/setup/role.nl?id=1001",
            role(Some(1001), false),
            host,
        );
        check(
            "https://1234567.app.netsuite.com/app/setup/role.nl",
            role(None, false),
            host,
        );
        check(
            "https://1234567.APP.NetSuite.com:443/app/setup/role.nl?id=x#frag",
            role(None, false),
            host,
        );
        check(
            "https://1234567.app.netsuite.com/app/setup/role.nl?id=99999999999",
            role(None, false),
            host,
        );
        check(
            "https://1234567.app.netsuite.com/app/setup/role.nl#id=5",
            role(None, false),
            host,
        );
        check(
            "https://1234567.app.netsuite.com/app/login/secure/authorizetoken.nl?oauth_token=a",
            PageKind::AuthorizeToken,
            host,
        );
        check(
            "https://1234567.app.netsuite.com/app/center/card.nl",
            PageKind::OtherNetSuite,
            host,
        );
        check(
            "https://1234567.app.netsuite.com",
            PageKind::OtherNetSuite,
            host,
        );
        check(
            "https://netsuite.com.evil.example/app/setup/role.nl?id=1",
            PageKind::NotNetSuite,
            Some("netsuite.com.evil.example"),
        );
        check(
            "https://1234567.app.netsuite.com@evil.example/app/setup/role.nl",
            PageKind::NotNetSuite,
            Some("evil.example"),
        );
        check(
            "https://evil.example@1234567.app.netsuite.com/app/setup/role.nl",
            role(None, false),
            host,
        );
        check(
            "http://1234567.app.netsuite.com/app/setup/role.nl",
            PageKind::NotNetSuite,
            None,
        );
        check(
            "https://netsuite.com/",
            PageKind::NotNetSuite,
            Some("netsuite.com"),
        );
        check("", PageKind::NotNetSuite, None);
        check("https://", PageKind::NotNetSuite, None);
        check("https:/é", PageKind::NotNetSuite, None);
        check("httpsé://x", PageKind::NotNetSuite, None);
        check("chrome://extensions", PageKind::NotNetSuite, None);
    }

    #[test]
    fn account_ids_and_urls() {
        let cases: &[(&str, Option<&str>)] = &[
            ("1234567.app.netsuite.com", Some("1234567")),
            ("1234567-sb1.app.netsuite.com", Some("1234567_SB1")),
            ("tstdrv123456.app.netsuite.com", Some("TSTDRV123456")),
            ("1234567-rp.APP.netsuite.com", Some("1234567_RP")),
            ("system.netsuite.com", None),
            (".app.netsuite.com", None),
            ("a--b.app.netsuite.com", None),
            ("x.y.app.netsuite.com", None),
            ("app.netsuite.com", None),
        ];
        for (host, expected) in cases {
            assert_eq!(
                account_from_host(host).as_deref(),
                *expected,
                "host {host:?}"
            );
        }
        assert_eq!(
            manage_roles_url("1.app.netsuite.com"),
            "https://1.app.netsuite.com/app/setup/rolelist.nl"
        );
        assert_eq!(
            role_edit_url("1.app.netsuite.com", 1001),
            "https://1.app.netsuite.com/app/setup/role.nl?id=1001&e=T"
        );
    }
}
