//! Where a webhook may send: an `https://` address whose every resolved IP is public. An
//! operator may allow loopback and private addresses (`ROUNDTABLE_WEBHOOKS_ALLOW_PRIVATE`),
//! and then plain `http://` to them only, so that clear text never crosses the internet.
//! The check runs when the hook is made and again before every delivery, and the delivery
//! connects to the very addresses checked (a name that resolves elsewhere a second later
//! does not lead the request inside).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use url::Url;

use crate::web::AppError;

/// A checked webhook address and the IPs it may be reached at.
#[derive(Debug)]
pub struct Target {
    pub url: Url,
    pub host: String,
    pub addrs: Vec<SocketAddr>,
}

/// How long a name may take to resolve.
const LOOKUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Longest address accepted.
pub const MAX_URL: usize = 500;

/// The address as typed: a URL with a host, no user name or password (they would sit in
/// logs), no fragment; `https`, or `http` where private addresses are allowed.
pub fn parse(text: &str, allow_private: bool) -> Result<Url, AppError> {
    let text = text.trim();
    if text.chars().count() > MAX_URL {
        return Err(AppError::invalid("error-webhook-url"));
    }
    let url = Url::parse(text).map_err(|_| AppError::invalid("error-webhook-url"))?;
    let scheme_ok = url.scheme() == "https" || (allow_private && url.scheme() == "http");
    if !scheme_ok {
        return Err(AppError::invalid("error-webhook-https"));
    }
    if url.host().is_none() || !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
        return Err(AppError::invalid("error-webhook-url"));
    }
    Ok(url)
}

/// Resolves the address and checks every IP it gives.
pub async fn resolve(url: &Url, allow_private: bool) -> Result<Target, AppError> {
    let host = url.host_str().ok_or(AppError::invalid("error-webhook-url"))?.to_string();
    let port = url.port_or_known_default().ok_or(AppError::invalid("error-webhook-url"))?;
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => tokio::time::timeout(LOOKUP_TIMEOUT, tokio::net::lookup_host((bare, port)))
            .await
            .map_err(|_| AppError::invalid("error-webhook-unresolved"))?
            .map_err(|_| AppError::invalid("error-webhook-unresolved"))?
            .collect(),
    };
    if addrs.is_empty() {
        return Err(AppError::invalid("error-webhook-unresolved"));
    }
    let all_public = addrs.iter().all(|a| is_public(a.ip()));
    if !all_public && !allow_private {
        return Err(AppError::invalid("error-webhook-private"));
    }
    // Plain HTTP only inside: never to an address on the internet.
    if url.scheme() == "http" && addrs.iter().any(|a| is_public(a.ip())) {
        return Err(AppError::invalid("error-webhook-https"));
    }
    Ok(Target { url: url.clone(), host: bare.to_string(), addrs })
}

/// Whether an IP is on the public internet: not loopback, private, link-local, shared,
/// reserved, documentation, multicast or unspecified, nor a v6 form of one.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => public_v4(v4),
        IpAddr::V6(v6) => public_v6(v6),
    }
}

fn public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (18..20).contains(&b))
        || a >= 240)
}

fn public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return public_v4(v4);
    }
    let s = ip.segments();
    // SIIT (::ffff:0:a.b.c.d) and local NAT64 (64:ff9b:1::/48) lead inside by design.
    if (s[0..4] == [0, 0, 0, 0] && s[4] == 0xffff && s[5] == 0) || (s[0] == 0x64 && s[1] == 0xff9b && s[2] == 1) {
        return false;
    }
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that decides.
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        return public_v4(Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8));
    }
    if s[0] == 0x2002 {
        return public_v4(Ipv4Addr::new((s[1] >> 8) as u8, s[1] as u8, (s[2] >> 8) as u8, s[2] as u8));
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00
        || (s[0] & 0xffc0) == 0xfe80
        || (s[0] & 0xffc0) == 0xfec0
        || (s[0] == 0x0100 && s[1..4] == [0, 0, 0])
        || (s[0] == 0x2001 && s[1] < 0x0200)
        || (s[0] == 0x2001 && s[1] == 0x0db8)
        || s[0..6] == [0, 0, 0, 0, 0, 0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "192.0.2.1",
            "198.18.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "2001:db8::1",
            "::7f00:1",
            "::ffff:0:a00:1",
            "64:ff9b:1::1",
            "fec0::1",
            "100::1",
            "2001::1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in ["1.1.1.1", "203.0.114.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn addresses_are_https_without_credentials() {
        assert!(parse("https://hooks.example.org/roundtable", false).is_ok());
        assert!(parse("http://hooks.example.org/", false).is_err());
        assert!(parse("http://hooks.example.org/", true).is_ok());
        assert!(parse("https://user:pw@hooks.example.org/", false).is_err());
        assert!(parse("https://hooks.example.org/#x", false).is_err());
        assert!(parse("ftp://hooks.example.org/", true).is_err());
        assert!(parse("not a url", false).is_err());
    }

    #[tokio::test]
    async fn private_addresses_need_the_operators_leave_and_plain_http_stays_inside() {
        let local = parse("https://127.0.0.1:9/", false).unwrap();
        assert!(resolve(&local, false).await.is_err());
        assert_eq!(resolve(&local, true).await.unwrap().addrs[0].port(), 9);
        let clear_public = parse("http://1.1.1.1/", true).unwrap();
        assert!(resolve(&clear_public, true).await.is_err());
        let metadata = parse("http://[::ffff:169.254.169.254]/", true).unwrap();
        assert!(resolve(&metadata, false).await.is_err());
    }
}
