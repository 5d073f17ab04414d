"""Plain-Python routing: from a classified report to the queue that owns it."""

from hotline.routing.rules import (
    Deployment,
    QueueRule,
    RoutingDecision,
    RulesError,
    decide,
    load_deployment,
    parse_deployment,
)

__all__ = [
    "Deployment", "QueueRule", "RoutingDecision", "RulesError",
    "decide", "load_deployment", "parse_deployment",
]
