vcl 4.1;
# Varnish 7.1 in front of the site's front servers (site/server/main.ts), with xkey
# (Debian's varnish and varnish-modules). It stores what the site's own page cache would
# store, under the key that cache would use (site/server/cache-key.ts), and passes
# everything per visitor (shared/src/site/paths.ts, isPrivateRequest) to the site.
#
# Two files are generated at start into Varnish's working folder, which comes first on
# vcl_path (scripts/lib/varnish.mjs writes them; README, "Varnish in front of the site"):
#   backends.vcl  the site's instances and `sub cchc_add_backends`, which adds each to the
#                 `cchc_site` round-robin director created below;
#   local.vcl     what is particular to a deployment: the ACLs `cchc_purgers` (who may send
#                 PURGE) and `cchc_proxies` (TLS terminators in front), `sub cchc_purge_secret`
#                 (refuses a PURGE without the secret), `sub cchc_host_policy` (the hosts the
#                 site answers). It holds the secret: never commit it.
#
# Headers: `xkey` (the page's cache tags, from the site, space-separated) and `Cache-Tag`
# never reach clients; `X-Cache: HIT | MISS | STALE | PASS | SYNTH` says what Varnish did.
# Internal request headers are named `cchc-…` and never reach the site.

import std;
import directors;
import proxy;
import xkey;

sub vcl_init {
	new cchc_site = directors.round_robin();
}

include "backends.vcl";
include "local.vcl";

sub vcl_init {
	call cchc_add_backends;
}

# ---------------------------------------------------------------------------
# Client side

sub vcl_recv {
	if (req.restarts == 0) {
		# Whatever a client sent under the internal names is dropped.
		unset req.http.cchc-stale;
		unset req.http.cchc-cache;
		unset req.http.cchc-public;
		unset req.http.cchc-key-host;
		unset req.http.cchc-purged;
		call cchc_client_address;
	}
	if (req.method == "PURGE") {
		call cchc_purge;
	}
	# Varnish's own health, answered here whatever the site's state: Varnish can still
	# serve stale pages while every site instance is down.
	if (req.url ~ "^/_health(\?|$)") {
		return (synth(200, "OK"));
	}
	set req.backend_hint = cchc_site.backend();
	call cchc_host;
	# Forms (the contest's, the questions') and any other method: the site answers them.
	if (req.method != "GET" && req.method != "HEAD") {
		return (pass);
	}
	call cchc_private;
	call cchc_normalise_url;
	# No public page reads the visitor's cookies or credentials (the site renders with the
	# Host, Accept and Accept-Language headers only): a cookie must not split or bypass the cache.
	unset req.http.Cookie;
	unset req.http.Authorization;
	set req.http.cchc-public = "1";
	# While the site is healthy, a page up to 5 minutes past its freshness is served at once
	# and refreshed in the background (the site's stale-while-revalidate); an older one is
	# fetched. While it is sick, or after a failed fetch (cchc-stale, see vcl_synth), any copy
	# within the object's grace (24 h, the site's stale-if-error) is served.
	if (!req.http.cchc-stale && std.healthy(req.backend_hint)) {
		set req.grace = 300s;
	}
	return (hash);
}

# The address the site counts renders by (TRUST_PROXY=true on the site: the last
# X-Forwarded-For entry): exactly one entry, which a client cannot forge. The scheme
# (X-Forwarded-Proto: https) decides HSTS, and is believed only from a TLS terminator.
sub cchc_client_address {
	if (remote.ip ~ cchc_proxies && client.ip == remote.ip) {
		# A trusted proxy speaking HTTP (nginx, haproxy): it named its client last, and
		# Varnish appended the proxy's own address after that.
		set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, "^(?:.*,)?\s*([^,\s]+)\s*,\s*[^,]*$", "\1");
	} else {
		# A client, or a TLS terminator speaking the PROXY protocol (client.ip is then the visitor's).
		set req.http.X-Forwarded-For = client.ip;
		unset req.http.X-Forwarded-Proto;
		if (proxy.is_ssl()) {
			set req.http.X-Forwarded-Proto = "https";
		}
	}
}

# PURGE with `xkey-purge: tag1 tag2`: only from an address of cchc_purgers, and only with
# the secret in `x-cchc-purge-secret`. Answers {"purged": n} like the site's own purge.
sub cchc_purge {
	if (!(client.ip ~ cchc_purgers)) {
		return (synth(403, "Forbidden"));
	}
	call cchc_purge_secret;
	if (!req.http.xkey-purge) {
		return (synth(400, "Bad Request"));
	}
	set req.http.cchc-purged = xkey.purge(req.http.xkey-purge);
	return (synth(200, "Purged"));
}

# The host, as the site's page cache keys it (cache-key.ts, withHost): an allowed host keys
# its own entries (with its port when there is no SITE_URL); any other host is rendered as
# SITE_URL's, or refused with 421 when SITE_URL is unset. local.vcl's cchc_host_policy
# holds the list and sets cchc-key-host.
sub cchc_host {
	if (req.restarts == 0) {
		set req.http.cchc-host-full = std.tolower(req.http.host);
		set req.http.cchc-host-name = regsub(regsub(req.http.cchc-host-full, ":[0-9]+$", ""), "\.$", "");
		call cchc_host_policy;
		unset req.http.cchc-host-full;
		unset req.http.cchc-host-name;
	}
}

# Requests the site answers per visitor, never stored (shared's isPrivateRequest): an entrant's
# attempt pages and the challenge under /cuoc-thi/bai-thi/, a question's lookup, drafts'
# previews; and the search, whose query strings are as many as its readers' words. Paths
# that a router reads differently from how they are written (percent escapes, backslashes,
# empty or dot segments) are passed too, so that no spelling of a private path is ever stored.
sub cchc_private {
	if (req.url ~ "(?i)^/(cuoc-thi/bai-thi|hoi-dap/tra-cuu|xem-truoc|tim-kiem)(/|\?|$)") {
		return (pass);
	}
	if (req.url !~ "^/[A-Za-z0-9._~!$&'()*+,;=:@/-]*(\?.*)?$" || req.url ~ "^[^?]*(//|/\.\.?(/|\?|$))") {
		return (pass);
	}
}

# The query string as the site's cache key keeps it (cache-key.ts, ROUTE_PARAMS): only the
# parameters the route reads, in the route's order, each with every value it was given in
# the order given; the rest (tracking parameters, junk) is dropped. The site is then asked
# for that same URL, so one key is always one page.
sub cchc_normalise_url {
	set req.http.cchc-path = regsub(req.url, "\?.*$", "");
	set req.http.cchc-query = "&" + regsub(req.url, "^[^?]*\??", "");
	set req.http.cchc-kept = "";
	if (req.http.cchc-path ~ "^(/ban-chi-dao)?/van-ban/?$") {
		set req.http.cchc-kept =
		    regsuball(req.http.cchc-query, "&(?!q(?:[=&]|$))[^&]*", "") +
		    regsuball(req.http.cchc-query, "&(?!loai(?:[=&]|$))[^&]*", "") +
		    regsuball(req.http.cchc-query, "&(?!nam(?:[=&]|$))[^&]*", "") +
		    regsuball(req.http.cchc-query, "&(?!co-quan-ban-hanh(?:[=&]|$))[^&]*", "") +
		    regsuball(req.http.cchc-query, "&(?!linh-vuc(?:[=&]|$))[^&]*", "") +
		    regsuball(req.http.cchc-query, "&(?!trang(?:[=&]|$))[^&]*", "");
	} elsif (req.http.cchc-path ~ "^/(chu-de|co-quan|linh-vuc)/[^/]+/?$" || req.http.cchc-path ~ "^/(phat-thanh|infographic|video)/?$") {
		set req.http.cchc-kept = regsuball(req.http.cchc-query, "&(?!trang(?:[=&]|$))[^&]*", "");
	} elsif (req.http.cchc-path ~ "^/hoi-dap/?$") {
		set req.http.cchc-kept =
		    regsuball(req.http.cchc-query, "&(?!q(?:[=&]|$))[^&]*", "") +
		    regsuball(req.http.cchc-query, "&(?!linh-vuc(?:[=&]|$))[^&]*", "") +
		    regsuball(req.http.cchc-query, "&(?!co-quan(?:[=&]|$))[^&]*", "") +
		    regsuball(req.http.cchc-query, "&(?!trang(?:[=&]|$))[^&]*", "");
	}
	if (req.http.cchc-kept == "") {
		set req.url = req.http.cchc-path;
	} else {
		set req.url = req.http.cchc-path + "?" + regsub(req.http.cchc-kept, "^&", "");
	}
	unset req.http.cchc-path;
	unset req.http.cchc-query;
	unset req.http.cchc-kept;
}

sub vcl_hash {
	hash_data(req.http.cchc-key-host);
	hash_data(req.url);
	return (lookup);
}

sub vcl_hit {
	if (obj.ttl >= 0s) {
		set req.http.cchc-cache = "HIT";
	} else {
		# Past its freshness, within grace: served now, fetched again in the background.
		set req.http.cchc-cache = "STALE";
	}
	return (deliver);
}

sub vcl_miss {
	if (req.http.cchc-stale) {
		# The fetch failed and no copy is left: the Vietnamese 503 (vcl_synth), without asking the site again.
		return (synth(503, "Service Unavailable"));
	}
	set req.http.cchc-cache = "MISS";
	return (fetch);
}

sub vcl_pass {
	set req.http.cchc-cache = "PASS";
	return (fetch);
}

sub vcl_deliver {
	unset resp.http.xkey;
	unset resp.http.Cache-Tag;
	unset resp.http.Via;
	unset resp.http.X-Varnish;
	set resp.http.X-Cache = req.http.cchc-cache;
	if (req.http.cchc-cache != "PASS" && !obj.uncacheable) {
		# One stored copy serves every encoding (vcl_backend_response): downstream caches must still tell them apart.
		set resp.http.Vary = "Accept-Encoding";
	}
	# Stored pages are kept without HSTS (they serve both schemes); the site adds it over HTTPS, and so does Varnish.
	if (req.http.X-Forwarded-Proto == "https" && !resp.http.Strict-Transport-Security) {
		set resp.http.Strict-Transport-Security = "max-age=31536000; includeSubDomains";
	}
	return (deliver);
}

sub vcl_synth {
	# A fetch failed (the site down, or answering 5xx while the CMS is down): look again once,
	# taking any copy within grace. vcl_miss answers 503 when there is none.
	if (resp.status == 503 && req.http.cchc-public && !req.http.cchc-stale && req.restarts == 0) {
		set req.http.cchc-stale = "1";
		return (restart);
	}
	set resp.http.X-Cache = "SYNTH";
	set resp.http.Cache-Control = "no-store";
	set resp.http.X-Content-Type-Options = "nosniff";
	if (resp.status == 200 && req.http.cchc-purged) {
		set resp.http.Content-Type = "application/json; charset=utf-8";
		set resp.body = {"{"purged":"} + req.http.cchc-purged + "}";
	} elsif (resp.status == 200) {
		set resp.http.Content-Type = "text/plain; charset=utf-8";
		if (std.healthy(cchc_site.backend())) {
			set resp.body = "ok";
		} else {
			# Still 200: Varnish keeps serving stored pages while every site instance is down.
			set resp.body = "ok (no healthy site instance: stored pages only)";
		}
	} elsif (resp.status == 403) {
		set resp.http.Content-Type = "text/plain; charset=utf-8";
		set resp.body = "Không được phép xóa bộ nhớ đệm.";
	} elsif (resp.status == 400) {
		set resp.http.Content-Type = "text/plain; charset=utf-8";
		set resp.body = "Cần tiêu đề xkey-purge với các thẻ cần xóa.";
	} elsif (resp.status == 421) {
		set resp.http.Content-Type = "text/plain; charset=utf-8";
		set resp.body = "Trang này không phục vụ tên miền đã yêu cầu.";
	} else {
		# 503 and anything Varnish itself fails with: never the English "Guru Meditation".
		set resp.status = 503;
		set resp.http.Content-Type = "text/html; charset=utf-8";
		set resp.http.Retry-After = "60";
		set resp.body = {"<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Hệ thống đang tạm gián đoạn</title>
<style>body{font:1.125rem/1.6 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.5rem}a{color:#0b4f9c}</style></head>
<body><main><h1>Hệ thống đang tạm gián đoạn</h1><p>Hệ thống đang tạm gián đoạn, chưa lấy được nội dung. Xin vui lòng thử lại sau ít phút.</p><p><a href="/">Về trang chủ</a></p></main></body>
</html>
"};
	}
	return (deliver);
}

# ---------------------------------------------------------------------------
# Backend side

sub vcl_backend_fetch {
	unset bereq.http.cchc-stale;
	unset bereq.http.cchc-cache;
	unset bereq.http.cchc-public;
	unset bereq.http.cchc-key-host;
	unset bereq.http.x-cchc-purge-secret;
	unset bereq.http.xkey-purge;
	return (fetch);
}

sub vcl_backend_response {
	if (bereq.uncacheable) {
		# A pass: as the site answered it.
		return (deliver);
	}
	if (beresp.status >= 500) {
		# The site failed (the CMS is down, a render broke): keep the stale copy rather than
		# store the failure. A background fetch ends here; a foreground one reaches vcl_synth.
		return (abandon);
	}
	if (beresp.status == 429) {
		# One visitor's render budget is spent: this answer is theirs, and must not displace the stored page.
		set beresp.uncacheable = true;
		set beresp.ttl = 0s;
		return (deliver);
	}
	# What the site's page cache stores (front.ts, isCacheable): a public 200 without a cookie.
	if (beresp.status != 200 || beresp.http.Cache-Control !~ "(?i)(^|[,\s])public\s*(,|$)" || beresp.http.Cache-Control ~ "(?i)no-store|no-cache|private" || beresp.http.Set-Cookie || beresp.http.Vary ~ "\*") {
		# Hit-for-miss: the next requests go to the site (a 404 may be published in a minute), not coalesced.
		set beresp.uncacheable = true;
		set beresp.ttl = 60s;
		return (deliver);
	}
	if (!beresp.http.xkey && beresp.http.Cache-Tag) {
		set beresp.http.xkey = beresp.http.Cache-Tag;
	}
	# Freshness comes from the site (s-maxage, else max-age). Stale copies are kept a day for
	# when the site or the CMS is down, and an hour more for conditional refreshes (ETag).
	set beresp.grace = 24h;
	set beresp.keep = 1h;
	unset beresp.http.Strict-Transport-Security;
	unset beresp.http.X-Cache;
	# One copy per page, gzipped: Varnish gunzips it for clients that do not take gzip, so
	# Accept-Encoding must not split it (vcl_deliver adds the Vary back for downstream caches).
	# Brotli is not kept: Varnish can neither decode it for other clients nor store it beside
	# the gzip copy without a second object per page (and a second purge target).
	if (beresp.http.Vary) {
		set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*accept-encoding\s*(?=,|$)", "");
		set beresp.http.Vary = regsub(beresp.http.Vary, "^\s*,\s*", "");
		if (beresp.http.Vary ~ "^\s*$") {
			unset beresp.http.Vary;
		}
	}
	if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~ "(?i)^(text/|application/(xml|rss\+xml|atom\+xml|json|javascript|manifest\+json)|image/svg\+xml)") {
		set beresp.do_gzip = true;
	}
	return (deliver);
}

sub vcl_backend_error {
	# No site instance answered. A background fetch keeps the stale copy; a foreground one
	# reaches vcl_synth (a stale copy, else the Vietnamese 503).
	return (abandon);
}
