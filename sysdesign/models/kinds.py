"""Component kinds, their aliases and their families (see shared DESIGN-FORMAT.md).

Plain data, no pydantic: the design loader, the rules and the renderers all read it.
"""

from __future__ import annotations

KINDS: dict[str, tuple[str, ...]] = {
    "client": ("user", "browser", "mobile", "app"),
    "dns": (),
    "cdn": (),
    "load_balancer": ("lb", "alb", "nlb", "elb"),
    "api_gateway": ("gateway",),
    "rate_limiter": (),
    "auth": (),
    "service": ("api", "app_server", "backend", "microservice"),
    "websocket_gateway": ("ws", "realtime_gateway", "connection_server"),
    # A dedicated (UDP) game server holding one or more matches: the allocator hands each player
    # the server's own address, so clients reach it directly, with no load balancer in between.
    "game_server": ("dedicated_server", "udp_server", "match_server"),
    "worker": ("consumer", "job"),
    "scheduler": ("cron",),
    "cache": ("redis", "memcached"),
    "sql_db": ("postgres", "postgresql", "mysql", "rdbms"),
    "nosql_db": ("cassandra", "dynamodb", "mongodb", "hbase"),
    "object_store": ("s3", "gcs", "blob"),
    "queue": ("kafka", "rabbitmq", "sqs", "stream"),
    "pubsub": ("redis_pubsub", "nats"),
    "search_index": ("elasticsearch", "opensearch"),
    "stream_processor": ("flink", "spark"),
    "warehouse": (),
    "coordination": ("zookeeper", "etcd"),
    "monitoring": ("prometheus", "grafana"),
    "notification": ("apns", "fcm"),
    "external": ("third_party", "payment_provider"),
}

ALIASES: dict[str, str] = {alias: kind for kind, names in KINDS.items() for alias in names}

DATA_STORES: frozenset[str] = frozenset(
    {"cache", "sql_db", "nosql_db", "object_store", "queue", "search_index", "warehouse"}
)
DATABASES: frozenset[str] = frozenset({"sql_db", "nosql_db"})
ASYNC_TARGETS: frozenset[str] = frozenset({"queue", "pubsub"})
ENTRY_KINDS: frozenset[str] = frozenset({"client"})
#: Servers that hold long-lived client connections (the concurrent users land on them).
CONNECTION_KINDS: frozenset[str] = frozenset({"websocket_gateway", "game_server"})

# Tier of each kind, used to cluster diagrams: edge, services, data, async.
TIERS: dict[str, str] = {
    "client": "clients",
    "dns": "edge",
    "cdn": "edge",
    "load_balancer": "edge",
    "api_gateway": "edge",
    "rate_limiter": "edge",
    "auth": "services",
    "service": "services",
    "websocket_gateway": "services",
    "game_server": "services",
    "worker": "async",
    "scheduler": "async",
    "cache": "data",
    "sql_db": "data",
    "nosql_db": "data",
    "object_store": "data",
    "queue": "async",
    "pubsub": "async",
    "search_index": "data",
    "stream_processor": "async",
    "warehouse": "data",
    "coordination": "services",
    "monitoring": "services",
    "notification": "external",
    "external": "external",
}


#: The one qualifier an equivalent kind may carry in a rubric: `sql_db:sharded`.
KIND_QUALIFIERS: frozenset[str] = frozenset({"", "sharded"})


def satisfies(kind: str, shards: int, wanted: str) -> bool:
    """Whether a component of `kind` with `shards` shards is what `wanted` names: a kind id, or
    `KIND:sharded` (that kind split over more than one shard)."""
    name, _, qualifier = wanted.partition(":")
    return kind == name and (qualifier != "sharded" or shards > 1)


def canonical_kind(name: str) -> str | None:
    """The stable kind id for a kind or alias (case-insensitive), or None."""
    low = name.strip().lower().replace("-", "_").replace(" ", "_")
    if low in KINDS:
        return low
    return ALIASES.get(low)


def all_kind_names() -> list[str]:
    return [*KINDS, *ALIASES]
