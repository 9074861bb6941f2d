"""Which diagrams node class draws each component kind, per provider.

Plain data (dotted paths under the `diagrams` package), so that importing this module stays
cheap; `icon_class` imports the one class it needs. Where a provider has no icon for a kind,
the table borrows a neutral one from another set rather than leaving the kind out.
"""

from __future__ import annotations

import importlib
from typing import Any, Literal

Provider = Literal["onprem", "aws", "gcp", "k8s"]
PROVIDERS: tuple[Provider, ...] = ("onprem", "aws", "gcp", "k8s")

ONPREM: dict[str, str] = {
    "client": "onprem.client.Users",
    "dns": "onprem.dns.Coredns",
    "cdn": "saas.cdn.Cloudflare",
    "load_balancer": "onprem.network.Haproxy",
    "api_gateway": "onprem.network.Kong",
    "rate_limiter": "onprem.network.Envoy",
    "auth": "onprem.auth.Oauth2Proxy",
    "service": "onprem.compute.Server",
    "websocket_gateway": "onprem.messaging.Centrifugo",
    "game_server": "onprem.compute.Server",
    "worker": "onprem.queue.Celery",
    "scheduler": "onprem.workflow.Airflow",
    "cache": "onprem.inmemory.Redis",
    "sql_db": "onprem.database.Postgresql",
    "nosql_db": "onprem.database.Cassandra",
    "object_store": "onprem.storage.Ceph",
    "queue": "onprem.queue.Kafka",
    "pubsub": "onprem.queue.Nats",
    "search_index": "elastic.elasticsearch.Elasticsearch",
    "stream_processor": "onprem.analytics.Flink",
    "warehouse": "onprem.analytics.Hive",
    "coordination": "onprem.network.Zookeeper",
    "monitoring": "onprem.monitoring.Prometheus",
    "notification": "firebase.grow.Messaging",
    "external": "onprem.network.Internet",
}

AWS: dict[str, str] = {
    "client": "aws.general.Users",
    "dns": "aws.network.Route53",
    "cdn": "aws.network.CloudFront",
    "load_balancer": "aws.network.ElbApplicationLoadBalancer",
    "api_gateway": "aws.network.APIGateway",
    "rate_limiter": "aws.security.WAF",
    "auth": "aws.security.Cognito",
    "service": "aws.compute.EC2",
    "websocket_gateway": "aws.compute.ElasticContainerService",
    "game_server": "aws.game.Gamelift",
    "worker": "aws.compute.Lambda",
    "scheduler": "aws.integration.EventbridgeScheduler",
    "cache": "aws.database.ElasticacheForRedis",
    "sql_db": "aws.database.RDS",
    "nosql_db": "aws.database.Dynamodb",
    "object_store": "aws.storage.SimpleStorageServiceS3",
    "queue": "aws.integration.SimpleQueueServiceSqs",
    "pubsub": "aws.integration.SimpleNotificationServiceSns",
    "search_index": "aws.analytics.AmazonOpensearchService",
    "stream_processor": "aws.analytics.KinesisDataAnalytics",
    "warehouse": "aws.analytics.Redshift",
    "coordination": "aws.management.SystemsManagerParameterStore",
    "monitoring": "aws.management.Cloudwatch",
    "notification": "aws.engagement.Pinpoint",
    "external": "aws.general.InternetAlt1",
}

GCP: dict[str, str] = {
    "client": "onprem.client.Users",
    "dns": "gcp.network.DNS",
    "cdn": "gcp.network.CDN",
    "load_balancer": "gcp.network.LoadBalancing",
    "api_gateway": "gcp.api.APIGateway",
    "rate_limiter": "gcp.network.Armor",
    "auth": "gcp.security.IAP",
    "service": "gcp.compute.Run",
    "websocket_gateway": "gcp.compute.KubernetesEngine",
    "game_server": "gcp.compute.ComputeEngine",
    "worker": "gcp.compute.Functions",
    "scheduler": "gcp.devtools.Scheduler",
    "cache": "gcp.database.Memorystore",
    "sql_db": "gcp.database.SQL",
    "nosql_db": "gcp.database.Bigtable",
    "object_store": "gcp.storage.Storage",
    "queue": "gcp.devtools.Tasks",
    "pubsub": "gcp.analytics.Pubsub",
    "search_index": "elastic.elasticsearch.Elasticsearch",
    "stream_processor": "gcp.analytics.Dataflow",
    "warehouse": "gcp.analytics.Bigquery",
    "coordination": "gcp.database.Spanner",
    "monitoring": "gcp.operations.Monitoring",
    "notification": "firebase.grow.Messaging",
    "external": "onprem.network.Internet",
}

K8S: dict[str, str] = {
    "client": "onprem.client.Users",
    "dns": "k8s.ecosystem.ExternalDns",
    "cdn": "saas.cdn.Cloudflare",
    "load_balancer": "k8s.network.SVC",
    "api_gateway": "k8s.network.Ing",
    "rate_limiter": "k8s.clusterconfig.Limits",
    "auth": "k8s.podconfig.Secret",
    "service": "k8s.compute.Deploy",
    "websocket_gateway": "k8s.compute.Pod",
    "game_server": "k8s.compute.Pod",
    "worker": "k8s.compute.Job",
    "scheduler": "k8s.compute.Cronjob",
    "cache": "onprem.inmemory.Redis",
    "sql_db": "k8s.compute.STS",
    "nosql_db": "k8s.compute.STS",
    "object_store": "k8s.storage.PV",
    "queue": "onprem.queue.Kafka",
    "pubsub": "onprem.queue.Nats",
    "search_index": "elastic.elasticsearch.Elasticsearch",
    "stream_processor": "k8s.compute.RS",
    "warehouse": "k8s.storage.PVC",
    "coordination": "k8s.infra.ETCD",
    "monitoring": "onprem.monitoring.Prometheus",
    "notification": "firebase.grow.Messaging",
    "external": "onprem.network.Internet",
}

TABLES: dict[str, dict[str, str]] = {"onprem": ONPREM, "aws": AWS, "gcp": GCP, "k8s": K8S}


# Products a label names (read through the lexicon), drawn with their own icon where the
# provider's set has one; the kind's icon otherwise.
TECHNOLOGY: dict[str, dict[str, str]] = {
    "onprem": {
        "mysql": "onprem.database.Mysql",
        "postgres": "onprem.database.Postgresql",
        "cassandra": "onprem.database.Cassandra",
        "mongodb": "onprem.database.Mongodb",
        "hbase": "onprem.database.Hbase",
        "redis": "onprem.inmemory.Redis",
        "memcached": "onprem.inmemory.Memcached",
        "kafka": "onprem.queue.Kafka",
        "rabbitmq": "onprem.queue.Rabbitmq",
        "nginx": "onprem.network.Nginx",
        "elasticsearch": "elastic.elasticsearch.Elasticsearch",
        "flink": "onprem.analytics.Flink",
    },
    "aws": {
        "dynamodb": "aws.database.Dynamodb",
        "s3": "aws.storage.S3",
        "sqs": "aws.integration.SQS",
        "redis": "aws.database.ElasticacheForRedis",
        "memcached": "aws.database.ElasticacheForMemcached",
        "kafka": "aws.analytics.ManagedStreamingForKafka",
        "elasticsearch": "aws.analytics.ElasticsearchService",
    },
}


def icon_path(provider: str, kind: str, technology: str | None = None) -> str:
    """The dotted path (under `diagrams.`) of the node class for a kind (or the technology
    its label names, when the provider draws it)."""
    if technology:
        path = TECHNOLOGY.get(provider, {}).get(technology)
        if path:
            return path
    return TABLES[provider][kind]


def icon_class(provider: str, kind: str, technology: str | None = None) -> Any:
    """The diagrams node class for a kind (imports its provider module)."""
    module_name, _, class_name = icon_path(provider, kind, technology).rpartition(".")
    module = importlib.import_module(f"diagrams.{module_name}")
    return getattr(module, class_name)
