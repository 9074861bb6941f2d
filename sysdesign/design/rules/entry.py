"""The public entry: load balancing, rate limiting, CDN, and clients that skip the services."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sysdesign.design.findings import arrow
from sysdesign.design.graph import (
    READ_WORDS,
    bfs,
    instances_text,
    is_write_edge,
    kind_of,
    of_kind,
    walk_back,
)
from sysdesign.design.rules import Context, Hit, rule
from sysdesign.messages import given, message
from sysdesign.models.kinds import DATA_STORES

_SCALED_ENTRY = frozenset({"service", "websocket_gateway", "api_gateway"})
_RATE_LIMIT_TAGS = frozenset(
    {"rate_limit", "rate-limit", "rate_limiter", "rate-limiter", "throttle", "throttling"}
)
#: A client or an entry tagged so is not public: staff tools, back offices, internal load
#: balancers that only employees or other services reach.
INTERNAL_TAGS = frozenset({"internal", "staff", "admin", "private"})
#: Reads of at least this many bytes are media (an image or more), which a CDN should serve.
MEDIA_READ_BYTES = 100_000
#: Words that say an object store holds what end users download: media and static assets.
MEDIA_WORDS = re.compile(
    r"\b(images?|photos?|pictures?|videos?|media|static|assets?|thumbnails?|avatars?|"
    r"attachments?|downloads?|renditions?|pages?|html|css|js|bundles?)\b|"
    r"이미지|사진|영상|동영상|미디어|정적|첨부|썸네일|다운로드"
)
#: Words that say an object store holds back-end data no end user fetches: backups, archives,
#: snapshots, recovery copies. They hold even when the scenario says clients read media.
BACKEND_WORDS = re.compile(
    r"\b(backups?|archives?|archived|archiving|snapshots?|recovery|restore|replay|wal|"
    r"checkpoints?|audit|dr)\b|백업|아카이브|스냅샷|복구|체크포인트|감사"
)
#: Words that say the same when nothing says clients read media: a time-series store's
#: compacted blocks, logs, cold tiers. (A file-sync service's blocks are what users download,
#: so these count only outside a media scenario.)
INTERNAL_DATA_WORDS = re.compile(
    r"\b(blocks?|compaction|compacted|cold|tiers?|tiered|logs?|metrics|dumps?|exports?|"
    r"retention|lake|history)\b|블록|로그|보관|이력"
)


def _front_doors(ctx: Context) -> dict[str, list[str]]:
    """What each client calls first (looking through DNS): target → the clients calling it."""
    g = ctx.graph
    out: dict[str, list[str]] = {}
    for client in ctx.clients:
        for nxt in g.succ[client]:
            targets = list(g.succ[nxt]) if kind_of(g, nxt) == "dns" else [nxt]
            for target in targets:
                out.setdefault(target, [])
                if client not in out[target]:
                    out[target].append(client)
    return out


@rule("no-load-balancer", severity="major")
def no_load_balancer(ctx: Context) -> Iterator[Hit]:
    """Clients call a replicated (self-run) service or gateway directly.

    Only the client-facing entry matters: an internal hop between two replicated tiers is
    usually drawn without its load balancer on purpose, and is not a finding.
    """
    g = ctx.graph
    for target, clients in _front_doors(ctx).items():
        data = g.nodes[target]
        if data["kind"] not in _SCALED_ENTRY or data["managed"] or data["instances"] < 2:
            continue
        en_n, ko_n = instances_text(g, target)
        yield Hit(
            components=(target, *clients),
            message=message(
                "design.entry.clients_call_directly",
                target=target,
                n={"en": en_n, "ko": ko_n},
            ),
            why=message("design.entry.without_one_stable_address_in"),
            fix=message("design.entry.put_a_load_balancer_with", target=target),
            evidence=tuple(
                message(
                    "design.entry.call_edge", client=c, target=target, n={"en": en_n, "ko": ko_n}
                )
                for c in clients
            ),
        )


@rule("client-to-datastore", severity="critical")
def client_to_datastore(ctx: Context) -> Iterator[Hit]:
    """A client connects straight to a data store.

    Object stores are left out on purpose: clients uploading or downloading through signed
    URLs is the recommended pattern (no-cdn covers downloads without a CDN).
    """
    g = ctx.graph
    for client in ctx.clients:
        for store in g.succ[client]:
            kind = kind_of(g, store)
            if kind not in DATA_STORES or kind == "object_store":
                continue
            yield Hit(
                components=(client, store),
                message=message(
                    "design.entry.client_connects_straight_to_data",
                    client=client,
                    store=store,
                    kind=kind,
                ),
                why=message("design.entry.credentials_ship_to_every_device"),
                fix=message("design.entry.put_a_service_behind_the", client=client, store=store),
                evidence=(message("design.entry.edge", client=client, store=store),),
            )


def _internal(ctx: Context, node: str) -> bool:
    return bool(ctx.graph.nodes[node]["tags"] & INTERNAL_TAGS)


@rule("no-rate-limit", severity="minor")
def no_rate_limit(ctx: Context) -> Iterator[Hit]:
    """The public entry has neither an API gateway nor a rate limiter (nor one tagged so).

    Only public entry points are judged: clients and entries tagged `internal` (staff tools, an
    internal load balancer) are not the public's way in, and a public client's path does not
    continue through them. Each public client is checked on its own: a web app behind an API
    gateway does not protect a mobile app that enters through another door.
    """
    g = ctx.graph

    def limits(node: str) -> bool:
        data = g.nodes[node]
        return bool(
            data["kind"] in ("api_gateway", "rate_limiter") or data["tags"] & _RATE_LIMIT_TAGS
        )

    public = [c for c in ctx.clients if not _internal(ctx, c)]
    open_clients: list[str] = []
    for client in public:
        reach = bfs(g, [client], enter=lambda _u, v: not _internal(ctx, v))
        reached = [n for n in reach if kind_of(g, n) != "client"]
        if reached and not any(limits(n) for n in reached):
            open_clients.append(client)
    if not open_clients:
        return
    doors = sorted(
        door
        for door, callers in _front_doors(ctx).items()
        if set(callers) & set(open_clients) and not _internal(ctx, door)
    )
    entry = [n for n in doors if kind_of(g, n) not in DATA_STORES] or doors
    yield Hit(
        components=tuple(entry),
        message=message("design.entry.nothing_at_the_public_entry"),
        why=message("design.entry.one_buggy_client_scraper_or"),
        fix=message("design.entry.add_an_api_gateway_or"),
        evidence=(
            message("design.entry.public_entry_points", join=", ".join(entry)),
            message("design.entry.no_api_gateway_or_rate", join=", ".join(open_clients)),
        ),
    )


def media_reads(ctx: Context) -> bool:
    """Whether the scenario (or the design's estimates) says clients read media: a rubric that
    expects a CDN, media attached to writes (`media_fraction` > 0 and `media_size`), or reads
    of at least 100 KB (`read_size`)."""
    from sysdesign.errors import UsageError
    from sysdesign.estimate.units import parse_fraction, parse_size

    if ctx.rubric is not None and "cdn" in ctx.rubric.expected_kinds:
        return True
    inputs = ctx.inputs
    if inputs is None:
        return False
    try:
        if (
            inputs.media_size is not None
            and inputs.media_fraction is not None
            and parse_fraction(inputs.media_fraction, "media_fraction") > 0
            and parse_size(inputs.media_size, "media_size") > 0
        ):
            return True
        if inputs.read_size is not None:
            return parse_size(inputs.read_size, "read_size") >= MEDIA_READ_BYTES
    except UsageError:  # `validate` and the traffic model name the bad value
        return False
    return False


@rule("no-cdn", severity="major")
def no_cdn(ctx: Context) -> Iterator[Hit]:
    """Clients fetch from an object store without a CDN.

    Silent when the rubric says the product is the storage service itself
    (`storage_product`). When the scenario or the estimates say clients read media (see
    `media_reads`), the decision is structural, whatever the labels say: with no CDN in front of
    any object store, every store the clients reach serves those reads without one; with a CDN in
    front of some, a store fires only when the design draws reads flowing from it to a client
    around the CDN (an edge from the store towards the client). Otherwise the older reading
    applies: a fetch path is one from a client that does not pass through a CDN and whose edges
    are not labelled as writes or uploads; when a CDN fronts the store, only an edge labelled as
    a read (`GET`, `download`…) counts as a fetch that bypasses it.
    A store whose id, label, notes and edge labels name back-end data and no media (a backup,
    an archive, a recovery copy; compacted blocks or logs when nothing says clients read media)
    serves no end user and is left out.
    """
    g = ctx.graph
    if ctx.rubric is not None and ctx.rubric.storage_product:
        return
    stores = of_kind(g, "object_store")
    if not stores or not ctx.clients:
        return
    cdns = of_kind(g, "cdn")
    fronted = set(bfs(g, cdns)) if cdns else set()

    def not_cdn(_u: str, v: str) -> bool:
        return kind_of(g, v) != "cdn"

    def through(v: str) -> bool:
        return kind_of(g, v) not in DATA_STORES

    media = media_reads(ctx)

    def backend_only(store: str) -> bool:
        """The store's id, label, notes and the labels of its edges name back-end data
        (backups, archives; blocks and logs outside a media scenario) and no media: nothing
        in it is served to end users."""
        texts = [store.replace("_", " ").replace("-", " "), g.nodes[store]["label"]]
        notes = ctx.design.components[store].notes
        if notes:
            texts.append(notes.both)
        for u in g.pred[store]:
            texts += g.edges[u, store]["labels"]
        for v in g.succ[store]:
            texts += g.edges[store, v]["labels"]
        words = " ".join(texts).lower()
        if MEDIA_WORDS.search(words):
            return False
        return bool(
            BACKEND_WORDS.search(words) or (not media and INTERNAL_DATA_WORDS.search(words))
        )

    stores = [s for s in stores if not backend_only(s)]
    if not stores:
        return
    if media:
        reach = {} if fronted & set(stores) else bfs(g, ctx.clients, enter=not_cdn, expand=through)
        clients = set(ctx.clients)
        for store in stores:
            if store in reach:
                yield _no_cdn_hit(store, walk_back(reach, store), store in fronted, cdns)
                continue
            # reads drawn in their own direction: from the store towards a client
            back = bfs(g, [store], enter=not_cdn, expand=through)
            reader = next((n for n in back if n in clients), None)
            if reader is not None:
                yield _no_cdn_hit(store, walk_back(back, reader), store in fronted, cdns)
        return

    def enter(u: str, v: str) -> bool:
        if kind_of(g, v) == "cdn" or is_write_edge(g, u, v):
            return False
        if v in fronted and kind_of(g, v) == "object_store":
            return any(READ_WORDS.search(label.lower()) for label in g.edges[u, v]["labels"])
        return True

    fetch = bfs(g, ctx.clients, enter=enter, expand=through)
    for store in stores:
        if store in fetch:
            yield _no_cdn_hit(store, walk_back(fetch, store), store in fronted, cdns)


def _no_cdn_hit(store: str, path: list[str], fronted: bool, cdns: list[str]) -> Hit:
    return Hit(
        components=(store, *(n for n in path[1:-1] if n != store)),
        message=message("design.entry.clients_fetch_content_from_without", store=store),
        why=message("design.entry.every_view_crosses_the_internet"),
        fix=message("design.entry.serve_reads_through_a_cdn", store=store),
        evidence=(
            message("design.entry.fetch_path_without_a_cdn", arrow=arrow(path)),
            given(
                f"a CDN fronts '{store}', but this read goes around it"
                if fronted
                else "no CDN reaches '" + store + "'"
                if cdns
                else "the design has no CDN",
                f"CDN이 '{store}' 앞에 있지만 이 읽기는 CDN을 거치지 않습니다"
                if fronted
                else f"'{store}'에 닿는 CDN이 없습니다"
                if cdns
                else "설계에 CDN이 없습니다",
            ),
        ),
    )
